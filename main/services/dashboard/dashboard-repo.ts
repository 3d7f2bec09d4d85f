import type { OrderState } from '../../../common/domain/orders/states';
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../../../common/domain/time';
import { SqlRepo } from '../../db/statements';
import { statsWhere, type StatsFilter } from '../orders/order-facts-repo';
import type { OrderScope } from '../orders/order-visibility';

const HOUR_MS = 3_600_000;

/** The Shanghai day number of a report; the casts keep it integer division (bound numbers are REAL). */
const DAY_OF = '(o.created_at + CAST(? AS INTEGER)) / CAST(? AS INTEGER)';
/** The hour of the Shanghai day of a report, 0–23. */
const HOUR_OF = '((o.created_at + CAST(? AS INTEGER)) % CAST(? AS INTEGER)) / CAST(? AS INTEGER)';

interface Grouped {
  key: string | number | null;
  count: number;
}

/** Orders linked to a drill incident (演练) never count (issue 14 item 6). */
const NOT_DRILL = `NOT EXISTS (SELECT 1 FROM incident_orders io JOIN incidents i ON i.id = io.incident_id
                               WHERE io.order_id = o.id AND i.drill = 1)`;

/**
 * Whether the order reached a mark (its 80 % or its deadline): a finished order by its closing
 * (closed_at is set on every finished state; a step exactly at the mark is in time), a parked one
 * when it was parked (its clock is frozen), a running one now (red from the deadline on, as the list's light).
 */
const reached = (mark: string) =>
  `CASE WHEN o.closed_at IS NOT NULL THEN o.closed_at > ${mark} ELSE COALESCE(o.paused_at, ?) >= ${mark} END`;

export interface DayCount {
  day: number;
  count: number;
}

export interface DayLights {
  day: number;
  green: number;
  yellow: number;
  red: number;
}

/** The period, the filter and the caller's scope of one dashboard query. */
export interface SeriesQuery {
  from: number;
  to: number;
  filter: StatsFilter;
  scope: OrderScope;
  now: number;
}

/**
 * The dashboard's counting series: orders reported (created) in [from, to) that the filter and scope
 * match, drills left out, counted by GROUP BY. Days and hours are Shanghai time (common/domain/time).
 */
export class DashboardRepo extends SqlRepo {
  private where(q: SeriesQuery): { sql: string; params: (string | number)[] } | null {
    // The list's createdTo is inclusive: the last millisecond of the half-open period.
    const w = statsWhere({ ...q.filter, createdFrom: q.from, createdTo: q.to - 1 }, q.scope, q.now);
    return w ? { sql: `${w.sql} AND ${NOT_DRILL}`, params: w.params } : null;
  }

  /** `SELECT <key> AS key, COUNT(*) … GROUP BY key`, with the key's own parameters first. */
  private grouped(q: SeriesQuery, key: string, keyParams: readonly number[]): Grouped[] {
    const w = this.where(q);
    if (!w) return [];
    return this.sql(`SELECT ${key} AS key, COUNT(*) AS count FROM orders o WHERE ${w.sql} GROUP BY 1 ORDER BY 1`).all(
      ...keyParams,
      ...w.params,
    ) as Grouped[];
  }

  /** Reports per Shanghai day number (days without any are absent). */
  perDay(q: SeriesQuery): DayCount[] {
    return this.grouped(q, DAY_OF, [SHANGHAI_OFFSET_MS, DAY_MS]).map((r) => ({ day: Number(r.key), count: r.count }));
  }

  /** Reports per hour of the Shanghai day, 0–23 (hours without any are absent). */
  perHour(q: SeriesQuery): { hour: number; count: number }[] {
    return this.grouped(q, HOUR_OF, [SHANGHAI_OFFSET_MS, DAY_MS, HOUR_MS]).map((r) => ({
      hour: Number(r.key),
      count: r.count,
    }));
  }

  byDomain(q: SeriesQuery): { key: string; count: number }[] {
    return this.grouped(q, 'o.domain_id', []).map((r) => ({ key: String(r.key), count: r.count }));
  }

  /** Per sub-category (level 2): an order filed under a level-3 item counts for its parent. */
  byCategory(q: SeriesQuery): { categoryId: string; domainId: string; count: number }[] {
    const w = this.where(q);
    if (!w) return [];
    return this.sql(
      `SELECT CASE WHEN c.level = 3 THEN c.parent_id ELSE c.id END AS categoryId, o.domain_id AS domainId,
              COUNT(*) AS count
       FROM orders o JOIN categories c ON c.id = o.category_id WHERE ${w.sql} GROUP BY 1, 2 ORDER BY 1`,
    ).all(...w.params) as { categoryId: string; domainId: string; count: number }[];
  }

  /** Per workstation (orders without one are left out). */
  byWorkstation(q: SeriesQuery): { key: string; count: number }[] {
    return this.grouped(q, 'o.workstation_id', []).flatMap((r) =>
      r.key === null ? [] : [{ key: String(r.key), count: r.count }],
    );
  }

  byState(q: SeriesQuery): { key: OrderState; count: number }[] {
    return this.grouped(q, 'o.state', []).map((r) => ({ key: r.key as OrderState, count: r.count }));
  }

  /**
   * Per Shanghai day of report, the light each order reached: red past its deadline, else yellow past
   * its 80 % mark, else green. Orders without a time limit and withdrawn ones (作废, 合并) are left out.
   */
  lights(q: SeriesQuery): DayLights[] {
    const w = this.where(q);
    if (!w) return [];
    return this.sql(
      `SELECT day, SUM(red) AS red, SUM(yellow AND NOT red) AS yellow, SUM(NOT yellow AND NOT red) AS green
       FROM (SELECT ${DAY_OF} AS day, ${reached('o.deadline_at')} AS red,
                    ${reached('o.warn_at')} AS yellow
             FROM orders o
             WHERE ${w.sql} AND o.deadline_at IS NOT NULL AND o.warn_at IS NOT NULL
               AND o.state NOT IN ('voided', 'merged'))
       GROUP BY day ORDER BY day`,
    ).all(SHANGHAI_OFFSET_MS, DAY_MS, q.now, q.now, ...w.params) as DayLights[];
  }
}
