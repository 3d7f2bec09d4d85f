import type { ReportKind } from './types';

/** An alert sounds this long before a report is due ('soon'). */
export const REPORT_SOON_MS = 5 * 60_000;
/**
 * A deadline the sweep notices within this long is announced as 'due' (the alert sounds now);
 * noticed later (the hub was not running), it is announced as 'missed' only: no alarm for the past.
 */
export const REPORT_DUE_GRACE_MS = 60_000;

export interface ScheduledReport {
  kind: ReportKind;
  dueAt: number;
  recordedAt: number | null;
  supersededAt: number | null;
}

/**
 * Where a report stands at `now`: recorded on time or late, superseded by a level change (or the
 * close), or open — pending, 'soon' (within 5 minutes of its deadline) or missed (past it).
 */
export type ReportStatus = 'on_time' | 'late' | 'superseded' | 'pending' | 'soon' | 'missed';

export function reportStatus(r: ScheduledReport, now: number): ReportStatus {
  if (r.recordedAt !== null) return r.recordedAt <= r.dueAt ? 'on_time' : 'late';
  if (r.supersededAt !== null) return r.supersededAt > r.dueAt ? 'missed' : 'superseded';
  if (now >= r.dueAt) return 'missed';
  return now >= r.dueAt - REPORT_SOON_MS ? 'soon' : 'pending';
}

/** True when the deadline passed without the report (it stays red on the timeline). */
export function isMissed(r: ScheduledReport, now: number): boolean {
  const s = reportStatus(r, now);
  return s === 'missed' || s === 'late';
}

export function isOpenReport(r: Pick<ScheduledReport, 'recordedAt' | 'supersededAt'>): boolean {
  return r.recordedAt === null && r.supersededAt === null;
}

/** What the sweep has already announced about an open report. */
export interface ReportAlertState extends ScheduledReport {
  soonAlertedAt: number | null;
  dueAlertedAt: number | null;
}

/**
 * The announcement an open report needs at `now`, or null: 'soon' once inside the 5 minutes, 'due'
 * once at the deadline, 'missed' for a deadline found long past. Each report is announced at most
 * once per stage; a 'soon' not yet made when the deadline has passed is skipped.
 */
export function reportAlertDue(r: ReportAlertState, now: number): 'soon' | 'due' | 'missed' | null {
  if (!isOpenReport(r)) return null;
  if (now >= r.dueAt) {
    if (r.dueAlertedAt !== null) return null;
    return now - r.dueAt <= REPORT_DUE_GRACE_MS ? 'due' : 'missed';
  }
  if (now >= r.dueAt - REPORT_SOON_MS && r.soonAlertedAt === null) return 'soon';
  return null;
}

/** The due times of a level's first reports counted from `start` (for display before activation). */
export function reportDueTimes(
  rule: { initialMinutes: number; writtenMinutes: number; updateEveryMinutes: number },
  start: number,
): { initial: number; written: number; firstUpdate: number | null } {
  const written = start + rule.writtenMinutes * 60_000;
  return {
    initial: start + rule.initialMinutes * 60_000,
    written,
    firstUpdate: rule.updateEveryMinutes > 0 ? written + rule.updateEveryMinutes * 60_000 : null,
  };
}
