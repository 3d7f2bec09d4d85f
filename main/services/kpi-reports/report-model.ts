import type { Dashboard, DashboardKpis } from '../../../common/contract';
import type { ReportPeriod } from './report-period';

/** One labelled count of a table behind a chart. */
export interface LabelledCount {
  label: string;
  count: number;
}

/** One row of the 在办超期 list as the report prints it. */
export interface OverdueLine {
  code: string;
  title: string;
  state: string;
  station: string;
  workstation: string;
  handler: string;
  deadline: string;
  /** How long past its deadline at the time of generation, e.g. 2 天 3 小时. */
  overdueBy: string;
}

/**
 * Everything a KPI report prints, already in words: the numbers are dashboard.get's for the
 * period and scope (never computed a second time), the names those of the organisation and
 * the category tree.
 */
export interface KpiReportData {
  period: ReportPeriod;
  previous: { from: number; to: number };
  /** The report's scope in words: 全中心 or the station's name. */
  scopeName: string;
  generatedAt: number;
  generatedBy: string;
  kpis: DashboardKpis;
  previousKpis: DashboardKpis;
  overdueNow: Dashboard['overdueNow'];
  perDay: Dashboard['perDay'];
  perHour: Dashboard['perHour'];
  lights: Dashboard['lights'];
  byDomain: LabelledCount[];
  byCategory: (LabelledCount & { domain: string })[];
  byWorkstation: (LabelledCount & { station: string })[];
  byState: LabelledCount[];
  overdue: { total: number; rows: OverdueLine[] };
}
