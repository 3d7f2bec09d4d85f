import { MINUTE_MS, dayStart, shanghaiDay } from '../../../common/domain/time';

/** The first instant after `now` at which the Shanghai wall clock reads `minuteOfDay` (0–1439). */
export function nextRunAt(now: number, minuteOfDay: number): number {
  const today = dayStart(shanghaiDay(now)) + minuteOfDay * MINUTE_MS;
  return today > now ? today : dayStart(shanghaiDay(now) + 1) + minuteOfDay * MINUTE_MS;
}

/** 'HH:mm' (00:00–23:59) as minutes since midnight, or null when it is not such a time. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
