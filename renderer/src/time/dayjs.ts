import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import { TIME_ZONE, type Language } from '../../../common/domain/org';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** The center runs on Beijing time whatever the PC's own zone is. */
export function formatDateTime(epochMs: number): string {
  return dayjs(epochMs).tz(TIME_ZONE).format(DATE_TIME_FORMAT);
}

/** Midnight (Asia/Shanghai) starting the calendar date a date picker shows, whatever the PC's zone. */
export function shanghaiDayStart(day: Dayjs): Dayjs {
  return dayjs.tz(day.format('YYYY-MM-DD'), TIME_ZONE);
}

export function setDayjsLanguage(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

export { dayjs };
