import { z } from 'zod';
import { DAY_MS } from '../domain/time';
import { method } from './define';
import { type Bilingual } from './errors';
import { orderStateSchema, sourceSchema } from './orders';
import { epochMs, orgUnitIdSchema } from './schemas';

/**
 * 统计分析 (issue 14 item 3): the dashboard's series and KPI cards for a period and the period of
 * equal length before it. Read-only; scoped like the order list (a station chief sees their station).
 * The center's leadership roles read it: the duty chief (who runs the room), the coordinator (who
 * reports it upwards), the station chief (their station only) and the administrator.
 */
export const DASHBOARD_ROLES = ['duty_chief', 'coordinator', 'station_chief', 'admin'] as const;

/** The longest period the dashboard answers: a year, a leap day included. */
export const DASHBOARD_MAX_DAYS = 366;

/**
 * The one range rule (the hub refuses with E_INVALID, the console checks before asking): `to`
 * after `from`, at most DASHBOARD_MAX_DAYS apart. null when the range is good.
 */
export function dashboardRangeProblem(from: number, to: number): Bilingual | null {
  if (to <= from) return { zh: '统计区间的结束须晚于开始', en: 'The period must end after it starts' };
  if (to - from > DASHBOARD_MAX_DAYS * DAY_MS) {
    return {
      zh: `统计区间最长 ${DASHBOARD_MAX_DAYS} 天`,
      en: `The period may be at most ${DASHBOARD_MAX_DAYS} days long`,
    };
  }
  return null;
}

/** The filter: a period [from, to) and the same order filters as the order list. */
export const dashboardFilterSchema = z.object({
  from: epochMs,
  to: epochMs,
  domainId: z.string().min(1).max(8).optional(),
  stationId: orgUnitIdSchema.optional(),
  workstationId: orgUnitIdSchema.optional(),
  departmentId: z.string().min(1).max(64).optional(),
  source: sourceSchema.optional(),
});
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

const count = z.number().int().nonnegative();

export const ratioSchema = z.object({ numerator: count, denominator: count, value: z.number().nullable() });

/** The KPI cards of one period (common/domain/kpi; the README's "KPI definitions / 指标定义"). */
export const dashboardKpisSchema = z.object({
  accepted: count,
  filed: count,
  closeRate: ratioSchema,
  onTimeCloseRate: ratioSchema,
  onTimeHandleRate: ratioSchema,
  reworkRate: ratioSchema,
  returnRate: ratioSchema,
  inStationRate: ratioSchema,
  handlingTime: z.object({ count, averageMs: z.number().nullable(), p90Ms: z.number().nullable() }),
  supervisions: count,
  supervisionReplyRate: ratioSchema,
  satisfactionRate: ratioSchema,
});
export type DashboardKpis = z.infer<typeof dashboardKpisSchema>;

const chiefScoreSchema = z.object({
  onTimeFiling: ratioSchema,
  accurateFiling: ratioSchema,
  onTimeClosing: ratioSchema,
  /** 0–100; null when a rate has no denominator (shown "—") */
  score: z.number().nullable(),
  grade: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
});

/**
 * 值班长 综合指标值 (common/domain/kpi/chief-breakdown.ts): per chief who filed or closed orders in
 * the period, and the scope's total; with the step limits (minutes) and weights the hub uses.
 */
export const chiefScoreTableSchema = z.object({
  fileWithinMinutes: z.number().positive(),
  closeWithinMinutes: z.number().positive(),
  weights: z.object({ onTimeFiling: z.number(), accurateFiling: z.number(), onTimeClosing: z.number() }),
  rows: z.array(chiefScoreSchema.extend({ actor: z.object({ id: z.number().int().nullable(), name: z.string() }) })),
  total: chiefScoreSchema,
});
export type ChiefScoreTable = z.infer<typeof chiefScoreTableSchema>;

/** The SLA light an order reached by its end (finished, parked) or by now; orders without a limit have none. */
export const SLA_OUTCOMES = ['green', 'yellow', 'red'] as const;

export const dashboardSchema = z.object({
  period: z.object({ from: epochMs, to: epochMs }),
  /** The period of equal length just before: [from − (to − from), from) (it may start before 1970). */
  previousPeriod: z.object({ from: z.number().int(), to: epochMs }),
  kpis: dashboardKpisSchema,
  previousKpis: dashboardKpisSchema,
  /** 在办超期 now (open orders, not parked, of the filter): a state, not a period's count. */
  overdueNow: z.object({ yellow: count, red: count }),
  chiefScore: chiefScoreTableSchema,
  /**
   * The series count the orders reported (created) in the period, by Shanghai time, drills left out.
   * Every day of the period is listed (0 when none), days in Shanghai dates 'YYYY-MM-DD'.
   */
  perDay: z.array(z.object({ date: z.string(), count })),
  /** Reports per hour of the Shanghai day, 0–23 (24 entries). */
  perHour: z.array(z.object({ hour: z.number().int().min(0).max(23), count })),
  /** Per domain (level-1 category) with orders. */
  byDomain: z.array(z.object({ domainId: z.string(), count })),
  /** Per sub-category (level 2; an order filed under a level-3 item counts for its parent). */
  byCategory: z.array(z.object({ categoryId: z.string(), domainId: z.string(), count })),
  /** Every workstation the filter covers (0 when none), in organisation order; orders without one left out. */
  byWorkstation: z.array(z.object({ workstationId: z.string(), count })),
  /** The reported orders by their state now. */
  byState: z.array(z.object({ state: orderStateSchema, count })),
  /** Per Shanghai day of report: how many stayed green, reached yellow, went red (withdrawn orders left out). */
  lights: z.array(z.object({ date: z.string(), green: count, yellow: count, red: count })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardMethods = {
  'dashboard.get': method({
    input: dashboardFilterSchema,
    output: dashboardSchema,
    access: DASHBOARD_ROLES,
    writes: false,
    summary:
      "Dashboard: order series (per day, hour, domain, sub-category, workstation, state, SLA light) and the KPI cards of a period and the one before, and the duty chiefs' 综合指标值",
  }),
} as const;
