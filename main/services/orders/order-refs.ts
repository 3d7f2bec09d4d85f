import type { Db } from '../../db/connection';
import { rowsById } from '../../db/statements';

/** How another domain names an order it links to (the duty log's linked orders). */
export interface OrderRef {
  id: number;
  code: string;
  title: string;
}

/**
 * The code and title of each existing order among `ids`, by id (unknown ids are left out). No
 * visibility check: callers that echo refs to a user filter them with order-visibility.ts.
 */
export function orderRefs(db: Db, ids: readonly number[]): Map<number, OrderRef> {
  return rowsById<number, OrderRef>(
    db,
    'SELECT id, code, title FROM orders WHERE id IN (SELECT value FROM json_each(?))',
    ids,
  );
}

/** An order as a link to it is checked: its ref and its station (the rule is order-visibility.ts's). */
export interface ScopedOrderRef extends OrderRef {
  stationId: string | null;
}

/** The order `id` as another domain links it (an incident's linked orders), or undefined when there is none. */
export function scopedOrderRef(db: Db, id: number): ScopedOrderRef | undefined {
  return db.prepare('SELECT id, code, title, station_id AS stationId FROM orders WHERE id = ?').get(id) as
    ScopedOrderRef | undefined;
}
