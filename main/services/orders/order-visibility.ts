import { apiError } from '../../../common/contract';
import type { Db } from '../../db/connection';
import { idsWhere } from '../../db/statements';
import { idsParam, type Viewer } from '../org/viewer';

/** What the order rule needs of a viewer: a station user (`stationId` set) sees that station's orders only. */
export type OrderScope = Pick<Viewer, 'stationId'>;

/** The one rule for orders, as used by the lists, reads by id, links and echoes. */
export function canSeeOrder(order: { stationId: string | null }, scope: OrderScope): boolean {
  return scope.stationId === null || order.stationId === scope.stationId;
}

/** The same rule as SQL on the orders table aliased `alias`, or null when the scope sees every order. */
export function orderScopeSql(scope: OrderScope, alias = 'o'): { sql: string; params: string[] } | null {
  return scope.stationId === null ? null : { sql: `${alias}.station_id = ?`, params: [scope.stationId] };
}

/** The ids among `ids` of orders that exist and the scope may see. */
export function visibleOrderIds(db: Db, ids: readonly number[], scope: OrderScope): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db
    .prepare('SELECT id, station_id AS stationId FROM orders WHERE id IN (SELECT value FROM json_each(?))')
    .all(idsParam(ids)) as { id: number; stationId: string | null }[];
  return new Set(rows.filter((r) => canSeeOrder(r, scope)).map((r) => r.id));
}

/**
 * The ids among `ids` of files attached to an order the scope may see: what makes an attachment
 * visible through the orders (attachments/attachment-visibility.ts).
 */
export function orderLinkedAttachmentIds(db: Db, ids: readonly number[], scope: OrderScope): Set<number> {
  const order = orderScopeSql(scope, 'o');
  // CAST gives the id integer affinity, so it is compared as with the attachment_id column.
  return idsWhere(
    db,
    ids,
    `EXISTS (SELECT 1 FROM order_attachments oa JOIN orders o ON o.id = oa.order_id
             WHERE oa.attachment_id = CAST(x.value AS INTEGER) ${order ? `AND ${order.sql}` : ''})`,
    order?.params,
  );
}

/**
 * The answer for an order that does not exist or is not visible: the same, so existence does not leak.
 * The text names no order: the caller asked by the internal id, which means nothing to an operator
 * (a console that knows the order's code, e.g. from an alert, says it itself).
 */
export function orderNotFound(id: number, field?: string) {
  return apiError(
    'E_NOT_FOUND',
    '工单不存在或无权查看',
    'The work order does not exist or you may not see it',
    field === undefined ? undefined : { field, id },
  );
}
