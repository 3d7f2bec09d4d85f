import type { Db } from '../../db/connection';

/**
 * Incident mode: orders linked to an incident still running (the real one or a drill) come first in
 * every sort of the order list, so the room sees them at the top of the first page. The pin is a
 * sort key of the hub's query, not of the screen: each segment of a sort is walked twice, its
 * linked orders first, then the rest, so keyset paging and the count (which ignores the order) stay
 * right however many pages the list has.
 */

/**
 * At most this many running incidents pin their orders (the real one first, then the oldest drills):
 * a center runs one real incident and a drill or two, and the ids ride in the page cursor, which the
 * contract keeps under 200 characters.
 */
export const MAX_PINNED_INCIDENTS = 5;

/** The incidents whose linked orders are pinned now: those not closed, the real one first. */
export function pinnedIncidentIds(db: Db): number[] {
  const rows = db
    .prepare(`SELECT id FROM incidents WHERE closed_at IS NULL ORDER BY drill, id LIMIT ${MAX_PINNED_INCIDENTS}`)
    .all() as { id: number }[];
  return rows.map((r) => r.id);
}

/** Whether a cursor's record of the pinned incidents is well formed (it comes back from the client). */
export function isPinList(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_PINNED_INCIDENTS &&
    value.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && x > 0)
  );
}

interface PinnableSegment {
  where: string | null;
  index: unknown;
}

/**
 * The segments of a sort with the linked orders of `incidentIds` first. The ids are integers from
 * the database or a checked cursor, so they are written into the SQL; the subquery is read once per
 * page through incident_orders' primary key. The pinned part is a few hundred orders at most: the
 * planner finds them by id and sorts them rather than walking an index of every order.
 */
export function pinSegments<S extends PinnableSegment>(segments: readonly S[], incidentIds: readonly number[]): S[] {
  if (incidentIds.length === 0) return [...segments];
  const linked = `o.id IN (SELECT order_id FROM incident_orders WHERE incident_id IN (${incidentIds.join(', ')}))`;
  const and = (where: string | null, clause: string) => (where ? `${where} AND ${clause}` : clause);
  return [
    ...segments.map((s) => ({ ...s, where: and(s.where, linked), index: null })),
    ...segments.map((s) => ({ ...s, where: and(s.where, `NOT ${linked}`) })),
  ];
}
