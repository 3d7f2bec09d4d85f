import { apiError, type ApiError } from '../../common/contract';
import type { Connection } from './connection';

/** After a failed writing call without a session, the connection waits this long for the next. */
export const ANONYMOUS_WRITE_INTERVAL_MS = 1000;

interface State {
  busy: boolean;
  failedAt: number | null;
}

/** The outcome of `admit`: refused (with the wait), or admitted and to be reported as done. */
export type AnonymousWrite =
  { admitted: false; retryAfterMs: number } | { admitted: true; done(failed: boolean): void };

/**
 * Every writing call leaves an audit row, and audit rows cannot be deleted; so a caller without a
 * session (failed sign-ins, writes refused as unauthenticated) must not be able to fill the log.
 * Per connection, one such call at a time, and after a failure none for a second: at most one
 * failure row per connection per second. Refused calls leave no row. A success (a sign-in) does
 * not make the next wait: the connection then has a session. Connections are weak keys.
 */
export class AnonymousWriteThrottle {
  private readonly state = new WeakMap<Connection, State>();

  admit(conn: Connection, now: number): AnonymousWrite {
    const state = this.state.get(conn) ?? { busy: false, failedAt: null };
    if (state.busy) return { admitted: false, retryAfterMs: ANONYMOUS_WRITE_INTERVAL_MS };
    // A clock stepped back does not block the connection until it catches up.
    const since = state.failedAt === null ? Infinity : now - state.failedAt;
    if (since >= 0 && since < ANONYMOUS_WRITE_INTERVAL_MS) {
      return { admitted: false, retryAfterMs: ANONYMOUS_WRITE_INTERVAL_MS - since };
    }
    state.busy = true;
    this.state.set(conn, state);
    return {
      admitted: true,
      done: (failed) => {
        state.busy = false;
        if (failed) state.failedAt = now;
      },
    };
  }
}

export function anonymousWritesLimited(retryAfterMs: number): ApiError {
  return apiError(
    'E_RATE_LIMITED',
    '未登录时的操作过于频繁，请稍后再试',
    'Too many calls without signing in; try again in a moment',
    { retryAfterMs, scope: 'connection' },
  );
}
