import type {
  ApiResult,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../common/contract';
import type { CityopsBridge } from '../../../common/contract/bridge';
import { ObservableValue } from './observable';
import type { ConnectionState, Transport } from './types';

/**
 * Electron's preload bridge. The hub lives in the same process tree and the session is bound to
 * the window, so the link is always up and never needs re-binding.
 */
export class IpcTransport implements Transport {
  readonly connectionState = new ObservableValue<ConnectionState>('connected');

  constructor(private readonly bridge: CityopsBridge) {}

  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
    return this.bridge.invoke(method, input);
  }

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.bridge.subscribe(event, listener);
  }

  // Never fires: a window's session ends through the session.ended event instead.
  onSessionLost(): () => void {
    return () => undefined;
  }

  close(): void {
    // The window owns the IPC channel; nothing to release here.
  }
}
