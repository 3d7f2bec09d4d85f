/** The KPI benchmark's measured parts: each query behind overview.get and dashboard.get, built as the hub builds them. */
import { OVERVIEW_OVERDUE_MAX } from '../../common/contract/overview';
import { dayStart, shanghaiDay } from '../../common/domain/time';
import type { Clock } from '../../main/clock';
import type { Db } from '../../main/db/connection';
import { unknownOnline } from '../../main/services/cameras/camera-dto';
import { CamerasService } from '../../main/services/cameras/cameras-service';
import type { DashboardFilter } from '../../common/contract';
import { countsScope, DashboardFromDays } from '../../main/services/dashboard/dashboard-from-days';
import { DayCountsRepo } from '../../main/services/dashboard/day-counts-repo';
import { dutyStore } from '../../main/services/duty/duty-store';
import { RosterService } from '../../main/services/duty/roster-service';
import { IncidentsRepo } from '../../main/services/incidents/incidents-repo';
import { IncidentsService } from '../../main/services/incidents/incidents-service';
import { PlansRepo } from '../../main/services/incidents/plans';
import { OrderCountsRepo } from '../../main/services/orders/order-counts-repo';
import { OrderFactsRepo } from '../../main/services/orders/order-facts-repo';
import { OrgRepo } from '../../main/services/org/org-repo';
import type { Viewer } from '../../main/services/org/viewer';
import { OverviewService } from '../../main/services/overview/overview-service';

export interface Part {
  label: string;
  run: () => unknown;
}

/** The overview as the hub wires it (hub-handlers.ts overviewFamily), and its queries one by one. */
export function overviewParts(db: Db, clock: Clock) {
  const org = new OrgRepo(db);
  const counts = new OrderCountsRepo(db);
  const cameras = new CamerasService(db, org, clock, { secretKey: Buffer.alloc(32, 7) });
  const roster = new RosterService(dutyStore(db), org, clock);
  const incidents = new IncidentsService(db, org, new PlansRepo(db), clock).read;
  const service = new OverviewService({ counts, org, cameras, online: unknownOnline, roster, incidents, clock });
  const viewer = (orgUnitId: string, stationId: string | null): Viewer => ({
    userId: null,
    orgUnitId,
    stationId,
    isCenter: stationId === null,
    roles: ['duty_chief'],
  });
  const viewers: [string, Viewer][] = [
    ['center', viewer('HQ-C', null)],
    ['station HQ-S1', viewer('HQ-S1', 'HQ-S1')],
  ];
  const parts = (v: Viewer): Part[] => {
    const now = clock();
    return [
      { label: 'open orders by state/light/place/approval', run: () => counts.openGroups(now, v.stationId) },
      { label: 'overdue list + total', run: () => counts.overdue(now, v.stationId, OVERVIEW_OVERDUE_MAX) },
      { label: 'created today', run: () => counts.createdSince(dayStart(shanghaiDay(now)), v.stationId) },
      { label: 'org units', run: () => org.units() },
      {
        label: 'cameras by grid',
        run: () => cameras.tree(v.stationId ? { stationId: v.stationId } : {}, false, unknownOnline),
      },
      { label: 'on shift (roster)', run: () => roster.onDuty(v.orgUnitId, now) },
      { label: 'active incidents', run: () => incidents.active() },
    ];
  };
  return { service, viewers, parts };
}

/**
 * dashboard.get's reads over the per-day counts (dashboard-from-days.ts) one by one: the cards' counts
 * of both periods (whole 16-day blocks and the days around them), the chief score's per actor, the
 * histogram's, the series', the drill and stale orders' kept rows, the running day's due orders, the
 * running orders' lights and 在办超期.
 */
export function dashboardParts(
  db: Db,
  input: DashboardFilter,
  viewer: { stationId: string | null },
  now: number,
): Part[] {
  const at = countsScope(input, viewer);
  if (!at) throw new Error('the per-day counts do not answer this query');
  const counts = new DayCountsRepo(db);
  const facts = new OrderFactsRepo(db);
  const days = new DashboardFromDays(counts, facts);
  const drillIds = new Set(new IncidentsRepo(db).list({ drill: true }).map((i) => i.id));
  const d = { from: shanghaiDay(input.from), to: shanghaiDay(input.to) };
  const before = { from: d.from - (d.to - d.from), to: d.from };
  const today = shanghaiDay(now);
  const span = { from: input.from - (input.to - input.from), to: input.to };
  return [
    {
      label: 'counts: KPI cards, both periods',
      run: () => [days.counts('k', d, today, at, true), days.counts('k', before, today, at, true)],
    },
    { label: 'counts: chief score per actor', run: () => days.counts('c', d, d.to, at, false) },
    {
      label: 'counts: 处置时长 histogram, both periods',
      run: () => [days.counts('h', d, d.to, at, false), days.counts('h', before, before.to, at, false)],
    },
    { label: 'counts: series per day', run: () => counts.perDay('d', d.from, d.to, at) },
    { label: 'counts: series of the period', run: () => days.counts('s', d, d.to, at, false) },
    { label: 'drill orders’ kept rows', run: () => counts.drillOrders(span) },
    { label: 'stale kept rows', run: () => counts.staleOrders() },
    {
      label: 'due today: orders and facts',
      run: () => facts.factsOf(counts.dueIn(dayStart(today), now, at), drillIds),
    },
    { label: 'running orders’ lights', run: () => counts.runningLights(input.from, input.to, now, at) },
    { label: '在办超期 now', run: () => counts.overdueNow(now, at) },
  ];
}
