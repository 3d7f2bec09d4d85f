/**
 * Shift templates (班次模板) and duty posts (岗位) of the duty ledger (docs/domain.md#shifts-and-the-duty-ledger). A pattern is the list of shifts an org unit runs every day of the week; it is data
 * (seeded with the defaults below, editable per org unit) and is checked by `validatePattern`.
 *
 * Times are Asia/Shanghai wall-clock 'HH:mm'. A shift whose `end` is not after its `start` ends on
 * the next day (22:00–06:00); `end` may also be '24:00' (midnight at the end of the start day), and
 * `end` = `start` is a 24-hour shift. Pure: no clock, no time zone of the machine.
 */

/** Display text in both console languages. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export type ShiftKind = 'duty' | 'standby';

export interface ShiftTemplate {
  /** Stable code, e.g. 'early'; unique within a pattern. */
  readonly code: string;
  /** Chinese name, e.g. 早班. */
  readonly name: string;
  readonly nameEn: string;
  /** 'HH:mm', 00:00–23:59. */
  readonly start: string;
  /** 'HH:mm', 00:00–24:00; `end` ≤ `start` means it ends the next day. */
  readonly end: string;
  /** 'duty' = on post (值班); 'standby' = 夜间值班备勤, reachable and called out when needed. */
  readonly kind: ShiftKind;
}

export type ShiftOrgKind = 'center' | 'station';

export interface ShiftPattern {
  readonly orgKind: ShiftOrgKind;
  readonly shifts: readonly ShiftTemplate[];
}

/**
 * The center runs 7×24 in three 8-hour shifts. Boundaries 08:00 / 16:00 / 00:00 — the common
 * 三班倒 (8–16, 16–24, 0–8) — because:
 * - every shift lies within one calendar day, so "the shifts of 3 Feb" are exactly the day's duty
 *   logs and per-day statistics and reports line up with shifts without splitting any;
 * - the 08:00 handover brings the overnight summary to the day chief at the start of the office
 *   day, when the departments that receive dispatched work come on line.
 * The 中班 is written 16:00–24:00 as duty rosters write it; '24:00' is midnight at the end of the day.
 * Editable: a center preferring 07/15/23 boundaries (night crossing midnight) just changes the data.
 */
export const DEFAULT_CENTER_PATTERN: ShiftPattern = {
  orgKind: 'center',
  shifts: [
    { code: 'night', name: '夜班', nameEn: 'Night', start: '00:00', end: '08:00', kind: 'duty' },
    { code: 'early', name: '早班', nameEn: 'Early', start: '08:00', end: '16:00', kind: 'duty' },
    { code: 'middle', name: '中班', nameEn: 'Middle', start: '16:00', end: '24:00', kind: 'duty' },
  ],
};

/** Joint-duty stations: 06:00–22:00 in two shifts, then night standby 22:00–06:00 (夜间值班备勤). */
export const DEFAULT_STATION_PATTERN: ShiftPattern = {
  orgKind: 'station',
  shifts: [
    { code: 'early', name: '早班', nameEn: 'Early', start: '06:00', end: '14:00', kind: 'duty' },
    { code: 'late', name: '晚班', nameEn: 'Late', start: '14:00', end: '22:00', kind: 'duty' },
    { code: 'night_standby', name: '夜间备勤', nameEn: 'Night standby', start: '22:00', end: '06:00', kind: 'standby' },
  ],
};

export function defaultPattern(orgKind: ShiftOrgKind): ShiftPattern {
  return orgKind === 'center' ? DEFAULT_CENTER_PATTERN : DEFAULT_STATION_PATTERN;
}

/** A post (岗位) people are rostered on. `seats` = how many people hold it in one shift. */
export interface DutyPost {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly seats: number;
}

/** The center's 7×24 posts; a 平台值班长 on every shift. */
export const CENTER_POSTS: readonly DutyPost[] = [
  { code: 'duty_chief', name: '平台值班长', nameEn: 'Duty chief', seats: 1 },
  { code: 'grid_officer', name: '网格信息员', nameEn: 'Grid officer', seats: 1 },
  { code: 'hotline_officer', name: '热线信息员', nameEn: 'Hotline officer', seats: 1 },
  { code: 'video_monitor', name: '视频监控员', nameEn: 'Video monitor', seats: 1 },
];

/** Joint-duty station posts (docs/domain.md#shifts-and-the-duty-ledger: 站长, 副站长, 值班长, 2 平台信息员, 联勤队长). */
export const STATION_POSTS: readonly DutyPost[] = [
  { code: 'station_head', name: '站长', nameEn: 'Station head', seats: 1 },
  { code: 'deputy_head', name: '副站长', nameEn: 'Deputy head', seats: 1 },
  { code: 'station_duty_chief', name: '值班长', nameEn: 'Station duty chief', seats: 1 },
  { code: 'station_info_officer', name: '平台信息员', nameEn: 'Platform officer', seats: 2 },
  { code: 'patrol_leader', name: '联勤队长', nameEn: 'Patrol leader', seats: 1 },
];

export function postsFor(orgKind: ShiftOrgKind): readonly DutyPost[] {
  return orgKind === 'center' ? CENTER_POSTS : STATION_POSTS;
}

const DAY_MIN = 1440;
const START_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a start time 'HH:mm' (00:00–23:59), or null. */
export function parseStartTime(hhmm: string): number | null {
  const m = START_RE.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Minutes after midnight of an end time 'HH:mm' (00:00–24:00), or null. */
export function parseEndTime(hhmm: string): number | null {
  return hhmm === '24:00' ? DAY_MIN : parseStartTime(hhmm);
}

/**
 * Where a template lies relative to midnight of the day it starts: `[startMin, endMin)` with
 * 0 ≤ startMin < 1440 and startMin < endMin ≤ startMin + 1440 (endMin > 1440: ends the next day).
 * Null when a time is malformed.
 */
export function shiftSpan(template: Pick<ShiftTemplate, 'start' | 'end'>): { startMin: number; endMin: number } | null {
  const s = parseStartTime(template.start);
  const e = parseEndTime(template.end);
  if (s === null || e === null) return null;
  return { startMin: s, endMin: e > s ? e : e + DAY_MIN };
}

/** Whether the shift ends after midnight on the next day (ending exactly at 24:00 does not cross). */
export function crossesMidnight(template: Pick<ShiftTemplate, 'start' | 'end'>): boolean {
  const span = shiftSpan(template);
  return span !== null && span.endMin > DAY_MIN;
}

export type PatternProblemKind =
  'no_shifts' | 'bad_code' | 'duplicate_code' | 'bad_name' | 'bad_time' | 'overlap' | 'gap';

export interface PatternProblem {
  readonly kind: PatternProblemKind;
  /** Codes of the shifts concerned (none for `no_shifts` and `gap`). */
  readonly codes: readonly string[];
  readonly message: LocalizedText;
}

const CODE_RE = /^[a-z][a-z0-9_]{0,31}$/;

function clock(min: number): string {
  const m = ((min % DAY_MIN) + DAY_MIN) % DAY_MIN;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Pieces of [start, end) folded onto one day [0, 1440). */
function foldOntoDay(startMin: number, endMin: number): [number, number][] {
  if (endMin <= DAY_MIN) return [[startMin, endMin]];
  return [
    [startMin, DAY_MIN],
    [0, endMin - DAY_MIN],
  ];
}

type Span = { t: ShiftTemplate; startMin: number; endMin: number };

/** Each template's own problems (code, name, times), and the spans of those whose times are valid. */
function templateProblems(shifts: readonly ShiftTemplate[]): { problems: PatternProblem[]; spans: Span[] } {
  const problems: PatternProblem[] = [];
  const seen = new Set<string>();
  const spans: Span[] = [];
  for (const t of shifts) {
    if (!CODE_RE.test(t.code)) {
      problems.push({
        kind: 'bad_code',
        codes: [t.code],
        message: {
          zh: `班次代码"${t.code}"无效（小写字母开头，仅含小写字母、数字和下划线）`,
          en: `Shift code "${t.code}" is invalid (a lower-case letter, then lower-case letters, digits or _)`,
        },
      });
    } else if (seen.has(t.code)) {
      problems.push({
        kind: 'duplicate_code',
        codes: [t.code],
        message: { zh: `班次代码"${t.code}"重复`, en: `Shift code "${t.code}" is used twice` },
      });
    }
    seen.add(t.code);
    if (t.name.trim() === '' || t.nameEn.trim() === '') {
      problems.push({
        kind: 'bad_name',
        codes: [t.code],
        message: {
          zh: `班次"${t.code}"缺少中文或英文名称`,
          en: `Shift "${t.code}" needs a Chinese and an English name`,
        },
      });
    }
    const span = shiftSpan(t);
    if (span === null) {
      problems.push({
        kind: 'bad_time',
        codes: [t.code],
        message: {
          zh: `班次"${t.name}"的时间"${t.start}–${t.end}"无效（开始 00:00–23:59，结束 00:00–24:00）`,
          en: `Shift "${t.nameEn}" has invalid times "${t.start}–${t.end}" (start 00:00–23:59, end 00:00–24:00)`,
        },
      });
    } else {
      spans.push({ t, ...span });
    }
  }
  return { problems, spans };
}

/** Every two shifts whose times meet on some day (patterns repeat daily). */
function overlapProblems(spans: readonly Span[]): PatternProblem[] {
  const problems: PatternProblem[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i];
      const b = spans[j];
      if (a === undefined || b === undefined) continue;
      const overlap = foldOntoDay(a.startMin, a.endMin).some(([as, ae]) =>
        foldOntoDay(b.startMin, b.endMin).some(([bs, be]) => as < be && bs < ae),
      );
      if (overlap) {
        problems.push({
          kind: 'overlap',
          codes: [a.t.code, b.t.code],
          message: {
            zh: `班次"${a.t.name}"（${a.t.start}–${a.t.end}）与"${b.t.name}"（${b.t.start}–${b.t.end}）时间重叠`,
            en: `Shifts "${a.t.nameEn}" (${a.t.start}–${a.t.end}) and "${b.t.nameEn}" (${b.t.start}–${b.t.end}) overlap`,
          },
        });
      }
    }
  }
  return problems;
}

/** The times of day no 'duty' shift covers (standby does not count), a gap across midnight as one. */
function coverageGaps(spans: readonly Span[]): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const covered = spans
    .filter((s) => s.t.kind === 'duty')
    .flatMap((s) => foldOntoDay(s.startMin, s.endMin))
    .sort((x, y) => x[0] - y[0]);
  const gaps: [number, number][] = [];
  let reach = 0;
  for (const [s, e] of covered) {
    if (s > reach) gaps.push([reach, s]);
    reach = Math.max(reach, e);
  }
  if (reach < DAY_MIN) gaps.push([reach, DAY_MIN]);
  // A gap running up to midnight and one starting at midnight are one gap across midnight.
  const first = gaps[0];
  const last = gaps[gaps.length - 1];
  if (gaps.length > 1 && first !== undefined && last !== undefined && first[0] === 0 && last[1] === DAY_MIN) {
    gaps.shift();
    gaps[gaps.length - 1] = [last[0], DAY_MIN + first[1]];
  }
  for (const [s, e] of gaps) {
    const range = `${clock(s)}–${e === DAY_MIN ? '24:00' : clock(e)}`;
    problems.push({
      kind: 'gap',
      codes: [],
      message: {
        zh: `中心须 7×24 小时值班，${range} 没有值班班次`,
        en: `The center is on duty 7×24, but no duty shift covers ${range}`,
      },
    });
  }
  return problems;
}

/**
 * Problems with a pattern, empty when it is usable: shift codes (present, well-formed, unique),
 * names, times, shifts overlapping (patterns repeat daily, so a night shift 22:00–06:00 also meets
 * the next morning's shifts), and — for the center, which is on duty 7×24 — gaps not covered by a
 * 'duty' shift (standby does not count as being on duty).
 */
export function validatePattern(pattern: ShiftPattern): PatternProblem[] {
  if (pattern.shifts.length === 0) {
    return [
      {
        kind: 'no_shifts',
        codes: [],
        message: { zh: '班次模板中没有班次', en: 'The pattern has no shifts' },
      },
    ];
  }
  const { problems, spans } = templateProblems(pattern.shifts);
  problems.push(...overlapProblems(spans));
  if (pattern.orgKind === 'center') problems.push(...coverageGaps(spans));
  return problems;
}
