import type { ChiefOptions } from '../../../common/domain/kpi';
import type { Clock } from '../../clock';
import { DEFAULT_CHIEF_OPTIONS } from '../../config-kpi';
import type { Db } from '../../db/connection';
import { DashboardRepo } from '../../services/dashboard/dashboard-repo';
import { DashboardService } from '../../services/dashboard/dashboard-service';
import { IncidentsRepo } from '../../services/incidents/incidents-repo';
import { OrderFactsRepo } from '../../services/orders/order-facts-repo';
import { OrderFactsStore } from '../../services/orders/order-facts-store';
import { DashboardFromDays } from '../../services/dashboard/dashboard-from-days';
import { DayCountsRepo } from '../../services/dashboard/day-counts-repo';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { Handler } from '../handler-types';

/** The dashboard over the hub's database: dashboard.get's and the KPI reports' one source of numbers. */
export function openDashboard(deps: {
  db: Db;
  org: OrgRepo;
  clock: Clock;
  chief?: ChiefOptions | undefined;
}): DashboardService {
  const incidents = new IncidentsRepo(deps.db);
  const chief = deps.chief ?? DEFAULT_CHIEF_OPTIONS;
  const store = new OrderFactsStore(deps.db);
  // Counts made with other limits (the hub's CITYOPS_CHIEF_* minutes changed) are made again, once.
  if (store.ensureLimits(chief)) console.info('[kpi] 值班长 step limits changed: per-day KPI counts rebuilt');
  const facts = new OrderFactsRepo(deps.db);
  return new DashboardService({
    repo: new DashboardRepo(deps.db),
    facts,
    org: deps.org,
    drillIncidentIds: () => incidents.list({ drill: true }).map((i) => i.id),
    clock: deps.clock,
    chief,
    days: new DashboardFromDays(new DayCountsRepo(deps.db), facts),
    countedLimits: () => store.days.limits(),
  });
}

/** 统计分析: one read, scoped by the caller's station as the order list is. */
export function dashboardHandlers(deps: { service: DashboardService; org: OrgRepo }) {
  const get: Handler<'dashboard.get'> = (ctx, input) =>
    deps.service.get(input, viewerOf(deps.org, ctx.requireSession().user));
  return { 'dashboard.get': get };
}
