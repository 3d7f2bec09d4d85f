import type { ApiResult } from './errors';
import type { EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './index';

/**
 * What the Electron preload exposes as `window.cityops`, and nothing else. The WebSocket
 * transport in the renderer implements the same shape, so the UI never knows which it has.
 */
export interface CityopsBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names shared by the Electron shell and the preload. */
export const IPC_INVOKE = 'cityops:invoke';
export const IPC_EVENT = 'cityops:event';
