import { apiError, type ReportKind } from '../../../common/contract';
import { dateOfDay, dayNumber, dayStart } from '../../../common/domain/time';

/** A report's period [from, to), Shanghai time, and its first and last calendar day. */
export interface ReportPeriod {
  kind: ReportKind;
  from: number;
  to: number;
  firstDate: string;
  lastDate: string;
}

/** The earliest date a report may be asked for (the console never held older orders). */
const FIRST_YEAR = 2000;

/** The Monday of the week of a day number (day 0, 1970-01-01, was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** The period of a daily report (that Shanghai day) or a weekly one (Monday to Sunday of the date's week). */
export function periodOfDay(kind: ReportKind, day: number): ReportPeriod {
  const first = kind === 'daily' ? day : mondayOf(day);
  const days = kind === 'daily' ? 1 : 7;
  return {
    kind,
    from: dayStart(first),
    to: dayStart(first + days),
    firstDate: dateOfDay(first),
    lastDate: dateOfDay(first + days - 1),
  };
}

/**
 * The period of a requested report, or a stable E_INVALID: a date that is not a real calendar day
 * (`2026-13-40`), before 2000, or a period that has not started at `now` (a day still running is
 * reported as far as it went).
 */
export function requestedPeriod(kind: ReportKind, date: string, now: number): ReportPeriod {
  const day = dayNumber(date);
  if (day === null || Number(date.slice(0, 4)) < FIRST_YEAR) {
    throw apiError('E_INVALID', `日期无效：${date}`, `Not a valid date: ${date}`, {
      field: 'date',
      reason: 'report_date',
    });
  }
  const period = periodOfDay(kind, day);
  if (period.from > now) {
    throw apiError('E_INVALID', '报表期间尚未开始', 'The report’s period has not started yet', {
      field: 'date',
      reason: 'report_future',
    });
  }
  return period;
}
