import {
  shiftInstances,
  type Assignment,
  type ShiftInstance,
  type ShiftPattern,
  type ShiftTemplate,
} from '../../common/domain/duty';

/** Test fixtures of the duty calendar and roster rules (duty-shift-calendar, duty-roster-rules, duty-roster). */
export const DAY_MS = 86_400_000;

/** An instant given as Shanghai wall-clock time, 'YYYY-MM-DD HH:mm'. */
export function sh(local: string): number {
  const ms = Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${local}`);
  return ms;
}

export function instance(pattern: ShiftPattern, date: string, code: string): ShiftInstance {
  const found = shiftInstances(pattern, date, date).find((s) => s.code === code);
  if (!found) throw new Error(`no ${code} on ${date}`);
  return found;
}

export function pattern(
  orgKind: 'center' | 'station',
  ...shifts: [code: string, start: string, end: string, kind?: 'duty' | 'standby'][]
): ShiftPattern {
  return {
    orgKind,
    shifts: shifts.map(([code, start, end, kind]): ShiftTemplate => ({
      code,
      name: code,
      nameEn: code,
      start,
      end,
      kind: kind ?? 'duty',
    })),
  };
}

/** The center with 07/15/23 boundaries: its night shift crosses midnight. */
export const CENTER_0715 = pattern(
  'center',
  ['early', '07:00', '15:00'],
  ['middle', '15:00', '23:00'],
  ['night', '23:00', '07:00'],
);

export function assign(
  personId: number,
  personName: string,
  postCode: string,
  shift: ShiftInstance,
  orgUnitId?: string,
): Assignment {
  return { personId, personName, postCode, shift, ...(orgUnitId === undefined ? {} : { orgUnitId }) };
}
