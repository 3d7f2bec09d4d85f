import type { OrderFilter } from '../../../common/contract';
import { APPROVAL_SQL, drillOrderSql } from './order-drill';
import { canSeeOrder, orderScopeSql, type OrderScope } from './order-visibility';
import type { Conditions, OrderIndex, Param } from './order-segments';

/** The category tree as the list's filter needs it. */
export interface CategoryTree {
  /** the category and every category under it */
  withDescendants(id: string): string[];
  leaf(id: string): boolean;
  /** the top-level category (the domain) above `id` */
  domainOf(id: string): string;
}

/** The tree of the given category rows (a few dozen, read per query so an administrator's edits apply at once). */
export function categoryTree(rows: readonly { id: string; parentId: string | null }[]): CategoryTree {
  const parent = new Map(rows.map((r) => [r.id, r.parentId]));
  const withDescendants = (id: string): string[] => {
    const out = [id];
    for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parentId === out[i]) out.push(r.id);
    return out;
  };
  return {
    withDescendants,
    leaf: (id: string) => withDescendants(id).length === 1,
    domainOf: (id: string): string => {
      let at = id;
      for (let up = parent.get(at); up; up = parent.get(at)) at = up;
      return at;
    },
  };
}

/**
 * The creation-time index for the filter: the most selective equality it has, so that a first page
 * reads few rows beyond the ones it shows. A light of yellow or green is a small set (open orders
 * not yet overdue) reached by the partial deadline index and sorted. `categories` is read only when
 * the filter names a category.
 */
export function createdIndex(filter: OrderFilter, scope: OrderScope, categories: () => CategoryTree): OrderIndex {
  if (filter.light === 'yellow') return 'orders_deadline';
  if (filter.workstationId !== undefined) return 'orders_workstation_created';
  if (filter.categoryId !== undefined && categories().leaf(filter.categoryId)) return 'orders_category_created';
  if (filter.departmentId !== undefined) return 'orders_handler';
  if (filter.states?.length === 1) return 'orders_state_created';
  if (filter.domainId !== undefined || filter.categoryId !== undefined) return 'orders_domain_created';
  if (filter.stationId !== undefined || scope.stationId !== null) return 'orders_station_created';
  return 'orders_created';
}

/**
 * The SQL form of the filter and the scope (everything but the text), or null when nothing can match.
 * `categories` is read only when the filter names a category.
 */
export function orderConditions(
  filter: OrderFilter,
  scope: OrderScope,
  now: number,
  categories: () => CategoryTree,
): Conditions | null {
  const sql: string[] = [];
  const params: Param[] = [];
  const add = (clause: string, ...values: Param[]) => {
    sql.push(clause);
    params.push(...values);
  };
  const scoped = orderScopeSql(scope);
  if (scoped) {
    // A station filter outside the caller's scope matches nothing (canSeeOrder would refuse every row).
    if (filter.stationId !== undefined && !canSeeOrder({ stationId: filter.stationId }, scope)) return null;
    add(scoped.sql, ...scoped.params);
  } else if (filter.stationId !== undefined) {
    add('o.station_id = ?', filter.stationId);
  }
  if (filter.states && filter.states.length > 0) {
    add(`o.state IN (${filter.states.map(() => '?').join(', ')})`, ...filter.states);
  }
  if (filter.domainId !== undefined) add('o.domain_id = ?', filter.domainId);
  if (filter.categoryId !== undefined) {
    // A sub-category covers its items; its domain is added so the domain index can walk it.
    const tree = categories();
    const ids = tree.withDescendants(filter.categoryId);
    if (ids.length === 1) add('o.category_id = ?', filter.categoryId);
    else add(`o.category_id IN (${ids.map(() => '?').join(', ')})`, ...ids);
    const domain = tree.domainOf(filter.categoryId);
    if (ids.length > 1 && domain !== filter.domainId) add('o.domain_id = ?', domain);
  }
  if (filter.workstationId !== undefined) add('o.workstation_id = ?', filter.workstationId);
  if (filter.departmentId !== undefined) {
    add("o.handler_kind = 'department' AND o.handler_id = ?", filter.departmentId);
  }
  if (filter.urgency !== undefined) add('o.urgency = ?', filter.urgency);
  if (filter.supervised !== undefined) add('o.supervised = ?', filter.supervised ? 1 : 0);
  if (filter.source !== undefined) add('o.source = ?', filter.source);
  if (filter.feedbackResult !== undefined) add('o.feedback_result = ?', filter.feedbackResult);
  if (filter.incidentId !== undefined) {
    add('o.id IN (SELECT order_id FROM incident_orders WHERE incident_id = ?)', filter.incidentId);
  }
  if (filter.drill !== undefined) add(filter.drill ? drillOrderSql() : `NOT ${drillOrderSql()}`);
  if (filter.approval !== undefined) add(APPROVAL_SQL[filter.approval]);
  if (filter.createdFrom !== undefined) add('o.created_at >= ?', filter.createdFrom);
  // Inclusive: the renderer sends the last instant of the chosen day.
  if (filter.createdTo !== undefined) add('o.created_at <= ?', filter.createdTo);
  // The light as lightOf() (order-rows.ts) computes it, for running orders: open (closed_at is
  // set on every finished state) and not parked. The SLA sets warn_at and deadline_at together,
  // warn_at first, so an order without warn_at has no deadline either and is green.
  // `+o.warn_at` keeps the planner off the warn index for yellow: the band is found from the
  // deadline side, among the few open orders not yet overdue.
  const running = 'o.closed_at IS NULL AND o.paused_at IS NULL';
  if (filter.light === 'red') add(`${running} AND o.deadline_at <= ?`, now);
  if (filter.light === 'yellow') add(`${running} AND o.deadline_at > ? AND +o.warn_at <= ?`, now, now);
  if (filter.light === 'green') add(`${running} AND (o.warn_at > ? OR o.warn_at IS NULL)`, now);
  return { sql, params };
}
