import type { AuditEntry } from '../../../common/contract';
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

interface AuditRow extends Omit<AuditEntry, 'ok'> {
  ok: number;
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
        `INSERT INTO audit_log (at, actor_id, actor_name, method, target, summary, ok, error_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
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
    if (q.from !== undefined) add('at >= ?', q.from);
    if (q.to !== undefined) add('at <= ?', q.to);
    if (q.actor) add("actor_name LIKE ? ESCAPE '\\'", `%${escapeLike(q.actor)}%`);
    if (q.method) add('method = ?', q.method);
    if (q.text) {
      const like = `%${escapeLike(q.text)}%`;
      add("(summary LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\')", like, like);
    }
    if (q.onlyFailures) add('ok = 0');
    if (q.beforeId !== undefined) add('id < ?', q.beforeId);
    const sql = `SELECT id, at, actor_id AS actorId, actor_name AS actorName, method, target, summary, ok,
                        error_code AS errorCode
                 FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, q.limit + 1) as AuditRow[];
    const page: AuditEntry[] = rows.slice(0, q.limit).map((r) => ({ ...r, ok: r.ok === 1 }));
    const last = page.at(-1);
    return { entries: page, nextBeforeId: rows.length > q.limit && last ? last.id : null };
  }

  methods(): string[] {
    return (this.db.prepare('SELECT DISTINCT method FROM audit_log ORDER BY method').all() as { method: string }[]).map(
      (r) => r.method,
    );
  }
}
