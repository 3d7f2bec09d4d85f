import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../../db/connection';

export type SessionEndReason = 'logout' | 'disabled' | 'password_changed' | 'expired' | 'restored';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Session rows; only token hashes are stored. */
export class SessionsRepo {
  constructor(private readonly db: Db) {}

  create(userId: number, now: number, lifetimeMs: number): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + lifetimeMs;
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(hashToken(token), userId, now, expiresAt);
    return { token, expiresAt };
  }

  /** The live session for a token, or undefined when unknown, ended or expired. */
  live(token: string, now: number): { userId: number; expiresAt: number } | undefined {
    // Every call and every pushed event asks, so the statement is prepared once.
    this.liveStatement ??= this.db.prepare(
      `SELECT user_id AS userId, expires_at AS expiresAt FROM sessions
       WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?`,
    );
    return this.liveStatement.get(hashToken(token), now) as { userId: number; expiresAt: number } | undefined;
  }
  private liveStatement: Database.Statement<[string, number]> | undefined;

  end(token: string, now: number, reason: SessionEndReason): void {
    this.db
      .prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL')
      .run(now, reason, hashToken(token));
  }

  /**
   * When each of the sessions `tokenHashes` ended (signed out, ended by an administrator, or expired by
   * `now`), by token hash; live and unknown sessions are left out. Other domains close what a session
   * held open (the camera viewing record).
   */
  endedAt(tokenHashes: readonly string[], now: number): Map<string, number> {
    if (tokenHashes.length === 0) return new Map();
    const rows = this.db
      .prepare(
        `SELECT token_hash AS tokenHash, coalesce(ended_at, expires_at) AS endedAt FROM sessions
         WHERE token_hash IN (SELECT value FROM json_each(?)) AND (ended_at IS NOT NULL OR expires_at <= ?)`,
      )
      .all(JSON.stringify([...new Set(tokenHashes)]), now) as { tokenHash: string; endedAt: number }[];
    return new Map(rows.map((r) => [r.tokenHash, r.endedAt]));
  }

  /** Ends every live session (a restored database brings back sessions that were live when it was copied). */
  endAll(now: number, reason: SessionEndReason): number {
    return this.db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE ended_at IS NULL').run(now, reason)
      .changes;
  }

  /** Ends every session of a user, except optionally the one given. */
  endAllForUser(userId: number, now: number, reason: SessionEndReason, exceptToken?: string): number {
    const except = exceptToken ? hashToken(exceptToken) : '';
    return this.db
      .prepare(
        `UPDATE sessions SET ended_at = ?, end_reason = ?
         WHERE user_id = ? AND ended_at IS NULL AND token_hash <> ?`,
      )
      .run(now, reason, userId, except).changes;
  }
}
