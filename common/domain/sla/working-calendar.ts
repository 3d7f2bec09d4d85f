/**
 * Working time in Asia/Shanghai: working hours on working days, where a working day is Monday–Friday
 * unless the calendar says otherwise (a public holiday, or a weekend day worked — 调休).
 *
 * Pure and independent of the machine's time zone: China has no daylight saving, so local time is
 * UTC+08:00 all year round and every day is exactly 24 h long.
 *
 * The calendar is a step function W(t) = working time elapsed from a fixed origin to `t`, computed
 * arithmetically (whole weeks, then a binary search over the calendar's exceptions), so adding or
 * measuring working time costs the same for an hour and for a year.
 */

import { DAY_MS, MINUTE_MS, SHANGHAI_OFFSET_MS, dayNumber } from '../time';

/** One span of working time within a day, 'HH:MM' local time, `from` < `to`. */
export interface WorkingPeriod {
  readonly from: string;
  readonly to: string;
}

/** The center's office hours: 09:00–12:00 and 13:00–17:30 (7.5 h a day). The one place to change them. */
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [
  { from: '09:00', to: '12:00' },
  { from: '13:00', to: '17:30' },
];

/** A day that differs from the Monday–Friday rule (structurally the contract's CalendarDay). */
export interface CalendarException {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** Mon–Fri days in [0, r) for r = 0…6 counted from a Thursday: Thu, Fri, Sat, Sun, Mon, Tue. */
const WEEKDAYS_IN_PARTIAL_WEEK = [0, 1, 2, 2, 2, 3, 4] as const;

/** Mon–Fri days from day 0 up to (not including) `day`; negative before day 0. */
function weekdaysBefore(day: number): number {
  const weeks = Math.floor(day / 7);
  return weeks * 5 + (WEEKDAYS_IN_PARTIAL_WEEK[day - weeks * 7] ?? 0);
}

function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 24 || min > 59 || h * 60 + min > 24 * 60) throw new RangeError(`bad time of day: ${hhmm}`);
  return (h * 60 + min) * MINUTE_MS;
}

interface Span {
  start: number;
  end: number;
}

export class WorkingCalendar {
  /** Working time in one working day, in minutes (450 with the default hours). */
  readonly minutesPerDay: number;
  private readonly spans: readonly Span[];
  private readonly dayMs: number;
  /** kind of every exception day, by day number. */
  private readonly exceptions = new Map<number, 'holiday' | 'workday'>();
  /** Days whose exception changes the Mon–Fri count (a weekday holiday −1, a weekend workday +1), sorted. */
  private readonly shiftDays: number[] = [];
  /** shiftPrefix[i] = sum of the shifts of shiftDays[0 … i−1]. */
  private readonly shiftPrefix: number[] = [0];

  constructor(days: readonly CalendarException[], hours: readonly WorkingPeriod[] = DEFAULT_WORKING_HOURS) {
    const spans = hours.map((p) => ({ start: parseClock(p.from), end: parseClock(p.to) }));
    if (spans.length === 0) throw new RangeError('working hours must not be empty');
    spans.forEach((s, i) => {
      const prev = spans[i - 1];
      if (s.end <= s.start || (prev && s.start < prev.end)) throw new RangeError('working hours must be ordered spans');
    });
    this.spans = spans;
    this.dayMs = spans.reduce((sum, s) => sum + s.end - s.start, 0);
    this.minutesPerDay = this.dayMs / MINUTE_MS;

    for (const d of days) {
      const day = dayNumber(d.date);
      if (day === null) throw new RangeError(`bad calendar date: ${d.date}`);
      this.exceptions.set(day, d.kind);
    }
    const shifts = [...this.exceptions]
      .map(([day, kind]) => ({ day, shift: kind === 'holiday' ? (isWeekend(day) ? 0 : -1) : isWeekend(day) ? 1 : 0 }))
      .filter((s) => s.shift !== 0)
      .sort((a, b) => a.day - b.day);
    for (const s of shifts) {
      this.shiftDays.push(s.day);
      this.shiftPrefix.push((this.shiftPrefix[this.shiftPrefix.length - 1] ?? 0) + s.shift);
    }
  }

  /** Whether a 'YYYY-MM-DD' date is a working day. */
  isWorkday(date: string): boolean {
    const day = dayNumber(date);
    if (day === null) throw new RangeError(`bad date: ${date}`);
    return this.isWorkDay(day);
  }

  /**
   * The instant `minutes` of working time after `at` (before it when negative): the earliest instant
   * at which that much working time has elapsed, so a deadline falling at the end of a working day is
   * 17:30 that day rather than 09:00 the next morning. Rounded to the millisecond.
   */
  addMinutes(at: number, minutes: number): number {
    if (!Number.isFinite(at) || !Number.isFinite(minutes)) throw new RangeError('addMinutes: not a finite number');
    if (minutes === 0) return at;
    return Math.round(this.instantAt(this.elapsed(at) + minutes * MINUTE_MS));
  }

  /** Working minutes from `from` to `to`; negative when `to` is earlier. */
  minutesBetween(from: number, to: number): number {
    return (this.elapsed(to) - this.elapsed(from)) / MINUTE_MS;
  }

  private isWorkDay(day: number): boolean {
    const kind = this.exceptions.get(day);
    return kind ? kind === 'workday' : !isWeekend(day);
  }

  /** Working days from day 0 up to (not including) `day` (up to a constant: only differences matter). */
  private workdaysBefore(day: number): number {
    // Number of shift days < day, by binary search.
    let lo = 0;
    let hi = this.shiftDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.shiftDays[mid] ?? 0) < day) lo = mid + 1;
      else hi = mid;
    }
    return weekdaysBefore(day) + (this.shiftPrefix[lo] ?? 0);
  }

  /** Working time elapsed within a working day up to `tod` ms after local midnight. */
  private elapsedInDay(tod: number): number {
    let sum = 0;
    for (const s of this.spans) sum += Math.min(Math.max(tod - s.start, 0), s.end - s.start);
    return sum;
  }

  /** W(t): working ms from the origin to `at`. */
  private elapsed(at: number): number {
    const local = at + SHANGHAI_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const inDay = this.isWorkDay(day) ? this.elapsedInDay(local - day * DAY_MS) : 0;
    return this.workdaysBefore(day) * this.dayMs + inDay;
  }

  /** The earliest instant t with W(t) = w. */
  private instantAt(w: number): number {
    // The working day that holds w: the (k+1)-th, with 0 < offset ≤ one day's work inside it.
    const k = Math.ceil(w / this.dayMs) - 1;
    const offset = w - k * this.dayMs;
    const day = this.firstDayWithWorkdaysBefore(k + 1) - 1;
    let tod = 0;
    let done = 0;
    for (const s of this.spans) {
      const len = s.end - s.start;
      if (offset <= done + len) {
        tod = s.start + (offset - done);
        break;
      }
      done += len;
    }
    return day * DAY_MS + tod - SHANGHAI_OFFSET_MS;
  }

  /** The smallest day d with workdaysBefore(d) ≥ n (that day minus one is the n-th working day). */
  private firstDayWithWorkdaysBefore(n: number): number {
    const guess = Math.floor((n * 7) / 5);
    let lo = guess - 16;
    let hi = guess + 16;
    for (let step = 32; this.workdaysBefore(lo) >= n; step *= 2) lo -= step;
    for (let step = 32; this.workdaysBefore(hi) < n; step *= 2) hi += step;
    // Invariant: workdaysBefore(lo) < n ≤ workdaysBefore(hi).
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.workdaysBefore(mid) >= n) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}
