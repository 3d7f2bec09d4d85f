import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../common/contract';
import type { CityopsBridge } from '../../../common/contract/bridge';
import type { ClientErrorBody } from './errors';
import type { Observable } from './observable';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** What the UI talks to. It never learns which transport is underneath. */
export interface Api {
  /** Resolves with the method's output; rejects only with ApiCallError. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly connectionState: Observable<ConnectionState>;
  /**
   * Re-attach this window to the session saved before a reload. Resolves null when no session
   * was saved; rejects with ApiCallError (E_UNAUTHENTICATED once it has expired).
   */
  resumeSession(): Promise<MethodOutput<'auth.resume'> | null>;
  /** The transport reconnected but the hub refused to re-bind the saved session. */
  onSessionLost(listener: (error: ClientErrorBody) => void): () => void;
  close(): void;
}

/**
 * A way to reach the hub: the bridge's shape (so Electron's preload fits as is) plus what a
 * network link adds. invoke() rejects with ApiCallError('E_CONNECTION') when the hub was not reached.
 */
export interface Transport extends CityopsBridge {
  readonly connectionState: Observable<ConnectionState>;
  onSessionLost(listener: (error: ClientErrorBody) => void): () => void;
  close(): void;
}

/** Where the session token lives between reloads and reconnects. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}
