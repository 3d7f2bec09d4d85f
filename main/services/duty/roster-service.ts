import { apiError, type OrgUnit } from '../../../common/contract';
import type {
  DutyCheckin,
  DutyPatternDto,
  OnDuty,
  RosterEntry,
  RosterMonth,
  RosterPerson,
  RosterShiftDto,
  RosterWeek,
  ShiftTemplateDto,
} from '../../../common/contract/duty-roster';
import {
  CHIEF_POST,
  MISSING_CHECKIN_AFTER_MS,
  copyWeekForward,
  findConflicts,
  mondayOf,
  monthView,
  postsFor,
  shiftInstances,
  weekView,
  type Assignment,
  type CalendarDay,
  type ShiftPattern,
} from '../../../common/domain/duty';
import { MAX_COPY_WEEKS } from '../../../common/domain/duty/shift-calendar';
import { dateOfDay } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import type { OrgRepo } from '../org/org-repo';
import { RosterCheckins, type MissingCheckIn } from './roster-checkins';
import { RosterPatterns, type RosterUnit } from './roster-patterns';
import type { DutyStore } from './duty-store';
import type { RosterRepo, RosterRow, ShiftKey } from './roster-repo';
import {
  FIRST_ROSTER_YEAR,
  LAST_ROSTER_YEAR,
  asAssignment,
  conflictDetails,
  entry,
  naming,
  rosterDay,
  shiftDto,
} from './roster-rules';

export { CHECKIN_EARLY_MS, CHECKOUT_GRACE_MS } from './roster-rules';
export type { MissingCheckIn } from './roster-checkins';
// Shared with the renderer, which marks the same people late and names the same chief in the status bar.
export { CHIEF_POST, MISSING_CHECKIN_AFTER_MS };

export interface AssignInput {
  date: string;
  shiftCode: string;
  postCode: string;
  userId: number;
}

/**
 * Shift patterns, the roster and check-in of the center and the joint-duty stations (* items 1–2). Shifts are (org unit, start date, shift code); their times come from the unit's
 * pattern, so a cross-midnight standby dated 3 Feb runs 22:00 3 Feb – 06:00 4 Feb. Patterns live in
 * RosterPatterns, check-in in RosterCheckins, the SQL in RosterRepo; people come from UsersRepo.
 */
export class RosterService {
  private readonly repo: RosterRepo;
  private readonly users: DutyStore['users'];
  private readonly patterns: RosterPatterns;
  private readonly checkins: RosterCheckins;

  constructor(
    store: Pick<DutyStore, 'roster' | 'users'>,
    org: OrgRepo,
    private readonly clock: Clock,
  ) {
    this.repo = store.roster;
    this.users = store.users;
    this.patterns = new RosterPatterns(this.repo, org, clock);
    this.checkins = new RosterCheckins(this.repo, this.patterns);
  }

  // ── patterns ────────────────────────────────────────────────────────────────────────────────

  /** The unit (center or station) whose roster it is; E_NOT_FOUND / E_INVALID otherwise. */
  rosterUnit(orgUnitId: string): RosterUnit {
    return this.patterns.rosterUnit(orgUnitId);
  }

  pattern(orgUnitId: string): DutyPatternDto {
    return this.patterns.pattern(orgUnitId);
  }

  /** See RosterPatterns.setPattern: E_INVALID for a bad pattern, E_CONFLICT for removing a rostered shift. */
  setPattern(orgUnitId: string, shifts: readonly ShiftTemplateDto[]): DutyPatternDto {
    return this.patterns.setPattern(orgUnitId, shifts);
  }

  // ── reading the roster ──────────────────────────────────────────────────────────────────────

  private withAssignments(
    unit: RosterUnit,
    pattern: ShiftPattern,
    days: readonly CalendarDay[],
  ): (day: CalendarDay) => { date: string; weekday: number; shifts: RosterShiftDto[] } {
    const first = days[0];
    const last = days[days.length - 1];
    const rows = first && last ? this.repo.ofUnit(unit.id, first.date, last.date) : [];
    const order = new Map(postsFor(unit.kind).map((p, i) => [p.code, i]));
    const bySlot = new Map<string, RosterRow[]>();
    for (const r of rows) {
      const key = `${r.date}|${r.shiftCode}`;
      const list = bySlot.get(key);
      if (list) list.push(r);
      else bySlot.set(key, [r]);
    }
    const rank = (r: RosterRow) => order.get(r.postCode) ?? order.size;
    return (day) => ({
      date: day.date,
      weekday: day.weekday,
      shifts: day.shifts.map((s) => ({
        ...shiftDto(pattern, s),
        assignments: (bySlot.get(`${s.date}|${s.code}`) ?? [])
          .sort((a, b) => rank(a) - rank(b) || a.userName.localeCompare(b.userName, 'zh-CN'))
          .map(entry),
      })),
    });
  }

  /** The Monday–Sunday week containing `date`, each shift with the people rostered on it. */
  week(orgUnitId: string, date: string): RosterWeek {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patterns.patternOf(unit);
    rosterDay(date, 'date');
    const view = weekView(pattern, date);
    const fill = this.withAssignments(unit, pattern, view.days);
    return { orgUnitId: unit.id, monday: view.monday, days: view.days.map(fill) };
  }

  /** A month as whole Monday–Sunday weeks, each shift with the people rostered on it. */
  month(orgUnitId: string, year: number, month: number): RosterMonth {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patterns.patternOf(unit);
    if (year < FIRST_ROSTER_YEAR || year > LAST_ROSTER_YEAR) {
      throw apiError(
        'E_INVALID',
        `年份须在 ${FIRST_ROSTER_YEAR}–${LAST_ROSTER_YEAR} 之间`,
        `The year must be from ${FIRST_ROSTER_YEAR} to ${LAST_ROSTER_YEAR}`,
        { field: 'year' },
      );
    }
    let view;
    try {
      view = monthView(pattern, year, month);
    } catch {
      throw apiError('E_INVALID', `月份 ${year}-${month} 无效`, `${year}-${month} is not a month`);
    }
    const fill = this.withAssignments(unit, pattern, view.weeks.flat());
    return {
      orgUnitId: unit.id,
      year,
      month,
      weeks: view.weeks.map((w) => w.map((d) => ({ ...fill(d), inMonth: d.inMonth }))),
    };
  }

  /**
   * The enabled users of a unit, the only people `assign` accepts there: what a roster editor
   * chooses from. Sorted by name (Chinese collation) so a long list is scannable.
   */
  people(orgUnitId: string): RosterPerson[] {
    const unit = this.rosterUnit(orgUnitId);
    return this.users
      .enabledIn(unit.id)
      .map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || a.id - b.id);
  }

  /** One assignment, or undefined. */
  assignment(id: number): RosterEntry | undefined {
    const row = this.repo.byId(id);
    return row && entry(row);
  }

  /** Who is rostered on a shift, on which post, with their check-in and check-out times. */
  ofShift(key: ShiftKey): RosterRow[] {
    return this.repo.ofShift(key);
  }

  // ── editing the roster ──────────────────────────────────────────────────────────────────────

  /** Assignments that could collide with shifts on the dates fromDay … toDay of these people or this unit. */
  private nearby(orgUnitId: string, userIds: readonly number[], fromDay: number, toDay: number): Assignment[] {
    // Shifts last at most 24 h, so a day either side is enough to find every overlap.
    const rows = this.repo.ofUnitOrPeople(orgUnitId, userIds, dateOfDay(fromDay - 1), dateOfDay(toDay + 1));
    return this.patterns.place(rows).map(asAssignment);
  }

  private userProblem(userId: number, unit: OrgUnit): { name: string; problem: string | null; problemEn: string } {
    const user = this.users.byId(userId);
    // A user of another unit answers like one that does not exist: no name, no hint where they work.
    if (!user || user.orgUnitId !== unit.id) {
      return {
        name: `#${userId}`,
        problem: `用户 #${userId} 不是${unit.name}的人员`,
        problemEn: `User #${userId} is not a member of ${unit.name}`,
      };
    }
    if (user.disabled) {
      return {
        name: user.displayName,
        problem: `${user.displayName} 已停用`,
        problemEn: `${user.displayName} is disabled`,
      };
    }
    return { name: user.displayName, problem: null, problemEn: '' };
  }

  private insert(orgUnitId: string, a: Assignment, createdBy: number | null): number {
    return this.repo.insert({
      orgUnitId,
      date: a.shift.date,
      shiftCode: a.shift.code,
      postCode: a.postCode,
      userId: a.personId,
      userName: a.personName,
      createdBy,
      createdAt: this.clock(),
    });
  }

  /**
   * Puts a person on a post in a shift. The person must be an enabled user of the unit, the post
   * one of the unit's posts; conflicts (`findConflicts`) are E_CONFLICT with the conflict's message.
   */
  assign(orgUnitId: string, input: AssignInput, createdBy: number | null = null): RosterEntry {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patterns.patternOf(unit);
    const day = rosterDay(input.date, 'date');
    const shift = shiftInstances(pattern, input.date, input.date).find((s) => s.code === input.shiftCode);
    if (!shift) {
      throw apiError(
        'E_INVALID',
        `${unit.name} 没有班次 ${input.shiftCode}`,
        `${unit.name} has no shift ${input.shiftCode}`,
        { field: 'shiftCode' },
      );
    }
    if (!postsFor(unit.kind).some((p) => p.code === input.postCode)) {
      throw apiError(
        'E_INVALID',
        `${unit.name} 没有岗位 ${input.postCode}`,
        `${unit.name} has no post ${input.postCode}`,
        {
          field: 'postCode',
        },
      );
    }
    const who = this.userProblem(input.userId, unit);
    if (who.problem !== null) throw apiError('E_INVALID', who.problem, who.problemEn, { field: 'userId' });

    const proposed: Assignment = {
      personId: input.userId,
      personName: who.name,
      postCode: input.postCode,
      shift,
      orgUnitId: unit.id,
    };
    const conflicts = findConflicts(
      this.nearby(unit.id, [input.userId], day, day),
      [proposed],
      naming(unit.kind, pattern),
    );
    const first = conflicts[0];
    if (first) throw apiError('E_CONFLICT', first.message.zh, first.message.en, conflictDetails(conflicts));
    const id = this.insert(unit.id, proposed, createdBy);
    const saved = this.assignment(id);
    if (!saved) throw new Error(`assignment ${id} vanished`);
    return saved;
  }

  /** Takes a person off a post. An assignment already checked in is history and stays (E_CONFLICT). */
  unassign(id: number): RosterEntry {
    const found = this.assignment(id);
    if (!found) throw apiError('E_NOT_FOUND', `排班 #${id} 不存在`, `No roster assignment #${id}`);
    if (found.checkedInAt !== null) {
      throw apiError(
        'E_CONFLICT',
        `${found.userName} 已签到，不能撤销该排班`,
        `${found.userName} has checked in; the assignment cannot be removed`,
      );
    }
    this.repo.delete(id);
    return found;
  }

  /**
   * Copies the week starting `fromMonday` to each of the next `weeks` weeks, all or nothing: any
   * conflict, or a person no longer an enabled user of the unit, rejects the whole copy (E_CONFLICT,
   * every problem in `details`). Returns how many assignments were created.
   */
  copyWeek(orgUnitId: string, fromMonday: string, weeks: number, createdBy: number | null = null): { created: number } {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patterns.patternOf(unit);
    const monday = rosterDay(fromMonday, 'fromMonday');
    if (mondayOf(fromMonday) !== fromMonday) {
      throw apiError('E_INVALID', `${fromMonday} 不是星期一`, `${fromMonday} is not a Monday`, { field: 'fromMonday' });
    }
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_COPY_WEEKS) {
      throw apiError('E_INVALID', `周数须为 1–${MAX_COPY_WEEKS}`, `Weeks must be 1–${MAX_COPY_WEEKS}`, {
        field: 'weeks',
      });
    }
    const source = this.patterns.place(this.repo.ofUnit(unit.id, fromMonday, dateOfDay(monday + 6))).map(asAssignment);
    if (source.length === 0) return { created: 0 };

    const userIds = [...new Set(source.map((a) => a.personId))];
    const unfit = userIds.map((id) => ({ id, ...this.userProblem(id, unit) })).filter((u) => u.problem !== null);
    if (unfit.length > 0) {
      throw apiError(
        'E_CONFLICT',
        `复制排班失败，未复制任何排班：${unfit.map((u) => u.problem).join('；')}`,
        `Nothing was copied: ${unfit.map((u) => u.problemEn).join('; ')}`,
        { users: unfit.map((u) => ({ userId: u.id, message: { zh: u.problem, en: u.problemEn } })) },
      );
    }

    const copies = copyWeekForward(source, fromMonday, weeks);
    const existing = this.nearby(unit.id, userIds, monday + 7, monday + 7 * weeks + 6);
    const conflicts = findConflicts(existing, copies, naming(unit.kind, pattern));
    const first = conflicts[0];
    if (first) {
      throw apiError(
        'E_CONFLICT',
        `复制排班失败，未复制任何排班：共 ${conflicts.length} 处冲突。${first.message.zh}`,
        `Nothing was copied: ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}. ${first.message.en}`,
        conflictDetails(conflicts),
      );
    }
    this.repo.transaction(() => {
      for (const c of copies) this.insert(unit.id, c, createdBy);
    });
    return { created: copies.length };
  }

  // ── on duty (RosterCheckins) ────────────────────────────────────────────────────────────────

  /** Who is on the unit's shift covering `at`, and what check-in/check-out would act on for `userId`. */
  onDuty(orgUnitId: string, at: number, userId?: number): OnDuty {
    return this.checkins.onDuty(orgUnitId, at, userId);
  }

  /** Checks the user in for their shift covering `at` or starting within 30 minutes (else E_CONFLICT). */
  checkIn(userId: number, at: number): DutyCheckin {
    return this.checkins.checkIn(userId, at);
  }

  /** Checks the user out of their checked-in shift (up to 2 hours after its end; else E_CONFLICT). */
  checkOut(userId: number, at: number): DutyCheckin {
    return this.checkins.checkOut(userId, at);
  }

  /** Missed check-ins not reported before, each recorded so it is reported once. */
  missingCheckIns(at: number): MissingCheckIn[] {
    return this.checkins.missingCheckIns(at);
  }
}
