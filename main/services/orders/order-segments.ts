import type { MethodParsedInput } from '../../../common/contract';
import { ORDER_COLUMNS, type OrderRow } from './order-rows';

/**
 * How the order list walks the table: the sorts as runs of an index (segments), the plan of one
 * query and the SQL of one page. Every fragment here is fixed text; values travel as parameters.
 */

export type OrderSort = MethodParsedInput<'orders.list'>['sort'];

/** The index that walks `orders` in the sort order; the choice is ours, not the planner's (below). */
export type OrderIndex =
  | 'orders_created'
  | 'orders_workstation_created'
  | 'orders_category_created'
  | 'orders_handler'
  | 'orders_state_created'
  | 'orders_domain_created'
  | 'orders_station_created'
  | 'orders_deadline'
  | 'orders_updated';

/**
 * One run of the keyset order. Most sorts are one segment; `deadline_asc` is three (open orders by
 * deadline, open orders without one, then the finished ones newest first), each walked along an
 * index, and a page may span two of them. `keys` are the ORDER BY columns, all in `dir`; the cursor
 * holds the segment and the key values of the last row shown. `index` 'created' stands for the
 * creation-time index chosen for the filter.
 */
export interface Segment {
  where: string | null;
  keys: readonly string[];
  dir: 'ASC' | 'DESC';
  keyOf: (row: OrderRow) => number[];
  index: OrderIndex | 'created' | null;
  /** which orders the segment holds, so a filter can skip segments it rules out */
  holds: 'all' | 'open' | 'finished';
}

const createdDesc: Segment = {
  where: null,
  keys: ['o.created_at', 'o.id'],
  dir: 'DESC',
  keyOf: (r) => [r.createdAt, r.id],
  index: 'created',
  holds: 'all',
};

export const SEGMENTS: Record<OrderSort, readonly Segment[]> = {
  created_desc: [createdDesc],
  created_asc: [{ ...createdDesc, dir: 'ASC' }],
  updated_desc: [
    {
      where: null,
      keys: ['o.updated_at', 'o.id'],
      dir: 'DESC',
      keyOf: (r) => [r.updatedAt, r.id],
      index: 'orders_updated',
      holds: 'all',
    },
  ],
  deadline_asc: [
    {
      where: 'o.closed_at IS NULL AND o.deadline_at IS NOT NULL',
      keys: ['o.deadline_at', 'o.id'],
      dir: 'ASC',
      keyOf: (r) => [r.deadlineAt ?? 0, r.id],
      index: 'orders_deadline',
      holds: 'open',
    },
    {
      where: 'o.closed_at IS NULL AND o.deadline_at IS NULL',
      keys: ['o.id'],
      dir: 'ASC',
      keyOf: (r) => [r.id],
      index: 'orders_deadline',
      holds: 'open',
    },
    { ...createdDesc, where: 'o.closed_at IS NOT NULL', holds: 'finished' },
  ],
};

/**
 * With a full-text term and a creation-time sort the FTS index can drive the query: order ids grow
 * with creation time, so newest-first is rowid-descending, which FTS5 walks directly, stopping
 * after a page.
 */
export const FTS_SEGMENTS: Partial<Record<OrderSort, readonly Segment[]>> = {
  created_desc: [{ where: null, keys: ['f.rowid'], dir: 'DESC', keyOf: (r) => [r.id], index: null, holds: 'all' }],
  created_asc: [{ where: null, keys: ['f.rowid'], dir: 'ASC', keyOf: (r) => [r.id], index: null, holds: 'all' }],
};

/**
 * ORDER_FROM (order-rows.ts) with the join order fixed: `orders` is always the outer loop. Left to
 * itself the planner (this database has no ANALYZE statistics) may start from the small categories
 * table and sort a million orders (seconds, in the bench).
 */
const FROM = `orders o
  CROSS JOIN categories c ON c.id = o.category_id
  LEFT JOIN org_units w ON w.id = o.workstation_id`;

export type Param = string | number;

export interface Conditions {
  sql: string[];
  params: Param[];
}

/** How one list query runs: its conditions, its segments, and what walks them. */
export interface Plan {
  conds: Conditions;
  /** the FTS query when the full-text index drives the scan */
  fts: string | null;
  segments: readonly Segment[];
  /** the creation-time index for segments marked 'created' */
  created: OrderIndex;
  /** the incidents whose linked orders come first (order-pin.ts) */
  pins: number[];
}

/** The SQL of one segment's page: the filter, the segment's part, the keyset bound, the order. */
export function pageSql(
  plan: Plan,
  segment: Segment,
  key: readonly number[] | null,
  limit: number,
): { sql: string; params: Param[] } {
  const where = [...plan.conds.sql];
  const params: Param[] = [...plan.conds.params];
  let from: string;
  if (plan.fts !== null) {
    from = `orders_fts f CROSS JOIN ${FROM}`;
    where.unshift('orders_fts MATCH ?', 'o.id = f.rowid');
    params.unshift(plan.fts);
  } else {
    const index = segment.index === 'created' ? plan.created : segment.index;
    from = index ? FROM.replace('orders o', `orders o INDEXED BY ${index}`) : FROM;
  }
  if (segment.where) where.push(segment.where);
  if (key) {
    const op = segment.dir === 'DESC' ? '<' : '>';
    where.push(
      segment.keys.length === 1
        ? `${segment.keys[0] ?? ''} ${op} ?`
        : `(${segment.keys.join(', ')}) ${op} (${segment.keys.map(() => '?').join(', ')})`,
    );
    params.push(...key);
  }
  params.push(limit);
  const order = segment.keys.map((k) => `${k} ${segment.dir}`).join(', ');
  return {
    sql: `SELECT ${ORDER_COLUMNS} FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT ?`,
    params,
  };
}
