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
