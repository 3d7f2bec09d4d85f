/**
 * Drills never count (issue 14 item 6): an order is a drill when it is linked to an incident flagged
 * as exercise — the rule of common/domain/kpi (orderFactsOf's `drill`), here as SQL on the orders
 * table aliased `alias`. Orders carry no drill flag of their own; incident_orders.order_id is unique
 * and indexed, so the test is one index lookup per order.
 */
export function drillOrderSql(alias = 'o'): string {
  return `EXISTS (SELECT 1 FROM incident_orders io JOIN incidents i ON i.id = io.incident_id
    WHERE io.order_id = ${alias}.id AND i.drill = 1)`;
}

/** Requests waiting for a duty chief (the inbox's APPROVALS), one kind or any. */
export const APPROVAL_SQL = {
  any: "(o.pending_request IN ('extension', 'park') OR o.state = 'return_pending') AND o.closed_at IS NULL",
  extension: "o.pending_request = 'extension' AND o.closed_at IS NULL",
  park: "o.pending_request = 'park' AND o.closed_at IS NULL",
  return: "o.state = 'return_pending'",
} as const;
