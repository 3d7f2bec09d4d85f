import type { Dashboard } from '../../../common/contract';
import type { OrgUnit } from '../../../common/contract';
import { dateOfDay, shanghaiDay } from '../../../common/domain/time';
import type { DashboardRepo, SeriesQuery } from './dashboard-repo';

type Series = Pick<
  Dashboard,
  'perDay' | 'perHour' | 'byDomain' | 'byCategory' | 'byWorkstation' | 'byState' | 'lights'
>;

/** The Shanghai day numbers the period [from, to) touches, first to last. */
export function periodDays(from: number, to: number): number[] {
  const first = shanghaiDay(from);
  const last = shanghaiDay(to - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The workstations a chart by workstation lists (with 0 when none): every village/residential
 * workstation under a grid of the station the filter or the caller's scope names (all 36 for the
 * center), or only the one the filter names.
 */
export function coveredWorkstations(
  units: readonly OrgUnit[],
  station: string | null,
  workstationId: string | undefined,
): string[] {
  const stationOfGrid = new Map(units.filter((u) => u.kind === 'grid').map((g) => [g.id, g.stationId]));
  return units
    .filter((u) => u.kind === 'workstation')
    .filter((w) => station === null || (w.parentId !== null && stationOfGrid.get(w.parentId) === station))
    .filter((w) => workstationId === undefined || w.id === workstationId)
    .map((w) => w.id);
}

/** Every series of the dashboard, zero-filled where the chart has a fixed axis (days, hours, workstations). */
export function seriesOf(repo: DashboardRepo, q: SeriesQuery, workstations: readonly string[]): Series {
  const days = periodDays(q.from, q.to);
  const perDay = new Map(repo.perDay(q).map((r) => [r.day, r.count]));
  const perHour = new Map(repo.perHour(q).map((r) => [r.hour, r.count]));
  const lights = new Map(repo.lights(q).map((r) => [r.day, r]));
  const byWorkstation = new Map(repo.byWorkstation(q).map((r) => [r.key, r.count]));
  return {
    perDay: days.map((d) => ({ date: dateOfDay(d), count: perDay.get(d) ?? 0 })),
    perHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: perHour.get(hour) ?? 0 })),
    byDomain: repo.byDomain(q).map((r) => ({ domainId: r.key, count: r.count })),
    byCategory: repo.byCategory(q),
    byWorkstation: workstations.map((id) => ({ workstationId: id, count: byWorkstation.get(id) ?? 0 })),
    byState: repo.byState(q).map((r) => ({ state: r.key, count: r.count })),
    lights: days.map((d) => {
      const l = lights.get(d);
      return { date: dateOfDay(d), green: l?.green ?? 0, yellow: l?.yellow ?? 0, red: l?.red ?? 0 };
    }),
  };
}
