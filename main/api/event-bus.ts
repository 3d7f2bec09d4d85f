import type { Audience, EventName, EventPayload } from '../../common/contract';
import type { AuthService } from '../services/auth/auth-service';
import type { SessionEndReason } from '../services/auth/sessions-repo';
import type { Connection } from './connection';

/**
 * Delivers server → UI events to every attached connection whose session is in the audience.
 * Works the same for an Electron window and a remote console's WebSocket (docs/architecture.md#one-hub-many-consoles).
 */
export class EventBus {
  private readonly connections = new Set<Connection>();
  /** Which user each connection was signed in as, to tell it when its session is ended elsewhere. */
  private readonly boundUser = new WeakMap<Connection, number>();

  constructor(private readonly auth: AuthService) {}

  /** Consoles (windows, wall windows, remote browsers) attached now: the health page's count. */
  get attachedCount(): number {
    return this.connections.size;
  }

  attach(conn: Connection): () => void {
    this.connections.add(conn);
    // A connection moved from another bus (a restore from the console undone) keeps its session.
    const user = conn.token ? this.auth.sessionUser(conn.token) : null;
    if (conn.token && user) this.boundUser.set(conn, user.id);
    return () => this.connections.delete(conn);
  }

  bind(conn: Connection, token: string, userId: number): void {
    conn.token = token;
    this.boundUser.set(conn, userId);
  }

  unbind(conn: Connection): void {
    conn.token = null;
    this.boundUser.delete(conn);
  }

  publish<E extends EventName>(event: E, payload: EventPayload<E>, audience: Audience = {}): void {
    for (const conn of this.connections) {
      if (!conn.token) continue;
      // Before the session's lookup (two reads): a stream's state goes to its few viewers only.
      if (audience.connectionIds && !audience.connectionIds.includes(conn.id)) continue;
      const user = this.auth.sessionUser(conn.token);
      if (!user) continue;
      if (audience.roles && !audience.roles.some((r) => user.roles.includes(r))) continue;
      if (audience.userIds && !audience.userIds.includes(user.id)) continue;
      if (audience.orgUnitIds && !audience.orgUnitIds.includes(user.orgUnitId)) continue;
      conn.push(event, payload);
    }
  }

  /** Tells every connection of `userId` whose session is no longer live that it has ended. */
  notifyEnded(userId: number, reason: SessionEndReason): void {
    for (const conn of this.connections) {
      if (this.boundUser.get(conn) !== userId || !conn.token) continue;
      if (this.auth.sessionUser(conn.token)) continue;
      this.unbind(conn);
      conn.push('session.ended', { reason } satisfies EventPayload<'session.ended'>);
    }
  }
}
