/**
 * Words of Latin letters only, outside an allow-list of names the Chinese console writes as they are
 * ("no English in the Chinese UI"). Digits, codes like HQ20261202-0001 and hex
 * fragments do not count: a word here is a run of letters standing alone.
 */
export const LATIN_ALLOWED = [
  'DEMO',
  'CSV',
  'Excel',
  'XLSX',
  'PDF',
  'API',
  'IP',
  'ID',
  'URL',
  'HLS',
  'RTSP',
  'WebRTC',
  'JSON',
  'Open311',
  'H',
  'A4',
  'SMS',
  'GB',
  'KB',
  'MB',
  // a backup's file name (cityops-20261203-030000.sqlite) is shown as it is
  'sqlite',
];

export function latinWords(text: string, allowed: readonly string[] = LATIN_ALLOWED): string[] {
  const ok = new Set(allowed.map((w) => w.toLowerCase()));
  const words = text.match(/(?<![\p{L}\p{N}_-])[A-Za-z]{2,}(?![\p{L}\p{N}_-])/gu) ?? [];
  return [...new Set(words.filter((w) => !ok.has(w.toLowerCase())))];
}
