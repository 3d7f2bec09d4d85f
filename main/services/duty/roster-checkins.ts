import { apiError } from '../../../common/contract';
import type { DutyCheckin, OnDuty } from '../../../common/contract/duty-roster';
import { CHIEF_POST, checkInDueAt, postsFor, shiftAt } from '../../../common/domain/duty';
import { dateOfDay, shanghaiDay } from '../../../common/domain/time';
import type { RosterRepo, RosterRow } from './roster-repo';
import type { RosterPatterns } from './roster-patterns';
import { checkInTarget, checkOutTarget, entry, inCheckInWindow, shiftDto, type Placed } from './roster-rules';

/** A rostered person who has not checked in 10 minutes after the start of their shift. */
export type MissingCheckIn = Pick<
  RosterRow,
  'orgUnitId' | 'date' | 'shiftCode' | 'postCode' | 'userId' | 'userName'
> & {
  startsAt: number;
  /** The shift's chief to alert (null when no chief is rostered, or the chief is the one missing). */
  chief: { userId: number; userName: string } | null;
};

/** Who is on duty now, check-in and check-out, and the missed check-ins the hub alerts about. */
export class RosterCheckins {
  constructor(
    private readonly repo: RosterRepo,
    private readonly patterns: RosterPatterns,
  ) {}

  /**
   * The shift of the unit covering `at`, its chief, every post with who is on it and checked in, and
   * what check-in and check-out would act on for `userId` (none when no user is given).
   */
  onDuty(orgUnitId: string, at: number, userId?: number): OnDuty {
    const unit = this.patterns.rosterUnit(orgUnitId);
    const pattern = this.patterns.patternOf(unit);
    const shift = shiftAt(pattern, at);
    const rows = shift ? this.repo.ofShift({ orgUnitId: unit.id, date: shift.date, shiftCode: shift.code }) : [];
    const chief = rows.find((r) => r.postCode === CHIEF_POST[unit.kind]);
    return {
      orgUnitId: unit.id,
      shift: shift ? shiftDto(pattern, shift) : null,
      chief: chief ? entry(chief) : null,
      posts: postsFor(unit.kind).map((p) => ({
        ...p,
        people: rows
          .filter((r) => r.postCode === p.code)
          .sort((a, b) => a.userName.localeCompare(b.userName, 'zh-CN'))
          .map(entry),
      })),
      mine: userId === undefined ? { checkIn: null, checkOut: null } : this.mine(userId, at),
    };
  }

  private mine(userId: number, at: number): OnDuty['mine'] {
    const placed = this.userShifts(userId, at);
    const dto = (p: Placed | undefined) =>
      p
        ? {
            entry: entry(p.row),
            shift: shiftDto(this.patterns.patternOf(this.patterns.rosterUnit(p.row.orgUnitId)), p.shift),
          }
        : null;
    return { checkIn: dto(checkInTarget(placed, at)), checkOut: dto(checkOutTarget(placed, at)) };
  }

  /** The user's assignments on the days around `at`, placed on their shifts, in time order. */
  private userShifts(userId: number, at: number): Placed[] {
    const today = shanghaiDay(at);
    const rows = this.repo.ofUser(userId, dateOfDay(today - 1), dateOfDay(today + 1));
    return this.patterns.place(rows).sort((x, y) => x.shift.startsAt - y.shift.startsAt);
  }

  private checkin(id: number): DutyCheckin {
    const row = this.repo.checkin(id);
    if (!row) throw new Error(`check-in ${id} vanished`);
    return { ...row };
  }

  /**
   * Checks the user in for their assignment covering `at`, or starting within 30 minutes.
   * E_CONFLICT when there is none, or it is already checked in.
   */
  checkIn(userId: number, at: number): DutyCheckin {
    const placed = this.userShifts(userId, at);
    const open = checkInTarget(placed, at);
    if (!open) {
      if (placed.some((p) => inCheckInWindow(p, at))) {
        throw apiError('E_CONFLICT', '本班次已签到', 'You have already checked in for this shift');
      }
      throw apiError(
        'E_CONFLICT',
        '当前没有您的排班（可在班次开始前 30 分钟内签到）',
        'You are not rostered now (check-in opens 30 minutes before the shift)',
      );
    }
    const { row } = open;
    return this.checkin(this.repo.insertCheckin(userId, row, row.postCode, at));
  }

  /**
   * Checks the user out of their checked-in assignment covering `at` (or starting within 30
   * minutes, or ended less than 2 hours ago: the handover may run over). E_CONFLICT when none.
   */
  checkOut(userId: number, at: number): DutyCheckin {
    const open = checkOutTarget(this.userShifts(userId, at), at);
    if (!open) {
      throw apiError('E_CONFLICT', '当前没有已签到的班次，无需签退', 'You are not checked in to a current shift');
    }
    const found = this.repo.checkinOf(userId, open.row);
    if (!found) throw new Error('check-in row vanished');
    this.repo.setCheckedOut(found.id, Math.max(at, found.checkedInAt));
    return this.checkin(found.id);
  }

  /**
   * Rostered people without a check-in 10 minutes after their shift started — or after they were
   * rostered, if later (checkInDueAt) — the shift still running, not reported before. Records them,
   * so each is reported once.
   */
  missingCheckIns(at: number): MissingCheckIn[] {
    const today = shanghaiDay(at);
    const rows = this.repo.unreportedWithoutCheckin(dateOfDay(today - 1), dateOfDay(today));
    const due = this.patterns
      .place(rows)
      .filter((p) => checkInDueAt(p.shift.startsAt, p.row.rosteredAt) <= at && at < p.shift.endsAt);
    if (due.length === 0) return [];
    return this.repo.transaction(() =>
      due.map(({ row, shift }): MissingCheckIn => {
        this.repo.recordMissing(row, at);
        const kind = this.patterns.rosterUnit(row.orgUnitId).kind;
        const chief = this.repo.onPost(row, CHIEF_POST[kind]);
        return {
          orgUnitId: row.orgUnitId,
          date: row.date,
          shiftCode: row.shiftCode,
          postCode: row.postCode,
          userId: row.userId,
          userName: row.userName,
          startsAt: shift.startsAt,
          chief: chief && chief.userId !== row.userId ? chief : null,
        };
      }),
    );
  }
}
