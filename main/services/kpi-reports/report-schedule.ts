import type { Bilingual, ReportEntry } from '../../../common/contract';
import { shanghaiDay } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import { nextRunAt } from '../backups/schedule';
import type { OrgRepo } from '../org/org-repo';
import { periodOfDay, mondayOf, type ReportPeriod } from './report-period';
import type { KpiReportService, ReportSettings } from './report-service';
import { REPORT_KIND_NAMES } from '../../../common/contract';
import { reportFailureReason } from './report-failure';

/** Who the automatic reports name as their author. */
export const SCHEDULED_BY = '系统（定时生成）';

export interface ReportScheduleDeps {
  service: Pick<KpiReportService, 'write'>;
  settings: ReportSettings;
  org: Pick<OrgRepo, 'units'>;
  clock: Clock;
  /** A report that could not be written (the hub writes it into the center's duty log). */
  onFailure: (what: string, reason: Bilingual) => void;
  log?: (line: string) => void;
}

/**
 * The automatic reports, on the injected clock: at `dailyAt` (Shanghai time) the previous day's
 * daily report, and on Mondays also the previous week's weekly report, for the center (and each
 * station when configured). A hub that was off, or a clock moved by days, makes one round, not
 * one per missed day. A failed report is told and the others are still written.
 */
export class ReportSchedule {
  private nextRun: number | null;

  constructor(private readonly deps: ReportScheduleDeps) {
    const { dailyAt } = deps.settings;
    this.nextRun = dailyAt === null ? null : nextRunAt(deps.clock(), dailyAt);
  }

  get nextRunAt(): number | null {
    return this.nextRun;
  }

  /** Writes the round once its time has come; answers the reports written, else null. */
  tick(): ReportEntry[] | null {
    const { dailyAt } = this.deps.settings;
    const now = this.deps.clock();
    if (this.nextRun === null || dailyAt === null || now < this.nextRun) return null;
    this.nextRun = nextRunAt(now, dailyAt);
    const today = shanghaiDay(now);
    const periods: ReportPeriod[] = [periodOfDay('daily', today - 1)];
    if (mondayOf(today) === today) periods.push(periodOfDay('weekly', today - 1));
    const stations = this.deps.settings.stations
      ? this.deps.org
          .units()
          .filter((u) => u.kind === 'station')
          .map((u) => u.id)
      : [];
    const written: ReportEntry[] = [];
    for (const period of periods) {
      for (const stationId of [null, ...stations]) {
        try {
          written.push(this.deps.service.write(period, stationId, SCHEDULED_BY));
        } catch (err) {
          const what = `${REPORT_KIND_NAMES[period.kind]} ${period.firstDate}${stationId === null ? '' : ` ${stationId}`}`;
          (this.deps.log ?? console.error)(`[reports] ${what} failed: ${String(err)}`);
          this.deps.onFailure(what, reportFailureReason(err));
        }
      }
    }
    return written;
  }
}
