/**
 * Concrete shifts from a pattern, on Asia/Shanghai dates. China has no daylight saving, so local
 * time is UTC+08:00 all year and every day is 24 h: a date's midnight is computed arithmetically and
 * the machine's time zone is never consulted. Weeks run Monday–Sunday (as Chinese duty rosters do).
 */
import { DAY_MS, MINUTE_MS, dateOfDay, dayNumber, dayStart, hhmm, shanghaiDay } from '../time';
import { shiftSpan, type LocalizedText, type ShiftPattern } from './shift-templates';

/** Longest range `shiftInstances` expands in one call (ten years); longer is a caller's mistake. */
const MAX_RANGE_DAYS = 3660;
/** Most weeks `copyWeekForward` copies in one go (a year). */
export const MAX_COPY_WEEKS = 52;

/** One occurrence of a shift template. `date` is the Shanghai date the shift starts on. */
export interface ShiftInstance {
  readonly date: string;
  readonly code: string;
  /** Epoch ms, inclusive. */
  readonly startsAt: number;
  /** Epoch ms, exclusive: a shift ending 16:00 and one starting 16:00 do not overlap. */
  readonly endsAt: number;
}

function day(date: string, what: string): number {
  const d = dayNumber(date);
  if (d === null) throw new RangeError(`${what}: "${date}" is not a date (YYYY-MM-DD)`);
  return d;
}

/** 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
function isoWeekday(dayNo: number): number {
  return ((((dayNo + 3) % 7) + 7) % 7) + 1;
}

function instancesOfDays(pattern: ShiftPattern, fromDay: number, toDay: number): ShiftInstance[] {
  const spans = pattern.shifts.map((t) => {
    const span = shiftSpan(t);
    if (span === null) throw new RangeError(`shift "${t.code}" has invalid times ${t.start}–${t.end}`);
    return { code: t.code, ...span };
  });
  const out: ShiftInstance[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const base = dayStart(d);
    const date = dateOfDay(d);
    for (const s of spans) {
      out.push({ date, code: s.code, startsAt: base + s.startMin * MINUTE_MS, endsAt: base + s.endMin * MINUTE_MS });
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The shifts starting on the dates `fromDate` … `toDate` (both inclusive, Shanghai dates), in time
 * order. A night shift starting on `toDate` is included whole, though it ends the day after.
 * Throws RangeError on a malformed date or template time (check with `validatePattern` first).
 */
export function shiftInstances(pattern: ShiftPattern, fromDate: string, toDate: string): ShiftInstance[] {
  const from = day(fromDate, 'fromDate');
  const to = day(toDate, 'toDate');
  if (to - from > MAX_RANGE_DAYS)
    throw new RangeError(`range ${fromDate}…${toDate} is longer than ${MAX_RANGE_DAYS} days`);
  return instancesOfDays(pattern, from, to);
}

/**
 * The shift covering instant `at` (epoch ms), or null when none does (e.g. a station pattern
 * without night standby at 23:00). The night shift that started yesterday covers 03:00 today.
 * If an (invalid) pattern has overlapping shifts, the one that started last wins.
 */
export function shiftAt(pattern: ShiftPattern, at: number): ShiftInstance | null {
  const today = shanghaiDay(at);
  // Shifts last at most 24 h, so only those starting yesterday or today can cover `at`.
  let found: ShiftInstance | null = null;
  for (const s of instancesOfDays(pattern, today - 1, today)) {
    if (s.startsAt <= at && at < s.endsAt && (found === null || s.startsAt >= found.startsAt)) found = s;
  }
  return found;
}

/** The Monday ('YYYY-MM-DD') of the Monday–Sunday week containing `date`. */
export function mondayOf(date: string): string {
  const d = day(date, 'date');
  return dateOfDay(d - isoWeekday(d) + 1);
}

export interface CalendarDay {
  readonly date: string;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** The shifts that start on this day, in time order. */
  readonly shifts: readonly ShiftInstance[];
}

export interface WeekView {
  /** Monday of the week. */
  readonly monday: string;
  /** Monday … Sunday. */
  readonly days: readonly CalendarDay[];
}

export interface MonthDay extends CalendarDay {
  /** False for the leading and trailing days of the adjacent months that fill the first and last week. */
  readonly inMonth: boolean;
}

export interface MonthView {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Whole Monday–Sunday weeks covering the month: 4 to 6 rows of 7 days. */
  readonly weeks: readonly (readonly MonthDay[])[];
}

function daysWithShifts(pattern: ShiftPattern, fromDay: number, toDay: number): CalendarDay[] {
  const byDate = new Map<string, ShiftInstance[]>();
  for (const s of instancesOfDays(pattern, fromDay, toDay)) {
    const list = byDate.get(s.date);
    if (list) list.push(s);
    else byDate.set(s.date, [s]);
  }
  const out: CalendarDay[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const date = dateOfDay(d);
    out.push({ date, weekday: isoWeekday(d), shifts: byDate.get(date) ?? [] });
  }
  return out;
}

/** The Monday–Sunday week containing `anyDateInWeek`, with each day's shifts. */
export function weekView(pattern: ShiftPattern, anyDateInWeek: string): WeekView {
  const d = day(anyDateInWeek, 'anyDateInWeek');
  const monday = d - isoWeekday(d) + 1;
  return { monday: dateOfDay(monday), days: daysWithShifts(pattern, monday, monday + 6) };
}

/** A month as a grid of whole Monday–Sunday weeks, including the adjacent months' days that fill it. */
export function monthView(pattern: ShiftPattern, year: number, month: number): MonthView {
  if (!Number.isInteger(year) || year < 1970 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`no such month: ${year}-${month}`);
  }
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const last = Date.UTC(year, month, 1) / DAY_MS - 1;
  const gridFrom = first - isoWeekday(first) + 1;
  const gridTo = last + 7 - isoWeekday(last);
  const days = daysWithShifts(pattern, gridFrom, gridTo);
  const weeks: MonthDay[][] = [];
  for (let i = 0; i < days.length; i += 7) {
    weeks.push(
      days.slice(i, i + 7).map((cd, k) => ({ ...cd, inMonth: gridFrom + i + k >= first && gridFrom + i + k <= last })),
    );
  }
  return { year, month, weeks };
}

/**
 * The assignments whose shift starts in the week beginning `fromWeekMonday`, repeated for each of
 * the next `weeks` weeks (shifted by 7 × n days; exact in ms since Shanghai has no DST), in week
 * order. The copies are proposals: check them with `findConflicts` against the roster already there.
 */
export function copyWeekForward<T extends { readonly shift: ShiftInstance }>(
  assignments: readonly T[],
  fromWeekMonday: string,
  weeks: number,
): T[] {
  const monday = day(fromWeekMonday, 'fromWeekMonday');
  if (isoWeekday(monday) !== 1) throw new RangeError(`fromWeekMonday: ${fromWeekMonday} is not a Monday`);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_COPY_WEEKS) {
    throw new RangeError(`weeks: ${weeks} is not a whole number from 1 to ${MAX_COPY_WEEKS}`);
  }
  const inWeek = assignments.filter((a) => {
    const d = dayNumber(a.shift.date);
    return d !== null && d >= monday && d <= monday + 6;
  });
  const out: T[] = [];
  for (let n = 1; n <= weeks; n++) {
    for (const a of inWeek) {
      const d = dayNumber(a.shift.date) ?? monday;
      const shift: ShiftInstance = {
        ...a.shift,
        date: dateOfDay(d + 7 * n),
        startsAt: a.shift.startsAt + 7 * n * DAY_MS,
        endsAt: a.shift.endsAt + 7 * n * DAY_MS,
      };
      out.push({ ...a, shift });
    }
  }
  return out;
}

/**
 * A shift's hours in Shanghai time, one rule for every place that writes them: '08:00–16:00',
 * '16:00–24:00' (ends at midnight), '22:00–次日06:00' / '22:00–06:00 next day'.
 */
export function formatShiftHours(shift: Pick<ShiftInstance, 'startsAt' | 'endsAt'>): LocalizedText {
  const startDay = shanghaiDay(shift.startsAt);
  const endDay = shanghaiDay(shift.endsAt);
  const start = hhmm(shift.startsAt);
  const end = hhmm(shift.endsAt);
  const both = (text: string): LocalizedText => ({ zh: text, en: text });
  if (endDay === startDay) return both(`${start}–${end}`);
  if (shift.endsAt === dayStart(startDay + 1)) return both(`${start}–24:00`);
  if (endDay === startDay + 1) return { zh: `${start}–次日${end}`, en: `${start}–${end} next day` };
  return both(`${start}–${dateOfDay(endDay)} ${end}`);
}

/**
 * A shift's date and hours for messages: '2026-02-03 16:00–24:00',
 * '2026-02-03 22:00–次日06:00' / '2026-02-03 22:00–06:00 next day'.
 */
export function formatShiftRange(shift: Pick<ShiftInstance, 'startsAt' | 'endsAt'>): LocalizedText {
  const date = dateOfDay(shanghaiDay(shift.startsAt));
  const hours = formatShiftHours(shift);
  return { zh: `${date} ${hours.zh}`, en: `${date} ${hours.en}` };
}
