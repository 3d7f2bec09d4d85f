import { FINISHED_STATES } from '../../../common/domain/orders/states';
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../../../common/domain/time';
import { SqlRepo } from '../../db/statements';
import type { PartInputs } from '../orders/kpi-days-store';
import type { StatsFilter } from '../orders/order-facts-repo';
import type { StoredFacts } from '../orders/order-facts-store';

/** What a read of the counts covers: a station (null: all; '' the orders of none) and one filter's grain. */
export interface CountsScope {
  station: string | null;
  /** the grain of the one dashboard filter (kpi-days-store.ts GRAIN), '' for none */
  grain: string;
  /** that filter, for the reads over the orders themselves */
  filter: Pick<StatsFilter, 'domainId' | 'source' | 'workstationId' | 'departmentId'>;
}

/** One summed count of kpi_days for a day (a part family's metric, and its actor for the chief's parts). */
export interface DayCount {
  day: number;
  metric: string;
  actor: string;
  actorName: string;
  n: number;
  ms: number;
}

/** An order's kept row, for the reader's corrections (drills, stale rows). */
export interface KeptOrder {
  id: number;
  facts: StoredFacts | null;
  inputs: PartInputs | null;
  stale: boolean;
}

interface KeptDbRow {
  id: number;
  facts: string | null;
  inputs: string | null;
  stale: number;
}

/** Orders linked to a drill incident (演练) never count. */
const NOT_DRILL = `NOT EXISTS (SELECT 1 FROM incident_orders io JOIN incidents i ON i.id = io.incident_id
                               WHERE io.order_id = o.id AND i.drill = 1)`;
const FINISHED = FINISHED_STATES.map((s) => `'${s}'`).join(', ');
const DAY_OF = '(o.created_at + CAST(? AS INTEGER)) / CAST(? AS INTEGER)';

/** The SQL condition of each part of a scope, as a table holds it (one `?` each). */
interface ScopeColumns {
  station: string;
  domain: string;
  source: string;
  workstation: string;
  department: string;
}

const ORDER_COLUMNS: ScopeColumns = {
  station: "COALESCE(o.station_id, '') = ?",
  domain: 'o.domain_id = ?',
  source: 'o.source = ?',
  workstation: 'o.workstation_id = ?',
  department: "o.handler_kind = 'department' AND o.handler_id = ?",
};

const HANDLING_COLUMNS: ScopeColumns = {
  station: 'station = ?',
  domain: 'domain = ?',
  source: 'source = ?',
  workstation: 'workstation = ?',
  department: 'department = ?',
};

/** The scope's station and filter as conditions on the columns, after `base`. */
function scopeSql(at: CountsScope, columns: ScopeColumns, base: string[]): { sql: string; params: string[] } {
  const parts: [string, string | null | undefined][] = [
    [columns.station, at.station],
    [columns.domain, at.filter.domainId],
    [columns.source, at.filter.source],
    [columns.workstation, at.filter.workstationId],
    [columns.department, at.filter.departmentId],
  ];
  const used = parts.filter((p): p is [string, string] => p[1] !== null && p[1] !== undefined);
  return { sql: [...base, ...used.map(([sql]) => sql)].join(' AND '), params: used.map(([, value]) => value) };
}

/**
 * The per-day counts (kpi_days, migration 0270) of a station ('' the orders of none) or of all
 * (`station` null), and what the reader needs beside them: the kept rows of drill and stale orders,
 * the orders due today, the open orders' lights and 在办超期 now.
 */
export class DayCountsRepo extends SqlRepo {
  /** The counts' own rows of the scope: its grain and station. */
  private countsSql(at: CountsScope): { sql: string; params: string[] } {
    return at.station === null
      ? { sql: 'grain = ?', params: [at.grain] }
      : { sql: 'grain = ? AND station = ?', params: [at.grain, at.station] };
  }

  /** The orders of the scope (aliased o), drills left out: the station and the filter as the order list's. */
  private ordersSql(at: CountsScope): { sql: string; params: string[] } {
    return scopeSql(at, ORDER_COLUMNS, [NOT_DRILL]);
  }

  /** The 处置时长 rows of the scope (order_handling keeps the filters' columns). */
  private handlingSql(at: CountsScope): { sql: string; params: string[] } {
    return scopeSql(at, HANDLING_COLUMNS, ['1 = 1']);
  }

  /** The family's counts per day and metric (and actor) for days [fromDay, toDay). */
  perDay(family: string, fromDay: number, toDay: number, at: CountsScope): DayCount[] {
    const s = this.countsSql(at);
    return this.sql(
      `SELECT day, metric, actor, MAX(actor_name) AS actorName, SUM(n) AS n, SUM(ms) AS ms FROM kpi_days
       WHERE family = ? AND day >= ? AND day < ? AND ${s.sql} GROUP BY day, metric, actor`,
    ).all(family, fromDay, toDay, ...s.params) as DayCount[];
  }

  /** The family's counts per metric over days [fromDay, toDay) (day left as fromDay). */
  perMetric(family: string, fromDay: number, toDay: number, at: CountsScope): DayCount[] {
    const s = this.countsSql(at);
    return this.sql(
      `SELECT ? AS day, metric, actor, MAX(actor_name) AS actorName, SUM(n) AS n, SUM(ms) AS ms FROM kpi_days
       WHERE family = ? AND day >= ? AND day < ? AND ${s.sql} GROUP BY metric, actor`,
    ).all(fromDay, family, fromDay, toDay, ...s.params) as DayCount[];
  }

  /** The 处置时长 values of one histogram bucket, days [fromDay, toDay), with the orders they belong to. */
  handlingIn(bucket: number, fromDay: number, toDay: number, at: CountsScope): { id: number; ms: number }[] {
    const s = this.handlingSql(at);
    return this.sql(
      `SELECT order_id AS id, ms FROM order_handling WHERE bucket = ? AND day >= ? AND day < ? AND ${s.sql}`,
    ).all(bucket, fromDay, toDay, ...s.params) as { id: number; ms: number }[];
  }

  private keptRows(where: string, params: readonly (string | number)[]): KeptOrder[] {
    const rows = this.sql(
      `SELECT f.order_id AS id, f.facts, f.part_inputs AS inputs, f.stale FROM order_facts f WHERE ${where}`,
    ).all(...params) as KeptDbRow[];
    return rows.map((r) => ({
      id: r.id,
      facts: r.facts === null ? null : (JSON.parse(r.facts) as StoredFacts),
      inputs: r.inputs === null ? null : (JSON.parse(r.inputs) as PartInputs),
      stale: r.stale === 1,
    }));
  }

  /**
   * The kept rows of the orders linked to a drill incident (their parts are in the counts) whose
   * instants meet [from, to) — a stale row spans all time, so it is always among them.
   */
  drillOrders(span: { from: number; to: number }): KeptOrder[] {
    return this.keptRows(
      `f.order_id IN (SELECT io.order_id FROM incident_orders io JOIN incidents i ON i.id = io.incident_id
                      WHERE i.drill = 1) AND f.last_at >= ? AND f.first_at < ?`,
      [span.from, span.to],
    );
  }

  /** The kept rows marked stale (a writer outside OrdersRepo): their counts may be out of date. */
  staleOrders(): KeptOrder[] {
    return this.keptRows('f.stale = 1', []);
  }

  /**
   * The ids of the orders of the station (all: null), drills left out, with a deadline or a 督办 reply
   * due in [from, to) — the "due by now" cohorts of the day still running.
   */
  dueIn(from: number, to: number, at: CountsScope): number[] {
    const s = this.ordersSql(at);
    return this.sql(
      `SELECT o.id FROM orders o
       WHERE o.id IN (SELECT id FROM orders WHERE deadline_at >= ? AND deadline_at < ?
                      UNION SELECT order_id FROM order_supervisions WHERE due_at >= ? AND due_at < ?
                      UNION SELECT s.order_id FROM order_supervision_followups f
                              JOIN order_supervisions s ON s.id = f.supervision_id
                            WHERE f.due_at >= ? AND f.due_at < ?)
         AND ${s.sql} ORDER BY o.id`,
    )
      .pluck()
      .all(from, to, from, to, from, to, ...s.params) as number[];
  }

  /**
   * Per Shanghai day of report in [from, to), the light of the running orders (open, not parked:
   * their light moves with the clock, so no part holds it) at `now`, as the order list's light.
   */
  runningLights(from: number, to: number, now: number, at: CountsScope) {
    const s = this.ordersSql(at);
    return this.sql(
      `SELECT day, SUM(red) AS red, SUM(yellow AND NOT red) AS yellow, SUM(NOT yellow AND NOT red) AS green
       FROM (SELECT ${DAY_OF} AS day, ? >= o.deadline_at AS red, ? >= o.warn_at AS yellow
             FROM orders o INDEXED BY orders_open_created
             WHERE o.closed_at IS NULL AND o.paused_at IS NULL AND o.state NOT IN ('voided', 'merged')
               AND o.deadline_at IS NOT NULL AND o.warn_at IS NOT NULL
               AND o.created_at >= ? AND o.created_at < ? AND ${s.sql})
       GROUP BY day`,
    ).all(SHANGHAI_OFFSET_MS, DAY_MS, now, now, from, to, ...s.params) as {
      day: number;
      red: number;
      yellow: number;
      green: number;
    }[];
  }

  /** 在办超期 at `now`: open orders reported by now and not parked, red from the deadline, else yellow from 80 %. */
  overdueNow(now: number, at: CountsScope): { yellow: number; red: number } {
    const s = this.ordersSql(at);
    const row = this.sql(
      `SELECT COALESCE(SUM(o.deadline_at IS NOT NULL AND ? >= o.deadline_at), 0) AS red,
              COALESCE(SUM(NOT (o.deadline_at IS NOT NULL AND ? >= o.deadline_at)
                           AND o.warn_at IS NOT NULL AND ? >= o.warn_at), 0) AS yellow
       FROM orders o INDEXED BY orders_open_created
       WHERE o.closed_at IS NULL AND o.state NOT IN (${FINISHED}) AND o.paused_at IS NULL AND o.created_at <= ?
         AND ${s.sql}`,
    ).get(now, now, now, now, ...s.params) as { yellow: number; red: number };
    return { yellow: row.yellow, red: row.red };
  }

  /** The level-2 sub-category of each category (a level-3 item's parent). */
  subCategories(): Map<string, string> {
    const rows = this.sql('SELECT id, parent_id AS parentId, level FROM categories').all() as {
      id: string;
      parentId: string | null;
      level: number;
    }[];
    return new Map(rows.map((c) => [c.id, c.level === 3 && c.parentId !== null ? c.parentId : c.id]));
  }
}
