import type { Category, Dashboard, OrgUnit } from '../../../common/contract';
import { ORDER_STATE_NAMES } from '../../../common/domain/orders/states';
import { dateMinute } from '../duty/report/report-format';
import { durationText } from '../incidents/report/report-format';
import type { OverdueRow } from '../orders/order-counts-repo';
import type { KpiReportData, LabelledCount } from './report-model';
import type { ReportPeriod } from './report-period';

/** The names a report prints: org units and categories by id (an unknown id prints as itself). */
export interface ReportNames {
  units: readonly OrgUnit[];
  categories: readonly Category[];
}

export interface ReportMeta {
  period: ReportPeriod;
  scopeName: string;
  generatedAt: number;
  generatedBy: string;
}

/** Lookup of a name by id, the id itself when unknown and "—" for none. */
function namer(items: readonly { id: string; name: string }[]): (id: string | null) => string {
  const names = new Map(items.map((i) => [i.id, i.name]));
  return (id) => (id === null ? '—' : (names.get(id) ?? id));
}

function stationOfWorkstation(units: readonly OrgUnit[]): (workstationId: string) => string | null {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const station = new Map(units.map((u) => [u.id, u.stationId]));
  return (id) => {
    const grid = parent.get(id) ?? null;
    return station.get(id) ?? (grid === null ? null : (station.get(grid) ?? null));
  };
}

/** The 在办超期 list as of the generation time, most overdue first. */
function overdueLines(rows: readonly OverdueRow[], names: ReportNames, at: number) {
  const unit = namer(names.units);
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    state: ORDER_STATE_NAMES[r.state].zh,
    station: unit(r.stationId),
    workstation: unit(r.workstationId),
    handler: r.handlerName ?? '—',
    deadline: dateMinute(r.deadlineAt),
    overdueBy: durationText(at - r.deadlineAt),
  }));
}

/**
 * The report's content: dashboard.get's answer for the period and scope (its KPI cards, the
 * previous period's, 在办超期 and every series) with names put to the ids, and the overdue list.
 */
export function buildKpiReport(
  d: Dashboard,
  overdue: { total: number; rows: readonly OverdueRow[] },
  names: ReportNames,
  meta: ReportMeta,
): KpiReportData {
  const unit = namer(names.units);
  const category = namer(names.categories);
  const stationOf = stationOfWorkstation(names.units);
  const labelled = (label: string, count: number): LabelledCount => ({ label, count });
  return {
    ...meta,
    previous: d.previousPeriod,
    kpis: d.kpis,
    previousKpis: d.previousKpis,
    overdueNow: d.overdueNow,
    perDay: d.perDay,
    perHour: d.perHour,
    lights: d.lights,
    byDomain: d.byDomain.map((r) => labelled(category(r.domainId), r.count)),
    byCategory: d.byCategory.map((r) => ({
      ...labelled(category(r.categoryId), r.count),
      domain: category(r.domainId),
    })),
    byWorkstation: d.byWorkstation.map((r) => ({
      ...labelled(unit(r.workstationId), r.count),
      station: unit(stationOf(r.workstationId)),
    })),
    byState: d.byState.map((r) => labelled(ORDER_STATE_NAMES[r.state].zh, r.count)),
    overdue: { total: overdue.total, rows: overdueLines(overdue.rows, names, meta.generatedAt) },
  };
}
