import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import type { Language } from '../../../common/domain/org';
import { TIME_ZONE } from '../../../common/domain/time';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** The center runs on Beijing time whatever the PC's own zone is. */
export function formatDateTime(epochMs: number): string {
  return inShanghai(epochMs).format(DATE_TIME_FORMAT);
}

/** An instant (now by default) as a dayjs in Beijing time, for formats the helpers here lack. */
export function inShanghai(epochMs?: number): Dayjs {
  return dayjs(epochMs).tz(TIME_ZONE);
}

/** Midnight (Asia/Shanghai) starting the calendar date a date picker shows, whatever the PC's zone. */
export function shanghaiDayStart(day: Dayjs): Dayjs {
  return dayjs.tz(day.format('YYYY-MM-DD'), TIME_ZONE);
}

export function setDayjsLanguage(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

export { dayjs };
