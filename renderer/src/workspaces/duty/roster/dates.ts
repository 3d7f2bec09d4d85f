import { dateOfDay, dayNumber, shanghaiDate } from '../../../../../common/domain/time';

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
