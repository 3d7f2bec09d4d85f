import { parseAuditDetail, type AuditDetail, type AuditEntry } from '../../../common/contract';
import type { Db } from '../../db/connection';

export interface AuditAppend {
  at: number;
  actorId: number | null;
  actorName: string;
  method: string;
  target: string | null;
  summary: string;
  ok: boolean;
  errorCode: string | null;
  /** The summary as template key + parameters (rendered by the console in its language). */
  detail?: AuditDetail | null;
}

export interface AuditQuery {
  from?: number | undefined;
  to?: number | undefined;
  actor?: string | undefined;
  method?: string | undefined;
  text?: string | undefined;
  onlyFailures?: boolean | undefined;
  beforeId?: number | undefined;
  limit: number;
}

interface AuditRow extends Omit<AuditEntry, 'ok' | 'detail' | 'targetName'> {
  ok: number;
  detail: string | null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The append-only audit log (UPDATE and DELETE are refused by triggers). */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  append(entry: AuditAppend): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO audit_log (at, actor_id, actor_name, method, target, summary, ok, error_code, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.at,
        entry.actorId,
        entry.actorName,
        entry.method,
        entry.target,
        entry.summary,
        entry.ok ? 1 : 0,
        entry.errorCode,
        entry.detail ? JSON.stringify(entry.detail) : null,
      );
    return Number(lastInsertRowid);
  }

  list(q: AuditQuery): { entries: AuditEntry[]; nextBeforeId: number | null } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (q.from !== undefined) add('a.at >= ?', q.from);
    if (q.to !== undefined) add('a.at <= ?', q.to);
    if (q.actor) {
      // The console shows display names: either the sign-in name or the display name finds the rows.
      const like = `%${escapeLike(q.actor)}%`;
      add("(a.actor_name LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')", like, like);
    }
    if (q.method) add('a.method = ?', q.method);
    if (q.text) {
      const like = `%${escapeLike(q.text)}%`;
      add("(a.summary LIKE ? ESCAPE '\\' OR a.target LIKE ? ESCAPE '\\')", like, like);
    }
    if (q.onlyFailures) add('a.ok = 0');
    if (q.beforeId !== undefined) add('a.id < ?', q.beforeId);
    const sql = `SELECT a.id, a.at, a.actor_id AS actorId, a.actor_name AS actorName, a.method, a.target, a.summary,
                        a.ok, a.error_code AS errorCode, a.detail, u.display_name AS actorDisplayName
                 FROM audit_log a
                 LEFT JOIN users u ON u.id = a.actor_id OR (a.actor_id IS NULL AND u.username = a.actor_name)
                 ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY a.id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, q.limit + 1) as AuditRow[];
    const page = rows.slice(0, q.limit);
    const userNames = this.userTargetNames(page.map((r) => r.target));
    const entries: AuditEntry[] = page.map((r) => ({
      ...r,
      ok: r.ok === 1,
      detail: parseAuditDetail(r.detail),
      targetName: (r.target && userNames.get(r.target)) ?? null,
    }));
    const last = entries.at(-1);
    return { entries, nextBeforeId: rows.length > q.limit && last ? last.id : null };
  }

  /**
   * `user:<id>` and `user:<username>` targets → the user's display name, so the console does not show
   * a bare sign-in name or number. One query per page.
   */
  private userTargetNames(targets: readonly (string | null)[]): Map<string, string> {
    const keys = [...new Set(targets.filter((t): t is string => t?.startsWith('user:') ?? false))];
    const names = new Map<string, string>();
    if (keys.length === 0) return names;
    const rows = this.db
      .prepare(
        `SELECT id, username, display_name AS displayName FROM users
         WHERE username IN (SELECT value FROM json_each(?)) OR id IN (SELECT value FROM json_each(?))`,
      )
      .all(
        JSON.stringify(keys.map((k) => k.slice(5))),
        JSON.stringify(keys.map((k) => Number(k.slice(5))).filter(Number.isInteger)),
      ) as { id: number; username: string; displayName: string }[];
    for (const u of rows) {
      names.set(`user:${u.username}`, u.displayName);
      names.set(`user:${u.id}`, u.displayName);
    }
    return names;
  }

  methods(): string[] {
    return (this.db.prepare('SELECT DISTINCT method FROM audit_log ORDER BY method').all() as { method: string }[]).map(
      (r) => r.method,
    );
  }
}
