import { FINISHED_STATES, type OrderSource } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';
import { ORDER_COLUMNS, ORDER_FROM, type OrderRow } from './order-rows';

/** Which orders a feed lists; every condition given must hold. */
export interface OrderFeedFilter {
  codes?: readonly string[];
  categoryIds?: readonly string[];
  /** Inclusive bounds on the created time, epoch ms. */
  from?: number;
  to?: number;
  /** true: finished orders only; false: unfinished only; absent: both. */
  finished?: boolean;
  /** Only orders filed through this source. */
  source?: OrderSource;
  limit: number;
}

/** An order as a feed shows it: the usual row plus the latest history reason and the parent's code. */
export interface OrderFeedRow extends OrderRow {
  lastReason: string | null;
  parentCode: string | null;
}

const FINISHED_LIST = FINISHED_STATES.map((s) => `'${s}'`).join(', ');

/**
 * Orders for a reader outside the console (the Open311 endpoint, open311/open311-repo.ts), newest
 * first by created time. No visibility rule: the caller decides who may read the feed and with
 * which filter.
 */
export function orderFeed(db: Db, filter: OrderFeedFilter): OrderFeedRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const inList = (column: string, values: readonly string[]) => {
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  if (filter.source !== undefined) {
    where.push('o.source = ?');
    args.push(filter.source);
  }
  if (filter.codes) inList('o.code', filter.codes);
  if (filter.categoryIds?.length) inList('o.category_id', filter.categoryIds);
  if (filter.from !== undefined) {
    where.push('o.created_at >= ?');
    args.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('o.created_at <= ?');
    args.push(filter.to);
  }
  if (filter.finished !== undefined) where.push(`o.state ${filter.finished ? '' : 'NOT '}IN (${FINISHED_LIST})`);
  const sql = `
    SELECT ${ORDER_COLUMNS},
      (SELECT h.reason FROM order_history h WHERE h.order_id = o.id ORDER BY h.id DESC LIMIT 1) AS lastReason,
      (SELECT p.code FROM orders p WHERE p.id = o.parent_id) AS parentCode
    FROM ${ORDER_FROM}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY o.created_at DESC, o.id DESC
    LIMIT ?`;
  return db.prepare(sql).all(...args, filter.limit) as OrderFeedRow[];
}
