/**
 * How people name a duty-log entry: by its number in its shift — 第3条 — and,
 * for an entry of another shift, with that shift — 12-01 早班 第3条. The global id is internal: a
 * shift's entries numbered #12, #15, #16 read as if two had been deleted.
 */
import { DEFAULT_CENTER_PATTERN, DEFAULT_STATION_PATTERN } from './shift-templates';

export interface EntryRefLike {
  seq: number;
  shiftId: number;
  shiftDate: string;
  shiftCode: string;
}

/** The default patterns' names of a shift code (a unit's own pattern may name it otherwise). */
export function defaultShiftName(code: string, language: 'zh' | 'en' = 'zh'): string {
  const t = [...DEFAULT_CENTER_PATTERN.shifts, ...DEFAULT_STATION_PATTERN.shifts].find((s) => s.code === code);
  if (!t) return code;
  return language === 'zh' ? t.name : t.nameEn;
}

/** 第3条 / No. 3. */
export function entryNo(seq: number, language: 'zh' | 'en' = 'zh'): string {
  return language === 'zh' ? `第${seq}条` : `No. ${seq}`;
}

/**
 * An entry as named from a shift (`fromShiftId`): its number alone in the same shift, else with its
 * shift's date (MM-DD) and name.
 */
export function entryRefLabel(
  ref: EntryRefLike,
  fromShiftId: number | null,
  shiftName: (code: string) => string = (code) => defaultShiftName(code),
  language: 'zh' | 'en' = 'zh',
): string {
  const no = entryNo(ref.seq, language);
  if (ref.shiftId === fromShiftId) return no;
  return `${ref.shiftDate.slice(5)} ${shiftName(ref.shiftCode)} ${no}`;
}
