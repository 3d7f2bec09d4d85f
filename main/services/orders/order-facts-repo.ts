import type { OrderFilter } from '../../../common/contract';
import { orderFactsOf, type KpiHistoryEntry, type OrderActors, type OrderFacts } from '../../../common/domain/kpi';
import { SqlRepo } from '../../db/statements';
import { categoryTree, orderConditions } from './order-conditions';
import { ORDER_COLUMNS, ORDER_FROM, type OrderRow } from './order-rows';
import type { OrderScope } from './order-visibility';

/** The filters a statistic may put on the orders (no text, state or light: those are list views). */
export type StatsFilter = Pick<OrderFilter, 'domainId' | 'stationId' | 'workstationId' | 'departmentId' | 'source'>;

/** No statistic filters by category: the tree is never read. */
const NO_CATEGORIES = () => categoryTree([]);

/** The SQL condition (orders aliased `o`) of a statistic's filter and the caller's scope; null: nothing matches. */
export function statsWhere(
  filter: StatsFilter & Pick<OrderFilter, 'createdFrom' | 'createdTo'>,
  scope: OrderScope,
  now: number,
): { sql: string; params: (string | number)[] } | null {
  const c = orderConditions(filter, scope, now, NO_CATEGORIES);
  if (!c) return null;
  return { sql: c.sql.length > 0 ? c.sql.join(' AND ') : '1 = 1', params: c.params };
}

interface HistoryDbRow extends Omit<KpiHistoryEntry, 'detail'> {
  detail: string | null;
}

/**
 * What the KPIs read of the orders (common/domain/kpi), in bulk: which orders a period touches,
 * their rows and their own history — one query each, however many orders.
 */
export class OrderFactsRepo extends SqlRepo {
  /**
   * The orders of the filter and scope that a KPI of the period [from, to) may count: a step of
   * their history in it, their deadline in it (应结案) or a 督办 reply due in it — and, with
   * `open`, every order still open (在办超期 is a state at now, not a period's count).
   */
  periodOrderIds(
    filter: StatsFilter,
    scope: OrderScope,
    period: { from: number; to: number },
    now: number,
    open: boolean,
  ): number[] {
    const where = statsWhere(filter, scope, now);
    if (!where) return [];
    // One UNION of index ranges (order_history_at, orders_deadline_all, order_supervisions_due, the
    // open orders' orders_deadline), then the filter on those ids only: an OR here scanned every
    // order and the whole history (migration 0250).
    const rows = this.sql(
      `SELECT o.id FROM orders o WHERE o.id IN (
         SELECT h.order_id FROM order_history h WHERE h.at >= ? AND h.at < ?
         UNION SELECT d.id FROM orders d INDEXED BY orders_deadline_all WHERE d.deadline_at >= ? AND d.deadline_at < ?
         UNION SELECT s.order_id FROM order_supervisions s WHERE s.due_at >= ? AND s.due_at < ?
         ${open ? 'UNION SELECT c.id FROM orders c INDEXED BY orders_deadline WHERE c.closed_at IS NULL' : ''})
       AND ${where.sql}
       ORDER BY o.id`,
    ).all(...Array.from({ length: 3 }, () => [period.from, period.to]).flat(), ...where.params) as { id: number }[];
    return rows.map((r) => r.id);
  }

  /** The rows of the given orders (OrdersRepo.row's shape), by id order. */
  rows(ids: readonly number[]): OrderRow[] {
    if (ids.length === 0) return [];
    return this.sql(
      `SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
    ).all(JSON.stringify(ids)) as OrderRow[];
  }

  /** Each order's own history (not its merged children's), what orderFactsOf reads, by order then time. */
  history(ids: readonly number[]): Map<number, KpiHistoryEntry[]> {
    const out = new Map<number, KpiHistoryEntry[]>();
    if (ids.length === 0) return out;
    const rows = this.sql(
      `SELECT h.order_id AS orderId, h.at, h.action, h.to_state AS toState, h.detail, o.code AS orderCode
       FROM order_history h JOIN orders o ON o.id = h.order_id
       WHERE h.order_id IN (SELECT value FROM json_each(?)) ORDER BY h.order_id, h.at, h.id`,
    ).all(JSON.stringify(ids)) as (HistoryDbRow & { orderId: number })[];
    for (const { orderId, detail, ...entry } of rows) {
      const list = out.get(orderId) ?? [];
      list.push({ ...entry, detail: detail ? (JSON.parse(detail) as Record<string, unknown>) : null });
      out.set(orderId, list);
    }
    return out;
  }

  /**
   * The facts of the given orders (by id order), as orderFactsOf derives them with `drillIncidentIds`:
   * read from the kept order_facts rows (migration 0260), the drill flag from the order's incident link
   * now; an order without a kept row (a writer outside OrdersRepo dropped it) is derived from its
   * history here, so a result never rests on stale facts.
   */
  facts(ids: readonly number[], drillIncidentIds: ReadonlySet<number>): OrderFacts[] {
    if (ids.length === 0) return [];
    const kept = this.sql(
      `SELECT j.value AS id, f.facts,
              (SELECT io.incident_id FROM incident_orders io WHERE io.order_id = j.value) AS incidentId
       FROM json_each(?) j LEFT JOIN order_facts f ON f.order_id = j.value`,
    ).all(JSON.stringify(ids)) as { id: number; facts: string | null; incidentId: number | null }[];
    const out = new Map<number, OrderFacts>();
    const missing: number[] = [];
    for (const k of kept) {
      if (k.facts === null) missing.push(k.id);
      else {
        const drill = k.incidentId !== null && drillIncidentIds.has(k.incidentId);
        out.set(k.id, { ...(JSON.parse(k.facts) as Omit<OrderFacts, 'drill'>), drill });
      }
    }
    const history = this.history(missing);
    for (const row of this.rows(missing)) {
      out.set(row.id, orderFactsOf(row, history.get(row.id) ?? [], drillIncidentIds));
    }
    return [...ids].sort((a, b) => a - b).flatMap((id) => out.get(id) ?? []);
  }

  /**
   * Who filed (立案) and who closed (结案) each of the given orders: the actor of its own last such
   * step (the 值班长's 综合指标值 per chief, common/domain/kpi/chief-breakdown.ts).
   */
  stepActors(ids: readonly number[]): Map<number, OrderActors> {
    const out = new Map<number, OrderActors>();
    if (ids.length === 0) return out;
    const rows = this.sql(
      `SELECT h.order_id AS orderId, h.action, h.actor_id AS id, h.actor_name AS name
       FROM order_history h
       WHERE h.order_id IN (SELECT value FROM json_each(?)) AND h.action IN ('file', 'close')
       ORDER BY h.order_id, h.at, h.id`,
    ).all(JSON.stringify(ids)) as { orderId: number; action: 'file' | 'close'; id: number | null; name: string }[];
    for (const { orderId, action, id, name } of rows) {
      const actors = out.get(orderId) ?? { filedBy: null, closedBy: null };
      if (action === 'file') actors.filedBy = { id, name };
      else actors.closedBy = { id, name };
      out.set(orderId, actors);
    }
    return out;
  }
}
