import type { Db } from '../../db/connection';

const HOUR = 3600_000;
/** A supervision with no time limit to go by (an order without one) is due the next day. */
const NO_LIMIT_DUE_MS = 24 * HOUR;

/**
 * The default 督办 due time (issue 12 item 4), the rule named 「剩余时限过半」: half the order's
 * remaining time, at least 1 hour, and never after the order's deadline — so a supervision on an
 * order with 10 h left is due in 5 h, one with 90 min left in 1 h, one with 20 min left at its
 * deadline. An order already past its deadline gets 1 hour; a parked (挂账) order counts the time it
 * had left when parked; an order without a time limit gets 24 hours.
 */
export function defaultSupervisionDue(
  now: number,
  order: { deadlineAt: number | null; pausedAt: number | null },
): number {
  if (order.deadlineAt === null) return now + NO_LIMIT_DUE_MS;
  const remaining = order.deadlineAt - (order.pausedAt ?? now);
  if (remaining <= 0) return now + HOUR;
  return now + Math.min(remaining, Math.max(HOUR, remaining / 2));
}

export interface FollowUp {
  note: string;
  dueAt: number;
  byName: string;
  at: number;
}

/** The open supervision of an order (there is at most one: a second 督办 is a follow-up on it). */
export function openSupervision(db: Db, orderId: number): { id: number; dueAt: number } | undefined {
  return db
    .prepare(
      'SELECT id, due_at AS dueAt FROM order_supervisions WHERE order_id = ? AND reply IS NULL ORDER BY id LIMIT 1',
    )
    .get(orderId) as { id: number; dueAt: number } | undefined;
}

/** Adds a follow-up (催办) to an open supervision; its due time becomes `dueAt`. */
export function addFollowUp(
  db: Db,
  supervisionId: number,
  note: string,
  dueAt: number,
  by: { id: number | null; name: string },
  now: number,
): void {
  db.prepare(
    `INSERT INTO order_supervision_followups (supervision_id, note, due_at, created_by, created_by_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(supervisionId, note, dueAt, by.id, by.name, now);
  db.prepare('UPDATE order_supervisions SET due_at = ? WHERE id = ?').run(dueAt, supervisionId);
}

/** The follow-ups of the given supervisions, oldest first, by supervision id. */
export function followUpsOf(db: Db, supervisionIds: readonly number[]): Map<number, FollowUp[]> {
  const out = new Map<number, FollowUp[]>();
  if (supervisionIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT supervision_id AS supervisionId, note, due_at AS dueAt, created_by_name AS byName, created_at AS at
       FROM order_supervision_followups WHERE supervision_id IN (SELECT value FROM json_each(?))
       ORDER BY created_at, id`,
    )
    .all(JSON.stringify(supervisionIds)) as (FollowUp & { supervisionId: number })[];
  for (const { supervisionId, ...f } of rows) {
    const list = out.get(supervisionId) ?? [];
    list.push(f);
    out.set(supervisionId, list);
  }
  return out;
}
