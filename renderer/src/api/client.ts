import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../common/contract';
import { ApiCallError, toApiCallError, type ClientErrorBody } from './errors';
import type { Observable } from './observable';
import type { Api, ConnectionState, TokenStore, Transport } from './types';

/**
 * The Api over any transport: unwraps results into values or ApiCallError, and keeps the session
 * token in step with sign-in, resume and sign-out so a reload or reconnect can re-bind it.
 */
export class ApiClient implements Api {
  readonly connectionState: Observable<ConnectionState>;
  private readonly unsubscribeEnded: () => void;

  constructor(
    private readonly transport: Transport,
    private readonly tokens: TokenStore,
  ) {
    this.connectionState = transport.connectionState;
    this.unsubscribeEnded = transport.subscribe('session.ended', () => {
      tokens.clear();
    });
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    let result;
    try {
      result = await this.transport.invoke(method, input);
    } catch (error) {
      throw toApiCallError(error);
    } finally {
      // Signing out is final even if the hub cannot be told.
      if (method === 'auth.logout') this.tokens.clear();
    }
    if (!result.ok) {
      if (method === 'auth.resume' && result.error.code === 'E_UNAUTHENTICATED') this.tokens.clear();
      throw new ApiCallError(result.error);
    }
    if (method === 'auth.login' || method === 'auth.resume') {
      this.tokens.set((result.value as MethodOutput<'auth.login'>).token);
    }
    return result.value;
  }

  resumeSession(): Promise<MethodOutput<'auth.resume'> | null> {
    const token = this.tokens.get();
    return token ? this.call('auth.resume', { token }) : Promise.resolve(null);
  }

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.subscribe(event, listener);
  }

  onSessionLost(listener: (error: ClientErrorBody) => void): () => void {
    return this.transport.onSessionLost(listener);
  }

  close(): void {
    this.unsubscribeEnded();
    this.transport.close();
  }
}
