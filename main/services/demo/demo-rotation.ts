import {
  DEFAULT_CENTER_PATTERN,
  DEFAULT_STATION_PATTERN,
  shiftAt,
  type ShiftInstance,
  type ShiftOrgKind,
} from '../../../common/domain/duty';
import { dayNumber } from '../../../common/domain/time';
import type { DemoPerson, TeamKey } from './demo-staff';

/**
 * Who works when in the demo center: four teams turn through the unit's three shifts and a rest day
 * (one step a day), so every shift is staffed and nobody works two shifts in a row. On the install
 * date team A (the sign-in accounts) has the day shift and team B (chief2) the next one, so the demo
 * accounts are on duty during the day and a handover from chief to chief2 can be shown.
 */
const SHIFT_ORDER: Record<ShiftOrgKind, readonly string[]> = {
  center: ['night', 'early', 'middle'],
  station: ['early', 'late', 'night_standby'],
};

/** Position of each team on the install date: A on the day shift, B on the next, D on the night, C resting. */
const ON_ANCHOR: Record<ShiftOrgKind, Record<TeamKey, number>> = {
  center: { A: 1, B: 2, C: 3, D: 0 },
  station: { A: 0, B: 1, C: 3, D: 2 },
};

export const DEMO_PATTERNS = { center: DEFAULT_CENTER_PATTERN, station: DEFAULT_STATION_PATTERN } as const;

function day(date: string): number {
  const d = dayNumber(date);
  if (d === null) throw new RangeError(`not a date: ${date}`);
  return d;
}

/** The shift code the team works on `date` (null: its rest day). */
export function teamShift(kind: ShiftOrgKind, team: TeamKey, date: string, anchorDate: string): string | null {
  const pos = (((day(date) - day(anchorDate) + ON_ANCHOR[kind][team]) % 4) + 4) % 4;
  return SHIFT_ORDER[kind][pos] ?? null;
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  return ((((day(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The posts a person holds on the unit's shift `code` of `date`: their team's post when the team
 * works it; the station head on weekday early shifts, the deputy on late shifts Monday–Saturday.
 */
export function worksShift(p: DemoPerson, kind: ShiftOrgKind, date: string, code: string, anchorDate: string): boolean {
  if (p.team !== null) return teamShift(kind, p.team, date, anchorDate) === code;
  if (p.postCode === 'station_head') return code === 'early' && weekday(date) <= 5;
  if (p.postCode === 'deputy_head') return code === 'late' && weekday(date) <= 6;
  return false;
}

/** The unit's shift covering `at` on the default pattern, and who of `people` works it in `post`. */
export function onDutyAt(
  people: readonly DemoPerson[],
  unitId: string,
  kind: ShiftOrgKind,
  post: string,
  at: number,
  anchorDate: string,
): { shift: ShiftInstance | null; person: DemoPerson | undefined } {
  const shift = shiftAt(DEMO_PATTERNS[kind], at);
  if (!shift) return { shift, person: undefined };
  const person = people.find(
    (p) => p.orgUnitId === unitId && p.postCode === post && worksShift(p, kind, shift.date, shift.code, anchorDate),
  );
  return { shift, person };
}
