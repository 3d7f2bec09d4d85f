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
   * methods whose access is 'apiKey'. Set by the endpoint after it verified the key; `actorName` is
   * how the endpoint names its caller in audit rows (Open311: `open311:<key name>`).
   */
  readonly apiKey?: { readonly id: number; readonly name: string; readonly actorName: string };
  /** Deliver a server → UI event frame. */
  push(event: string, payload: unknown): void;
}

export type { Audience };
