import { apiError } from '../../../common/contract';
import type { DutyShiftDto, RosterEntry } from '../../../common/contract/duty-roster';
import {
  CENTER_POSTS,
  DEFAULT_CENTER_PATTERN,
  DEFAULT_STATION_PATTERN,
  STATION_POSTS,
  postsFor,
  type Assignment,
  type RosterConflict,
  type RosterNaming,
  type ShiftInstance,
  type ShiftOrgKind,
  type ShiftPattern,
} from '../../../common/domain/duty';
import { MINUTE_MS, dayNumber } from '../../../common/domain/time';
import type { RosterRow } from './roster-repo';

/**
 * The years a roster may be read or written in, as the working calendar (2000–2100): a week of
 * 1970 begins in 1969, before the epoch every shift time is counted from.
 */
export const FIRST_ROSTER_YEAR = 2000;
export const LAST_ROSTER_YEAR = 2100;

/** A check-in is accepted this long before the shift starts. */
export const CHECKIN_EARLY_MS = 30 * MINUTE_MS;
/** Check-out stays possible this long after the shift's end (the handover may run over). */
export const CHECKOUT_GRACE_MS = 2 * 3_600_000;

/** The day number of a roster date, or E_INVALID on `field`. */
export function rosterDay(date: string, field: string): number {
  const day = dayNumber(date);
  const year = Number(date.slice(0, 4));
  if (day === null || year < FIRST_ROSTER_YEAR || year > LAST_ROSTER_YEAR) {
    throw apiError(
      'E_INVALID',
      `日期 ${date} 无效（排班日期须在 ${FIRST_ROSTER_YEAR}–${LAST_ROSTER_YEAR} 年之间）`,
      `${date} is not a date from ${FIRST_ROSTER_YEAR} to ${LAST_ROSTER_YEAR}`,
      { field },
    );
  }
  return day;
}

/** An assignment placed on its shift instance (times from the unit's pattern). */
export interface Placed {
  row: RosterRow;
  shift: ShiftInstance;
}

/** Check-in is open from 30 minutes before the shift until its end. */
export function inCheckInWindow(p: Placed, at: number): boolean {
  return p.shift.startsAt - CHECKIN_EARLY_MS <= at && at < p.shift.endsAt;
}

/** The first of the user's placed assignments (time order) that check-in acts on at `at`. */
export function checkInTarget(placed: readonly Placed[], at: number): Placed | undefined {
  return placed.find((p) => inCheckInWindow(p, at) && p.row.checkedInAt === null);
}

/** The checked-in, not checked-out assignment that check-out acts on: the handover may run 2 hours over. */
export function checkOutTarget(placed: readonly Placed[], at: number): Placed | undefined {
  return placed.find(
    (p) =>
      p.shift.startsAt - CHECKIN_EARLY_MS <= at &&
      at < p.shift.endsAt + CHECKOUT_GRACE_MS &&
      p.row.checkedInAt !== null &&
      p.row.checkedOutAt === null,
  );
}

export function entry(row: RosterRow): RosterEntry {
  return { ...row };
}

export function asAssignment(p: Placed): Assignment {
  return {
    personId: p.row.userId,
    personName: p.row.userName,
    postCode: p.row.postCode,
    shift: p.shift,
    orgUnitId: p.row.orgUnitId,
  };
}

export function shiftDto(pattern: ShiftPattern, s: ShiftInstance): DutyShiftDto {
  const t = pattern.shifts.find((x) => x.code === s.code);
  return {
    date: s.date,
    code: s.code,
    name: t?.name ?? s.code,
    nameEn: t?.nameEn ?? s.code,
    kind: t?.kind ?? 'duty',
    startsAt: s.startsAt,
    endsAt: s.endsAt,
  };
}

/** The names conflict messages use: the unit's own first, then every default post and shift. */
export function naming(kind: ShiftOrgKind, pattern: ShiftPattern): RosterNaming {
  return {
    posts: [...postsFor(kind), ...CENTER_POSTS, ...STATION_POSTS],
    shifts: [...pattern.shifts, ...DEFAULT_CENTER_PATTERN.shifts, ...DEFAULT_STATION_PATTERN.shifts],
  };
}

export function conflictDetails(conflicts: readonly RosterConflict[]) {
  return {
    conflicts: conflicts.map((c) => ({
      kind: c.kind,
      userId: c.proposed.personId,
      date: c.proposed.shift.date,
      shiftCode: c.proposed.shift.code,
      postCode: c.proposed.postCode,
      with: {
        orgUnitId: c.with.orgUnitId ?? null,
        userId: c.with.personId,
        date: c.with.shift.date,
        shiftCode: c.with.shift.code,
        postCode: c.with.postCode,
      },
      message: c.message,
    })),
  };
}
