import { apiError, type OrgUnit } from '../../../common/contract';
import type {
  DutyCheckin,
  DutyPatternDto,
  DutyShiftDto,
  OnDuty,
  RosterEntry,
  RosterMonth,
  RosterPerson,
  RosterShiftDto,
  RosterWeek,
  ShiftTemplateDto,
} from '../../../common/contract/duty-roster';
import {
  CENTER_POSTS,
  CHIEF_POST,
  checkInDueAt,
  DEFAULT_CENTER_PATTERN,
  MISSING_CHECKIN_AFTER_MS,
  DEFAULT_STATION_PATTERN,
  STATION_POSTS,
  copyWeekForward,
  defaultPattern,
  findConflicts,
  mondayOf,
  monthView,
  postsFor,
  shiftAt,
  shiftInstances,
  validatePattern,
  weekView,
  type Assignment,
  type CalendarDay,
  type RosterConflict,
  type RosterNaming,
  type ShiftInstance,
  type ShiftOrgKind,
  type ShiftPattern,
} from '../../../common/domain/duty';
import { MAX_COPY_WEEKS } from '../../../common/domain/duty/shift-calendar';
import type { Role } from '../../../common/domain/roles';
import { SHANGHAI_OFFSET_MS, dateOfDay, dayNumber } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { OrgRepo } from '../org/org-repo';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The years a roster may be read or written in, as the working calendar (2000–2100): a week of
 * 1970 begins in 1969, before the epoch every shift time is counted from.
 */
const FIRST_ROSTER_YEAR = 2000;
const LAST_ROSTER_YEAR = 2100;

/** The day number of a roster date, or E_INVALID on `field`. */
function rosterDay(date: string, field: string): number {
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

/** A check-in is accepted this long before the shift starts. */
export const CHECKIN_EARLY_MS = 30 * MINUTE_MS;
/** Check-out stays possible this long after the shift's end (the handover may run over). */
export const CHECKOUT_GRACE_MS = 2 * 3_600_000;
// Shared with the renderer, which marks the same people late and names the same chief in the status bar.
export { CHIEF_POST, MISSING_CHECKIN_AFTER_MS };

export interface AssignInput {
  date: string;
  shiftCode: string;
  postCode: string;
  userId: number;
}

/** A rostered person who has not checked in 10 minutes after the start of their shift. */
export interface MissingCheckIn {
  orgUnitId: string;
  date: string;
  shiftCode: string;
  postCode: string;
  userId: number;
  userName: string;
  startsAt: number;
  /** The shift's chief to alert (null when no chief is rostered, or the chief is the one missing). */
  chief: { userId: number; userName: string } | null;
}

interface EntryRow {
  id: number;
  orgUnitId: string;
  date: string;
  shiftCode: string;
  postCode: string;
  userId: number;
  userName: string;
  checkedInAt: number | null;
  checkedOutAt: number | null;
  rosteredAt: number;
}

interface CheckinRow {
  id: number;
  userId: number;
  orgUnitId: string;
  date: string;
  shiftCode: string;
  postCode: string;
  checkedInAt: number;
  checkedOutAt: number | null;
}

const SELECT_ENTRY = `
  SELECT a.id, a.org_unit_id AS orgUnitId, a.date, a.shift_code AS shiftCode, a.post_code AS postCode,
         a.user_id AS userId, a.user_name AS userName,
         c.checked_in_at AS checkedInAt, c.checked_out_at AS checkedOutAt, a.created_at AS rosteredAt
  FROM roster_assignments a
  LEFT JOIN duty_checkins c ON c.user_id = a.user_id AND c.org_unit_id = a.org_unit_id
                           AND c.date = a.date AND c.shift_code = a.shift_code`;

const SELECT_CHECKIN = `
  SELECT id, user_id AS userId, org_unit_id AS orgUnitId, date, shift_code AS shiftCode, post_code AS postCode,
         checked_in_at AS checkedInAt, checked_out_at AS checkedOutAt
  FROM duty_checkins`;

interface Placed {
  row: EntryRow;
  shift: ShiftInstance;
}

/** Check-in is open from 30 minutes before the shift until its end. */
function inCheckInWindow(p: Placed, at: number): boolean {
  return p.shift.startsAt - CHECKIN_EARLY_MS <= at && at < p.shift.endsAt;
}

/** The first of the user's placed assignments (time order) that check-in acts on at `at`. */
function checkInTarget(placed: readonly Placed[], at: number): Placed | undefined {
  return placed.find((p) => inCheckInWindow(p, at) && p.row.checkedInAt === null);
}

/** The checked-in, not checked-out assignment that check-out acts on: the handover may run 2 hours over. */
function checkOutTarget(placed: readonly Placed[], at: number): Placed | undefined {
  return placed.find(
    (p) =>
      p.shift.startsAt - CHECKIN_EARLY_MS <= at &&
      at < p.shift.endsAt + CHECKOUT_GRACE_MS &&
      p.row.checkedInAt !== null &&
      p.row.checkedOutAt === null,
  );
}

function dayOf(at: number): number {
  return Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function entry(row: EntryRow): RosterEntry {
  return { ...row };
}

function asAssignment(p: Placed): Assignment {
  return {
    personId: p.row.userId,
    personName: p.row.userName,
    postCode: p.row.postCode,
    shift: p.shift,
    orgUnitId: p.row.orgUnitId,
  };
}

function conflictDetails(conflicts: readonly RosterConflict[]) {
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

/**
 * Shift patterns, the roster and check-in of the center and the joint-duty stations (issue 4,
 * items 1–2). Shifts are (org unit, start date, shift code); their times come from the unit's
 * pattern, so a cross-midnight standby dated 3 Feb runs 22:00 3 Feb – 06:00 4 Feb.
 */
export class RosterService {
  constructor(
    private readonly db: Db,
    private readonly org: OrgRepo,
    private readonly clock: Clock,
  ) {}

  // ── patterns ────────────────────────────────────────────────────────────────────────────────

  /** The unit (center or station) whose roster it is; E_NOT_FOUND / E_INVALID otherwise. */
  rosterUnit(orgUnitId: string): OrgUnit & { kind: ShiftOrgKind } {
    const unit = this.org.unit(orgUnitId);
    if (!unit) throw apiError('E_NOT_FOUND', `组织单元 ${orgUnitId} 不存在`, `No org unit ${orgUnitId}`);
    if (unit.kind !== 'center' && unit.kind !== 'station') {
      throw apiError(
        'E_INVALID',
        `${unit.name} 不排班：只有城运中心和联勤站有班次`,
        `${unit.name} has no roster: only the center and the joint-duty stations run shifts`,
      );
    }
    return unit as OrgUnit & { kind: ShiftOrgKind };
  }

  private stored(orgUnitId: string): ShiftTemplateDto[] | null {
    const row = this.db.prepare('SELECT pattern FROM duty_patterns WHERE org_unit_id = ?').get(orgUnitId) as
      { pattern: string } | undefined;
    if (!row) return null;
    const parsed = JSON.parse(row.pattern) as { shifts: ShiftTemplateDto[] };
    return parsed.shifts;
  }

  private patternOf(unit: OrgUnit & { kind: ShiftOrgKind }): ShiftPattern {
    const shifts = this.stored(unit.id);
    return shifts ? { orgKind: unit.kind, shifts } : defaultPattern(unit.kind);
  }

  pattern(orgUnitId: string): DutyPatternDto {
    const unit = this.rosterUnit(orgUnitId);
    const stored = this.stored(unit.id);
    const shifts = stored ?? defaultPattern(unit.kind).shifts;
    return {
      orgUnitId: unit.id,
      orgKind: unit.kind,
      isDefault: stored === null,
      shifts: shifts.map((s) => ({ ...s })),
      posts: postsFor(unit.kind).map((p) => ({ ...p })),
    };
  }

  /**
   * Saves a unit's pattern after `validatePattern` (E_INVALID listing the problems). A shift that
   * still has people rostered today or later cannot be removed (E_CONFLICT): take them off first.
   */
  setPattern(orgUnitId: string, shifts: readonly ShiftTemplateDto[]): DutyPatternDto {
    const unit = this.rosterUnit(orgUnitId);
    const pattern: ShiftPattern = { orgKind: unit.kind, shifts };
    const problems = validatePattern(pattern);
    if (problems.length > 0) {
      throw apiError(
        'E_INVALID',
        `班次模板有误：${problems.map((p) => p.message.zh).join('；')}`,
        `The shift pattern is invalid: ${problems.map((p) => p.message.en).join('; ')}`,
        { problems: problems.map((p) => ({ kind: p.kind, codes: p.codes, message: p.message })) },
      );
    }
    const kept = new Set(shifts.map((s) => s.code));
    const today = dateOfDay(dayOf(this.clock()));
    const orphans = (
      this.db
        .prepare(
          `SELECT shift_code AS code, count(*) AS n FROM roster_assignments
           WHERE org_unit_id = ? AND date >= ? GROUP BY shift_code`,
        )
        .all(unit.id, today) as { code: string; n: number }[]
    ).filter((r) => !kept.has(r.code));
    if (orphans.length > 0) {
      const list = orphans.map((o) => `${o.code}（${o.n}）`).join('、');
      throw apiError(
        'E_CONFLICT',
        `班次 ${list} 今后仍有排班，请先调整排班再删除这些班次`,
        `Shifts ${orphans.map((o) => `${o.code} (${o.n})`).join(', ')} still have people rostered from today on; change the roster first`,
        { shiftCodes: orphans.map((o) => o.code) },
      );
    }
    this.db
      .prepare(
        `INSERT INTO duty_patterns (org_unit_id, pattern, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (org_unit_id) DO UPDATE SET pattern = excluded.pattern, updated_at = excluded.updated_at`,
      )
      .run(unit.id, JSON.stringify({ shifts }), this.clock());
    return this.pattern(unit.id);
  }

  // ── reading the roster ──────────────────────────────────────────────────────────────────────

  /**
   * Rows placed on their shift instance; rows whose shift code the pattern no longer has are left out.
   * Each unit's pattern is read, and each (unit, date)'s shifts expanded, once per call: the rows
   * of a week share a handful of them (seeding the demo roster placed the same day thousands of times).
   */
  private place(rows: readonly EntryRow[]): Placed[] {
    const patterns = new Map<string, ShiftPattern>();
    const days = new Map<string, Map<string, ShiftInstance>>();
    const shiftsOf = (orgUnitId: string, date: string): Map<string, ShiftInstance> => {
      const key = `${orgUnitId}|${date}`;
      let byCode = days.get(key);
      if (!byCode) {
        let pattern = patterns.get(orgUnitId);
        if (!pattern) {
          pattern = this.patternOf(this.rosterUnit(orgUnitId));
          patterns.set(orgUnitId, pattern);
        }
        byCode = new Map();
        // The first of a code wins, as find() did (a valid pattern has each code once).
        for (const s of shiftInstances(pattern, date, date)) if (!byCode.has(s.code)) byCode.set(s.code, s);
        days.set(key, byCode);
      }
      return byCode;
    };
    const out: Placed[] = [];
    for (const row of rows) {
      const shift = shiftsOf(row.orgUnitId, row.date).get(row.shiftCode);
      if (shift) out.push({ row, shift });
    }
    return out;
  }

  private unitRows(orgUnitId: string, fromDate: string, toDate: string): EntryRow[] {
    return this.db
      .prepare(`${SELECT_ENTRY} WHERE a.org_unit_id = ? AND a.date BETWEEN ? AND ? ORDER BY a.date, a.id`)
      .all(orgUnitId, fromDate, toDate) as EntryRow[];
  }

  private shiftDto(pattern: ShiftPattern, s: ShiftInstance): DutyShiftDto {
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

  private withAssignments(
    unit: OrgUnit & { kind: ShiftOrgKind },
    pattern: ShiftPattern,
    days: readonly CalendarDay[],
  ): (day: CalendarDay) => { date: string; weekday: number; shifts: RosterShiftDto[] } {
    const first = days[0];
    const last = days[days.length - 1];
    const rows = first && last ? this.unitRows(unit.id, first.date, last.date) : [];
    const order = new Map(postsFor(unit.kind).map((p, i) => [p.code, i]));
    const bySlot = new Map<string, EntryRow[]>();
    for (const r of rows) {
      const key = `${r.date}|${r.shiftCode}`;
      const list = bySlot.get(key);
      if (list) list.push(r);
      else bySlot.set(key, [r]);
    }
    const rank = (r: EntryRow) => order.get(r.postCode) ?? order.size;
    return (day) => ({
      date: day.date,
      weekday: day.weekday,
      shifts: day.shifts.map((s) => ({
        ...this.shiftDto(pattern, s),
        assignments: (bySlot.get(`${s.date}|${s.code}`) ?? [])
          .sort((a, b) => rank(a) - rank(b) || a.userName.localeCompare(b.userName, 'zh-CN'))
          .map(entry),
      })),
    });
  }

  /** The Monday–Sunday week containing `date`, each shift with the people rostered on it. */
  week(orgUnitId: string, date: string): RosterWeek {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patternOf(unit);
    rosterDay(date, 'date');
    const view = weekView(pattern, date);
    const fill = this.withAssignments(unit, pattern, view.days);
    return { orgUnitId: unit.id, monday: view.monday, days: view.days.map(fill) };
  }

  /** A month as whole Monday–Sunday weeks, each shift with the people rostered on it. */
  month(orgUnitId: string, year: number, month: number): RosterMonth {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patternOf(unit);
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
    const rows = this.db
      .prepare(
        `SELECT u.id, u.display_name AS displayName,
                (SELECT group_concat(r.role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
         FROM users u WHERE u.org_unit_id = ? AND u.disabled = 0`,
      )
      .all(unit.id) as { id: number; displayName: string; roles: string | null }[];
    return rows
      .map((r) => ({
        id: r.id,
        displayName: r.displayName,
        roles: r.roles ? (r.roles.split(',').sort() as Role[]) : [],
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || a.id - b.id);
  }

  /** One assignment, or undefined. */
  assignment(id: number): RosterEntry | undefined {
    const row = this.db.prepare(`${SELECT_ENTRY} WHERE a.id = ?`).get(id) as EntryRow | undefined;
    return row && entry(row);
  }

  // ── editing the roster ──────────────────────────────────────────────────────────────────────

  private naming(kind: ShiftOrgKind, pattern: ShiftPattern): RosterNaming {
    return {
      posts: [...postsFor(kind), ...CENTER_POSTS, ...STATION_POSTS],
      shifts: [...pattern.shifts, ...DEFAULT_CENTER_PATTERN.shifts, ...DEFAULT_STATION_PATTERN.shifts],
    };
  }

  /** Assignments that could collide with shifts on the dates fromDay … toDay of these people or this unit. */
  private nearby(orgUnitId: string, userIds: readonly number[], fromDay: number, toDay: number): Assignment[] {
    // Shifts last at most 24 h, so a day either side is enough to find every overlap.
    const rows = this.db
      .prepare(
        `${SELECT_ENTRY} WHERE a.date BETWEEN ? AND ?
           AND (a.org_unit_id = ? OR a.user_id IN (SELECT value FROM json_each(?)))`,
      )
      .all(dateOfDay(fromDay - 1), dateOfDay(toDay + 1), orgUnitId, JSON.stringify(userIds)) as EntryRow[];
    return this.place(rows).map(asAssignment);
  }

  private userProblem(userId: number, unit: OrgUnit): { name: string; problem: string | null; problemEn: string } {
    const user = this.db
      .prepare('SELECT display_name AS name, org_unit_id AS orgUnitId, disabled FROM users WHERE id = ?')
      .get(userId) as { name: string; orgUnitId: string; disabled: number } | undefined;
    // A user of another unit answers like one that does not exist: no name, no hint where they work.
    if (!user || user.orgUnitId !== unit.id) {
      return {
        name: `#${userId}`,
        problem: `用户 #${userId} 不是${unit.name}的人员`,
        problemEn: `User #${userId} is not a member of ${unit.name}`,
      };
    }
    if (user.disabled === 1) {
      return { name: user.name, problem: `${user.name} 已停用`, problemEn: `${user.name} is disabled` };
    }
    return { name: user.name, problem: null, problemEn: '' };
  }

  private insert(orgUnitId: string, a: Assignment, createdBy: number | null): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO roster_assignments (org_unit_id, date, shift_code, post_code, user_id, user_name, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(orgUnitId, a.shift.date, a.shift.code, a.postCode, a.personId, a.personName, createdBy, this.clock());
    return Number(lastInsertRowid);
  }

  /**
   * Puts a person on a post in a shift. The person must be an enabled user of the unit, the post
   * one of the unit's posts; conflicts (`findConflicts`) are E_CONFLICT with the conflict's message.
   */
  assign(orgUnitId: string, input: AssignInput, createdBy: number | null = null): RosterEntry {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patternOf(unit);
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
      this.naming(unit.kind, pattern),
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
    this.db.prepare('DELETE FROM roster_assignments WHERE id = ?').run(id);
    return found;
  }

  /**
   * Copies the week starting `fromMonday` to each of the next `weeks` weeks, all or nothing: any
   * conflict, or a person no longer an enabled user of the unit, rejects the whole copy (E_CONFLICT,
   * every problem in `details`). Returns how many assignments were created.
   */
  copyWeek(orgUnitId: string, fromMonday: string, weeks: number, createdBy: number | null = null): { created: number } {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patternOf(unit);
    const monday = rosterDay(fromMonday, 'fromMonday');
    if (mondayOf(fromMonday) !== fromMonday) {
      throw apiError('E_INVALID', `${fromMonday} 不是星期一`, `${fromMonday} is not a Monday`, { field: 'fromMonday' });
    }
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_COPY_WEEKS) {
      throw apiError('E_INVALID', `周数须为 1–${MAX_COPY_WEEKS}`, `Weeks must be 1–${MAX_COPY_WEEKS}`, {
        field: 'weeks',
      });
    }
    const source = this.place(this.unitRows(unit.id, fromMonday, dateOfDay(monday + 6))).map(asAssignment);
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
    const conflicts = findConflicts(existing, copies, this.naming(unit.kind, pattern));
    const first = conflicts[0];
    if (first) {
      throw apiError(
        'E_CONFLICT',
        `复制排班失败，未复制任何排班：共 ${conflicts.length} 处冲突。${first.message.zh}`,
        `Nothing was copied: ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}. ${first.message.en}`,
        conflictDetails(conflicts),
      );
    }
    this.db.transaction(() => {
      for (const c of copies) this.insert(unit.id, c, createdBy);
    })();
    return { created: copies.length };
  }

  // ── on duty ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The shift of the unit covering `at`, its chief, every post with who is on it and checked in, and
   * what check-in and check-out would act on for `userId` (none when no user is given).
   */
  onDuty(orgUnitId: string, at: number, userId?: number): OnDuty {
    const unit = this.rosterUnit(orgUnitId);
    const pattern = this.patternOf(unit);
    const shift = shiftAt(pattern, at);
    const rows = shift
      ? (this.db
          .prepare(`${SELECT_ENTRY} WHERE a.org_unit_id = ? AND a.date = ? AND a.shift_code = ? ORDER BY a.id`)
          .all(unit.id, shift.date, shift.code) as EntryRow[])
      : [];
    const chief = rows.find((r) => r.postCode === CHIEF_POST[unit.kind]);
    return {
      orgUnitId: unit.id,
      shift: shift ? this.shiftDto(pattern, shift) : null,
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
        ? { entry: entry(p.row), shift: this.shiftDto(this.patternOf(this.rosterUnit(p.row.orgUnitId)), p.shift) }
        : null;
    return { checkIn: dto(checkInTarget(placed, at)), checkOut: dto(checkOutTarget(placed, at)) };
  }

  /** The user's assignments on the days around `at`, placed on their shifts, in time order. */
  private userShifts(userId: number, at: number): Placed[] {
    const today = dayOf(at);
    const rows = this.db
      .prepare(`${SELECT_ENTRY} WHERE a.user_id = ? AND a.date BETWEEN ? AND ?`)
      .all(userId, dateOfDay(today - 1), dateOfDay(today + 1)) as EntryRow[];
    return this.place(rows).sort((x, y) => x.shift.startsAt - y.shift.startsAt);
  }

  private checkin(id: number): DutyCheckin {
    const row = this.db.prepare(`${SELECT_CHECKIN} WHERE id = ?`).get(id) as CheckinRow | undefined;
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
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO duty_checkins (user_id, org_unit_id, date, shift_code, post_code, checked_in_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(userId, row.orgUnitId, row.date, row.shiftCode, row.postCode, at);
    return this.checkin(Number(lastInsertRowid));
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
    const { row } = open;
    const found = this.db
      .prepare(`${SELECT_CHECKIN} WHERE user_id = ? AND org_unit_id = ? AND date = ? AND shift_code = ?`)
      .get(userId, row.orgUnitId, row.date, row.shiftCode) as CheckinRow | undefined;
    if (!found) throw new Error('check-in row vanished');
    this.db
      .prepare('UPDATE duty_checkins SET checked_out_at = ? WHERE id = ?')
      .run(Math.max(at, found.checkedInAt), found.id);
    return this.checkin(found.id);
  }

  /**
   * Rostered people without a check-in 10 minutes after their shift started — or after they were
   * rostered, if later (checkInDueAt) — the shift still running, not reported before. Records them,
   * so each is reported once.
   */
  missingCheckIns(at: number): MissingCheckIn[] {
    const today = dayOf(at);
    const rows = this.db
      .prepare(
        `${SELECT_ENTRY} WHERE a.date BETWEEN ? AND ? AND c.id IS NULL
           AND NOT EXISTS (SELECT 1 FROM duty_missing_alerts m
                           WHERE m.org_unit_id = a.org_unit_id AND m.date = a.date AND m.shift_code = a.shift_code
                             AND m.post_code = a.post_code AND m.user_id = a.user_id)
         ORDER BY a.id`,
      )
      .all(dateOfDay(today - 1), dateOfDay(today)) as EntryRow[];
    const due = this.place(rows).filter(
      (p) => checkInDueAt(p.shift.startsAt, p.row.rosteredAt) <= at && at < p.shift.endsAt,
    );
    if (due.length === 0) return [];
    const chiefOf = this.db.prepare(
      `SELECT user_id AS userId, user_name AS userName FROM roster_assignments
       WHERE org_unit_id = ? AND date = ? AND shift_code = ? AND post_code = ?`,
    );
    const record = this.db.prepare(
      `INSERT OR IGNORE INTO duty_missing_alerts (org_unit_id, date, shift_code, post_code, user_id, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() =>
      due.map(({ row, shift }): MissingCheckIn => {
        record.run(row.orgUnitId, row.date, row.shiftCode, row.postCode, row.userId, at);
        const kind = this.rosterUnit(row.orgUnitId).kind;
        const chief = chiefOf.get(row.orgUnitId, row.date, row.shiftCode, CHIEF_POST[kind]) as
          { userId: number; userName: string } | undefined;
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
    )();
  }
}
