import {
  apiError,
  dashboardRangeProblem,
  type ChiefScoreTable,
  type Dashboard,
  type DashboardFilter,
} from '../../../common/contract';
import {
  chiefBreakdown,
  DEFAULT_CHIEF_WEIGHTS,
  overdueOpen,
  type ChiefOptions,
  type OrderFacts,
} from '../../../common/domain/kpi';
import type { Clock } from '../../clock';
import type { OrderFactsRepo, StatsFilter } from '../orders/order-facts-repo';
import type { OrgRepo } from '../org/org-repo';
import type { Viewer } from '../org/viewer';
import type { DashboardRepo } from './dashboard-repo';
import { countsScope, type DashboardFromDays } from './dashboard-from-days';
import type { CountsScope } from './day-counts-repo';
import { kpiCards } from './kpi-cards';
import { coveredWorkstations, seriesOf } from './series';

export interface DashboardDeps {
  repo: DashboardRepo;
  facts: OrderFactsRepo;
  org: Pick<OrgRepo, 'units'>;
  /** The incidents flagged as exercise (演练): their orders never count. */
  drillIncidentIds: () => readonly number[];
  clock: Clock;
  /** The 值班长's step limits and score weights (main/config-kpi.ts; checked at start). */
  chief: ChiefOptions;
  /** The per-day counts' reader (dashboard-from-days.ts). */
  days: DashboardFromDays;
  /** The chief's limits the per-day counts were made with (KpiDaysStore.limits). */
  countedLimits: () => { fileWithinMinutes: number; closeWithinMinutes: number };
}

/** The stable refusal of a bad period (details.reason names it for a program). */
function checkRange(from: number, to: number): void {
  const problem = dashboardRangeProblem(from, to);
  if (problem) throw apiError('E_INVALID', problem.zh, problem.en, { field: 'to', reason: 'dashboard_range' });
}

/**
 * 统计分析: the series of a period by GROUP BY (dashboard-repo.ts) and the KPI cards of the period
 * and the one of equal length before it, from common/domain/kpi over the facts of the orders those
 * periods touch (the kept order_facts rows, loaded in bulk). Scoped as the order list: a station's user sees their station only.
 */
export class DashboardService {
  constructor(private readonly deps: DashboardDeps) {}

  get(input: DashboardFilter, viewer: Pick<Viewer, 'stationId'>): Dashboard {
    const { from, to } = input;
    checkRange(from, to);
    const at = this.countedScope(input, viewer);
    if (at === undefined) return this.fromFacts(input, viewer);
    const now = this.deps.clock();
    return {
      period: { from, to },
      previousPeriod: { from: from - (to - from), to: from },
      ...this.deps.days.get({
        from,
        to,
        at,
        now,
        drillIncidentIds: new Set(this.deps.drillIncidentIds()),
        workstations: coveredWorkstations(this.deps.org.units(), at.station, input.workstationId),
        chief: this.deps.chief,
      }),
    };
  }

  /** countsScope, or undefined when the counts were made with other chief limits than the hub's. */
  private countedScope(input: DashboardFilter, viewer: Pick<Viewer, 'stationId'>): CountsScope | undefined {
    const limits = this.deps.countedLimits();
    const { fileWithinMinutes, closeWithinMinutes } = this.deps.chief;
    if (limits.fileWithinMinutes !== fileWithinMinutes || limits.closeWithinMinutes !== closeWithinMinutes) {
      return undefined;
    }
    return countsScope(input, viewer);
  }

  /**
   * The same dashboard from every order's kept facts: the answer for a filter the per-day counts do
   * not hold (and the reference the counts are tested against).
   */
  fromFacts(input: DashboardFilter, viewer: Pick<Viewer, 'stationId'>): Dashboard {
    const { from, to, ...rest } = input;
    checkRange(from, to);
    const now = this.deps.clock();
    const filter: StatsFilter = rest;
    const scope = { stationId: viewer.stationId };
    const previousPeriod = { from: from - (to - from), to: from };
    const facts = this.facts(filter, scope, { from: previousPeriod.from, to }, now);
    const station = viewer.stationId ?? filter.stationId ?? null;
    const series = seriesOf(
      this.deps.repo,
      { from, to, filter, scope, now },
      coveredWorkstations(this.deps.org.units(), station, filter.workstationId),
    );
    return {
      period: { from, to },
      previousPeriod,
      kpis: kpiCards(facts, { from, to }, now),
      previousKpis: kpiCards(facts, previousPeriod, now),
      overdueNow: overdueOpen(facts, now),
      chiefScore: this.chiefScore(facts, { from, to }),
      ...series,
    };
  }

  /** The 值班长 综合指标值 of the period, per chief (the actors of the 立案 and 结案 steps) and in total. */
  private chiefScore(facts: readonly OrderFacts[], period: { from: number; to: number }): ChiefScoreTable {
    const { chief } = this.deps;
    const actors = this.deps.facts.keptActors(facts.map((f) => f.id));
    return {
      fileWithinMinutes: chief.fileWithinMinutes,
      closeWithinMinutes: chief.closeWithinMinutes,
      weights: chief.weights ?? DEFAULT_CHIEF_WEIGHTS,
      ...chiefBreakdown(facts, actors, period, chief),
    };
  }

  /** The facts of every order either period touches, and of every open one (for 在办超期). */
  private facts(
    filter: StatsFilter,
    scope: Pick<Viewer, 'stationId'>,
    span: { from: number; to: number },
    now: number,
  ) {
    return this.deps.facts.periodFacts(filter, scope, span, now, new Set(this.deps.drillIncidentIds()));
  }
}
