import type { Bilingual } from '../../../../../common/contract';
import { dateOfDay, dayNumber, shanghaiDate } from '../../../../../common/domain/sla/working-calendar';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Today's date in Beijing time, whatever the PC's own zone: the roster is the center's calendar. */
export function todayInShanghai(now: number = Date.now()): string {
  return shanghaiDate(now);
}

/** The date `n` days after a 'YYYY-MM-DD' date (n may be negative). */
export function addDays(date: string, n: number): string {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return dateOfDay(day + n);
}

/** Year and month (1–12) of a 'YYYY-MM-DD' date. */
export function yearMonthOf(date: string): { year: number; month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** The first day of the month `n` months after the month of `date`. */
export function addMonths(date: string, n: number): string {
  const { year, month } = yearMonthOf(date);
  const index = year * 12 + (month - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function clock(at: number): string {
  const min = Math.floor(((((at + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/**
 * A shift's hours as rosters write them: 08:00–16:00, 16:00–24:00 (ends at midnight), and
 * 22:00–次日06:00 / 22:00–06:00 (+1) when it runs into the next day.
 */
export function shiftHours(shift: { startsAt: number; endsAt: number }): Bilingual {
  const start = clock(shift.startsAt);
  const startDay = Math.floor((shift.startsAt + SHANGHAI_OFFSET_MS) / DAY_MS);
  const endDay = Math.floor((shift.endsAt + SHANGHAI_OFFSET_MS) / DAY_MS);
  const end = clock(shift.endsAt);
  if (endDay === startDay) return { zh: `${start}–${end}`, en: `${start}–${end}` };
  if (end === '00:00' && endDay === startDay + 1) return { zh: `${start}–24:00`, en: `${start}–24:00` };
  return { zh: `${start}–次日${end}`, en: `${start}–${end} (+1)` };
}
