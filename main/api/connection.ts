import type { Audience } from '../../common/contract';

/**
 * One client of the hub: a WebSocket of the web shell or an Electron window. The router binds a
 * session to it at sign-in; the event bus pushes to it. Services never see connections.
 */
export interface Connection {
  readonly id: string;
  /** The peer's address (web shell) or 'ipc' (Electron window): sign-in is rate-limited per address. */
  readonly remoteAddress?: string | undefined;
  /** Session token bound by auth.login / auth.resume; null when signed out. */
  token: string | null;
  /**
   * A partner system calling through its API key (an Open311 request): no session, and only the
   * methods whose access is 'apiKey'. Set by the endpoint after it verified the key.
   */
  readonly apiKey?: { readonly id: number; readonly name: string };
  /** Deliver a server → UI event frame. */
  push(event: string, payload: unknown): void;
}

export type { Audience };
