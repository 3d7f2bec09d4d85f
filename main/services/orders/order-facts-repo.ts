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
   * The kept facts (order_facts, migration 0260) of the orders of the filter and scope that a KPI of
   * the period [from, to) may count — those whose span of instants meets it, every open one among
   * them (在办超期 is a state at now) — by id order; the drill flag from the order's incident link now.
   * A stale row (a writer outside OrdersRepo marked it) is derived from the history here, so a result
   * never rests on stale facts. The span is a superset: the KPI functions filter by their period.
   */
  periodFacts(
    filter: StatsFilter,
    scope: OrderScope,
    period: { from: number; to: number },
    now: number,
    drillIncidentIds: ReadonlySet<number>,
  ): OrderFacts[] {
    const kept = this.periodRows<{ id: number; facts: string | null; incidentId: number | null }>(
      `f.order_id AS id, CASE WHEN f.stale = 1 THEN NULL ELSE f.facts END AS facts, (SELECT io.incident_id FROM incident_orders io WHERE io.order_id = f.order_id)
         AS incidentId`,
      filter,
      scope,
      period,
      now,
    );
    return this.resolve(kept, drillIncidentIds);
  }

  /** Kept rows to facts: a stale one (facts null) derived from the history, the drill flag from the incident. */
  private resolve(
    kept: readonly { id: number; facts: string | null; incidentId: number | null }[],
    drillIncidentIds: ReadonlySet<number>,
  ): OrderFacts[] {
    const out = new Map<number, OrderFacts>();
    const stale: number[] = [];
    for (const k of kept) {
      if (k.facts === null) stale.push(k.id);
      else {
        const drill = k.incidentId !== null && drillIncidentIds.has(k.incidentId);
        out.set(k.id, { ...(JSON.parse(k.facts) as Omit<OrderFacts, 'drill'>), drill });
      }
    }
    const history = this.history(stale);
    for (const row of this.rows(stale)) {
      out.set(row.id, orderFactsOf(row, history.get(row.id) ?? [], drillIncidentIds));
    }
    return kept.flatMap((k) => out.get(k.id) ?? []);
  }

  /** The facts of the given orders (kept, or derived from the history where the row is stale), by id. */
  factsOf(ids: readonly number[], drillIncidentIds: ReadonlySet<number>): OrderFacts[] {
    if (ids.length === 0) return [];
    const kept = this.sql(
      `SELECT f.order_id AS id, CASE WHEN f.stale = 1 THEN NULL ELSE f.facts END AS facts,
              (SELECT io.incident_id FROM incident_orders io WHERE io.order_id = f.order_id) AS incidentId
       FROM order_facts f WHERE f.order_id IN (SELECT value FROM json_each(?)) ORDER BY f.order_id`,
    ).all(JSON.stringify(ids)) as { id: number; facts: string | null; incidentId: number | null }[];
    return this.resolve(kept, drillIncidentIds);
  }

  /** `SELECT <columns>` over the kept facts whose span meets the period, of the filter and scope, by id. */
  private periodRows<R>(
    columns: string,
    filter: StatsFilter,
    scope: OrderScope,
    period: { from: number; to: number },
    now: number,
  ): R[] {
    const where = statsWhere(filter, scope, now);
    if (!where) return [];
    // A workstation or a department holds a few percent of the orders: walk its orders (all time) and
    // test their span. Otherwise the span index's range (last_at from the period's start on), then the
    // filter on those orders only.
    const narrow =
      filter.workstationId !== undefined
        ? 'orders o INDEXED BY orders_workstation_created'
        : filter.departmentId !== undefined
          ? 'orders o INDEXED BY orders_handler'
          : null;
    const from = narrow
      ? `${narrow} JOIN order_facts f ON f.order_id = o.id`
      : 'order_facts f INDEXED BY order_facts_span JOIN orders o ON o.id = f.order_id';
    return this.sql(
      `SELECT ${columns} FROM ${from} WHERE f.last_at >= ? AND f.first_at < ? AND ${where.sql} ORDER BY f.order_id`,
    ).all(period.from, period.to, ...where.params) as R[];
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
   * stepActors of the given orders from their kept rows (part_inputs holds who filed and closed as of
   * the last refresh, migration 0270), the history read only for stale rows and rows without inputs.
   */
  keptActors(ids: readonly number[]): Map<number, OrderActors> {
    const out = new Map<number, OrderActors>();
    if (ids.length === 0) return out;
    const rows = this.sql(
      `SELECT order_id AS id, json_extract(part_inputs, '$.actors') AS actors FROM order_facts
       WHERE order_id IN (SELECT value FROM json_each(?)) AND stale = 0 AND part_inputs IS NOT NULL`,
    ).all(JSON.stringify(ids)) as { id: number; actors: string | null }[];
    for (const r of rows) if (r.actors !== null) out.set(r.id, JSON.parse(r.actors) as OrderActors);
    const rest = ids.filter((id) => !out.has(id));
    for (const [id, actors] of this.stepActors(rest)) out.set(id, actors);
    return out;
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
