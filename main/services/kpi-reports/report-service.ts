import {
  ApiError,
  apiError,
  type ReportEntry,
  type ReportFormat,
  type ReportKind,
  type ReportList,
} from '../../../common/contract';
import { hhmm, MINUTE_MS, dayStart } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import type { DashboardService } from '../dashboard/dashboard-service';
import type { OverdueRow } from '../orders/order-counts-repo';
import type { OrgRepo } from '../org/org-repo';
import type { Viewer } from '../org/viewer';
import { buildKpiReport } from './report-build';
import { reportFailureReason } from './report-failure';
import { ReportFolder, type FolderFile } from './report-folder';
import { parseReportName, reportBaseName, reportFileName, scopeNameOf } from './report-names';
import { requestedPeriod, type ReportPeriod } from './report-period';
import { renderKpiReportPdf } from './report-pdf';
import { mayReadReport, reportScope } from './report-scope';
import { renderKpiReportXlsx } from './report-xlsx';

export const REPORT_MIMES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The longest overdue list a report prints (the total is always given). */
export const REPORT_OVERDUE_MAX = 200;

export interface ReportSettings {
  /** The reports folder (default `<dataDir>/reports`). */
  dir: string;
  /** Minutes after Shanghai midnight of the automatic reports; null: none. */
  dailyAt: number | null;
  /** Whether each station also gets its own automatic reports. */
  stations: boolean;
}

export interface KpiReportDeps {
  /** The dashboard: every number of a report is its answer for the period and scope. */
  dashboard: Pick<DashboardService, 'get'>;
  org: Pick<OrgRepo, 'units' | 'categories'>;
  /** The red open orders of a scope at an instant, most overdue first (OrderCountsRepo.overdue). */
  overdue: (now: number, stationId: string | null, limit: number) => { total: number; rows: OverdueRow[] };
  clock: Clock;
  settings: ReportSettings;
}

/**
 * 报表 (issue 14 item 5): the daily and weekly KPI reports of the center or a station, generated
 * into the reports folder as PDF and XLSX, listed from the folder, downloaded by name. Scoped as
 * the dashboard: a station's user generates, lists and downloads their station's only.
 */
export class KpiReportService {
  readonly folder: ReportFolder;

  constructor(private readonly deps: KpiReportDeps) {
    this.folder = new ReportFolder(deps.settings.dir);
  }

  /** The report the caller asks for, written into the folder (again, if it was there). */
  generate(
    req: { kind: ReportKind; date: string; stationId?: string | undefined },
    viewer: Pick<Viewer, 'stationId'>,
    by: string,
  ): ReportEntry {
    const period = requestedPeriod(req.kind, req.date, this.deps.clock());
    const stationId = reportScope(req.stationId, viewer, this.deps.org.units());
    try {
      return this.write(period, stationId, by);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      console.error('[reports] generation failed:', err);
      const reason = reportFailureReason(err);
      throw apiError('E_CONFLICT', `报表生成失败：${reason.zh}`, `The report could not be generated: ${reason.en}`, {
        reason,
      });
    }
  }

  /** Generates and writes one report; answers its listing. */
  write(period: ReportPeriod, stationId: string | null, by: string): ReportEntry {
    const now = this.deps.clock();
    const units = this.deps.org.units();
    const scopeName = scopeNameOf(stationId, units);
    const dashboard = this.deps.dashboard.get(
      { from: period.from, to: period.to, ...(stationId === null ? {} : { stationId }) },
      { stationId: null },
    );
    const data = buildKpiReport(
      dashboard,
      this.deps.overdue(now, stationId, REPORT_OVERDUE_MAX),
      { units, categories: this.deps.org.categories() },
      { period, scopeName, generatedAt: now, generatedBy: by },
    );
    const base = reportBaseName(period, scopeName);
    this.folder.write(
      base,
      [
        { format: 'pdf', data: renderKpiReportPdf(data) },
        { format: 'xlsx', data: renderKpiReportXlsx(data) },
      ],
      now,
    );
    const entry = this.entries().find((e) => e.name === base);
    if (!entry) throw new Error(`the report ${base} was written but is not listed`);
    return entry;
  }

  list(viewer: Pick<Viewer, 'stationId'>): ReportList {
    const { dailyAt, stations } = this.deps.settings;
    return {
      reports: this.entries().filter((e) => mayReadReport(viewer, e.stationId)),
      schedule: { dailyAt: dailyAt === null ? null : hhmm(dayStart(0) + dailyAt * MINUTE_MS), stations },
    };
  }

  /** One file of a listed report; another station's is refused (E_FORBIDDEN), an unknown one E_NOT_FOUND. */
  download(
    name: string,
    format: ReportFormat,
    viewer: Pick<Viewer, 'stationId'>,
  ): { fileName: string; mime: string; data: Uint8Array } {
    const entry = this.entries().find((e) => e.name === name);
    if (entry && !mayReadReport(viewer, entry.stationId)) {
      throw apiError('E_FORBIDDEN', '只能下载本站的报表', 'You may only download your own station’s reports');
    }
    if (!entry?.files.some((f) => f.format === format)) {
      throw apiError('E_NOT_FOUND', `没有报表 ${name}.${format}`, `No report ${name}.${format}`);
    }
    return { fileName: reportFileName(name, format), mime: REPORT_MIMES[format], data: this.folder.read(name, format) };
  }

  /** Every report in the folder whose name the hub can read, newest period first, the center first. */
  private entries(): ReportEntry[] {
    const units = this.deps.org.units();
    const groups = new Map<string, FolderFile[]>();
    for (const f of this.folder.files()) groups.set(f.base, [...(groups.get(f.base) ?? []), f]);
    const out: ReportEntry[] = [];
    for (const [base, files] of groups) {
      const parsed = parseReportName(base, units);
      if (!parsed) continue;
      const { period, stationId, scopeName } = parsed;
      out.push({
        name: base,
        kind: period.kind,
        from: period.from,
        to: period.to,
        date: period.firstDate,
        stationId,
        scopeName,
        generatedAt: Math.max(...files.map((f) => f.writtenAt)),
        files: [...files]
          .sort((a, b) => a.format.localeCompare(b.format))
          .map((f) => ({ format: f.format, fileName: reportFileName(base, f.format), bytes: f.bytes })),
      });
    }
    return out.sort(
      (a, b) =>
        b.from - a.from ||
        a.kind.localeCompare(b.kind) ||
        Number(a.stationId !== null) - Number(b.stationId !== null) ||
        a.scopeName.localeCompare(b.scopeName),
    );
  }
}
