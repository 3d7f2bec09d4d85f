import type { Language } from '../../../common/domain/org';

/** 'YYYY-MM-DD' → 2026年12月2日 / 2 Dec 2026; anything else unchanged. */
export function formatDay(date: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (language !== 'en') return `${y}年${Number(mo)}月${Number(d)}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(mo) - 1];
  return `${Number(d)} ${month ?? mo} ${y}`;
}
