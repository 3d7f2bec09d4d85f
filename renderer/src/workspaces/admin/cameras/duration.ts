import type { TFunction } from 'i18next';

/** Viewing time as hours and minutes (seconds do not matter for supervision); under an hour as minutes only. */
export function formatDuration(t: TFunction, ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('cameras.views.hm', { h, m }) : t('cameras.views.m', { m });
}
