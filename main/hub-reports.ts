import path from 'node:path';
import { openDashboard } from './api/handlers/dashboard-handlers';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { HubOptions } from './hub';
import type { DashboardService } from './services/dashboard/dashboard-service';
import type { DutySystemLog } from './services/duty/system-log';
import { KpiReportService, type ReportSettings } from './services/kpi-reports/report-service';
import { ReportSchedule } from './services/kpi-reports/report-schedule';
import { OrderCountsRepo } from './services/orders/order-counts-repo';
import type { OrgRepo } from './services/org/org-repo';

/** The automatic reports' default time: 07:00 Shanghai, before the day shift's morning meeting. */
export const DEFAULT_REPORT_TIME = 7 * 60;

/** The hub's report settings: the configured ones, else `<dataDir>/reports`, the center's at 07:00. */
export function reportSettings(options: HubOptions): ReportSettings {
  return (
    options.reports ?? { dir: path.join(options.dataDir, 'reports'), dailyAt: DEFAULT_REPORT_TIME, stations: false }
  );
}

export interface HubReports {
  dashboard: DashboardService;
  reports: KpiReportService;
  schedule: ReportSchedule;
}

/** The dashboard, the KPI reports made from it, and their schedule; a failed automatic report goes into the duty log. */
export function openReports(
  options: HubOptions,
  clock: Clock,
  deps: { db: Db; org: OrgRepo; systemLog: DutySystemLog },
): HubReports {
  const { db, org, systemLog } = deps;
  const dashboard = openDashboard({ db, org, clock, chief: options.chiefScore });
  const counts = new OrderCountsRepo(db);
  const settings = reportSettings(options);
  const reports = new KpiReportService({
    dashboard,
    org,
    overdue: (now, stationId, limit) => counts.overdue(now, stationId, limit),
    clock,
    settings,
  });
  const schedule = new ReportSchedule({
    service: reports,
    settings,
    org,
    clock,
    onFailure: (what, reason) => {
      if (!db.open) return;
      try {
        systemLog.reportFailed(what, reason);
      } catch (err) {
        console.error('[reports] the failure could not be written to the duty log:', err);
      }
    },
  });
  return { dashboard, reports, schedule };
}
