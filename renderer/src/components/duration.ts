import type { TFunction } from 'i18next';

/** 1 500 minutes → "1 天 1 小时" / "1 d 1 h": limits are set in minutes but read in days and hours. */
export function durationText(minutes: number, t: TFunction): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (d > 0) parts.push(t('sla.days', { d }));
  if (h > 0) parts.push(t('sla.hours', { h }));
  if (m > 0 || parts.length === 0) parts.push(t('sla.minutes', { m }));
  return parts.join(' ');
}
