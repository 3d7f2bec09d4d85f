/** The KPI benchmark's measured parts: each query behind overview.get and dashboard.get, built as the hub builds them. */
import { OVERVIEW_OVERDUE_MAX } from '../../common/contract/overview';
import { chiefBreakdown, overdueOpen } from '../../common/domain/kpi';
import { dayStart, shanghaiDay } from '../../common/domain/time';
import type { Clock } from '../../main/clock';
import { DEFAULT_CHIEF_OPTIONS } from '../../main/config-kpi';
import type { Db } from '../../main/db/connection';
import { unknownOnline } from '../../main/services/cameras/camera-dto';
import { CamerasService } from '../../main/services/cameras/cameras-service';
import { DashboardRepo } from '../../main/services/dashboard/dashboard-repo';
import { kpiCards } from '../../main/services/dashboard/kpi-cards';
import { coveredWorkstations, seriesOf } from '../../main/services/dashboard/series';
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

/** dashboard.get's steps (dashboard-service.ts) one by one: the kept facts' read, the cards, the chief score, the series. */
export function dashboardParts(
  db: Db,
  input: { from: number; to: number },
  viewer: { stationId: string | null },
  now: number,
): Part[] {
  const facts = new OrderFactsRepo(db);
  const repo = new DashboardRepo(db);
  const org = new OrgRepo(db);
  const drillIds = new Set(new IncidentsRepo(db).list({ drill: true }).map((i) => i.id));
  const span = { from: input.from - (input.to - input.from), to: input.to };
  const all = facts.periodFacts({}, viewer, span, now, drillIds);
  const ids = all.map((f) => f.id);
  const actors = facts.stepActors(ids);
  const q = { ...input, filter: {}, scope: viewer, now };
  const ws = coveredWorkstations(org.units(), viewer.stationId, undefined);
  return [
    {
      label: `facts: kept rows of both periods (${all.length})`,
      run: () => facts.periodFacts({}, viewer, span, now, drillIds),
    },
    {
      label: 'KPI cards, both periods + 在办超期',
      run: () => [
        kpiCards(all, input, now),
        kpiCards(all, { from: span.from, to: input.from }, now),
        overdueOpen(all, now),
      ],
    },
    { label: 'chief score: step actors', run: () => facts.stepActors(ids) },
    { label: 'chief score: breakdown', run: () => chiefBreakdown(all, actors, input, DEFAULT_CHIEF_OPTIONS) },
    { label: 'series: per day', run: () => repo.perDay(q) },
    { label: 'series: per hour', run: () => repo.perHour(q) },
    { label: 'series: by domain', run: () => repo.byDomain(q) },
    { label: 'series: by sub-category', run: () => repo.byCategory(q) },
    { label: 'series: by workstation', run: () => repo.byWorkstation(q) },
    { label: 'series: by state', run: () => repo.byState(q) },
    { label: 'series: lights per day', run: () => repo.lights(q) },
    { label: 'series: all (seriesOf)', run: () => seriesOf(repo, q, ws) },
  ];
}
