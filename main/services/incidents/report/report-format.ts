/**
 * How the incident report writes durations, report punctuality and times. Every time is
 * Asia/Shanghai, whatever zone the hub's machine runs in.
 */
import { reportStatus } from '../../../../common/domain/incidents';
import { formatShanghai } from '../../../../common/domain/time';
import type { IncidentReportData, ReportDue } from './report-model';

export { chineseNumber, dateMinute, dateTime } from '../../duty/report/report-format';

const MINUTE = 60_000;

/** 45 分钟 / 2 小时 5 分钟 / 1 天 3 小时: whole minutes, rounded down (a running clock never overstates). */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes === 0) return '不足 1 分钟';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (d > 0) parts.push(`${d} 天`);
  if (h > 0) parts.push(`${h} 小时`);
  if (m > 0) parts.push(`${m} 分钟`);
  return parts.join(' ');
}

/**
 * Whether a report came in time, judged at `asOf` (the incident's end, or the print time of an
 * interim report) by the same rule as the console (reportStatus): late by whole minutes rounded up,
 * so a report one second late is never "late by 0"; a deadline that passed with nothing recorded is
 * missed; one called off by a level change or the close before it fell due is superseded.
 */
export type Punctuality =
  | { kind: 'onTime' }
  | { kind: 'late'; minutes: number }
  | { kind: 'missed' }
  | { kind: 'superseded'; byClose: boolean }
  | { kind: 'pending' };

export function punctuality(
  report: Pick<ReportDue, 'dueAt' | 'recordedAt' | 'supersededAt'>,
  asOf: number,
  endedAt: number | null,
): Punctuality {
  const status = reportStatus({ kind: 'initial', ...report }, asOf);
  switch (status) {
    case 'on_time':
      return { kind: 'onTime' };
    case 'late':
      return { kind: 'late', minutes: Math.ceil(((report.recordedAt ?? report.dueAt) - report.dueAt) / MINUTE) };
    case 'missed':
      return { kind: 'missed' };
    case 'superseded':
      return { kind: 'superseded', byClose: endedAt !== null && (report.supersededAt ?? 0) >= endedAt };
    case 'pending':
    case 'soon':
      return { kind: 'pending' };
  }
}

export function punctualityText(p: Punctuality): string {
  switch (p.kind) {
    case 'onTime':
      return '按时';
    case 'late':
      return `迟报 ${p.minutes} 分钟`;
    case 'missed':
      return '未报（超时）';
    case 'superseded':
      return p.byClose ? '事件结束，不再报送' : '级别调整，不再报送';
    case 'pending':
      return '未到期';
  }
}

/** The moment the report speaks of: the end of a closed incident, else the print time. */
export function asOf(r: Pick<IncidentReportData, 'endedAt' | 'printedAt'>): number {
  return r.endedAt ?? r.printedAt;
}

/**
 * `HH:mm` on the day the incident started, `MM-DD HH:mm` on a later day of the same year, the whole
 * date otherwise: an incident that runs through the night keeps its times unambiguous.
 */
export function clockFrom(ms: number, startedAt: number): string {
  const s = formatShanghai(ms);
  const start = formatShanghai(startedAt);
  if (s.slice(0, 10) === start.slice(0, 10)) return s.slice(11, 16);
  if (s.slice(0, 4) === start.slice(0, 4)) return s.slice(5, 16);
  return s.slice(0, 16);
}

/** `YYYYMMDD-HHmm` for file names. */
export function fileStamp(ms: number): string {
  return formatShanghai(ms).slice(0, 16).replace(/[-:]/g, '').replace(' ', '-');
}
