import { TIME_ZONE } from './org';

/**
 * Shanghai time, the one place every conversion to and from it goes through: the
 * hub, the renderer (dayjs is given TIME_ZONE from here) and the reports. China has kept UTC+08:00
 * all year since 1991, so a fixed offset is exact and every day is 24 h long; Intl is used only to
 * format, in one place (`formatShanghai`).
 *
 * Day numbers count days since 1970-01-01 (Shanghai calendar dates, not UTC ones).
 */

export { TIME_ZONE };

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Offset of China Standard Time from UTC (no daylight saving). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date, or null when it is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of the Shanghai date an instant falls on. */
export function shanghaiDay(at: number): number {
  return Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(at: number): string {
  return dateOfDay(shanghaiDay(at));
}

/** Epoch ms of 00:00 Shanghai time starting a day number. */
export function dayStart(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Minutes since Shanghai midnight, 0–1439. */
export function minuteOfDay(at: number): number {
  return Math.floor(((((at + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** 'HH:mm' in Shanghai time. */
export function hhmm(at: number): string {
  const min = minuteOfDay(at);
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** The instant's Shanghai wall-clock fields, for writers that need them one by one. */
export function shanghaiParts(at: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const d = new Date(at + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** `2026-11-26T10:00:00+08:00` for an instant. */
export function isoShanghai(at: number): string {
  return `${new Date(at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

const fmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, whatever the machine's zone. */
export function formatShanghai(ms: number): string {
  return fmt.format(new Date(ms));
}
