import type { ShiftTemplateDto } from '../../../common/contract/duty-roster';
import { SqlRepo } from '../../db/statements';

/** A roster assignment with its check-in, if any. */
export interface RosterRow {
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

export interface CheckinRow {
  id: number;
  userId: number;
  orgUnitId: string;
  date: string;
  shiftCode: string;
  postCode: string;
  checkedInAt: number;
  checkedOutAt: number | null;
}

/** One shift of a unit: (org unit, start date, shift code). */
export interface ShiftKey {
  orgUnitId: string;
  date: string;
  shiftCode: string;
}

export interface NewAssignment extends ShiftKey {
  postCode: string;
  userId: number;
  userName: string;
  createdBy: number | null;
  createdAt: number;
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

/** SQL of shift patterns, roster assignments, check-ins and missed check-in alerts; RosterService holds the rules. */
export class RosterRepo extends SqlRepo {
  // ── patterns ──

  /** The unit's saved shifts, or null when it runs the default pattern. */
  pattern(orgUnitId: string): ShiftTemplateDto[] | null {
    const row = this.sql('SELECT pattern FROM duty_patterns WHERE org_unit_id = ?').get(orgUnitId) as
      { pattern: string } | undefined;
    return row ? (JSON.parse(row.pattern) as { shifts: ShiftTemplateDto[] }).shifts : null;
  }

  savePattern(orgUnitId: string, shifts: readonly ShiftTemplateDto[], at: number): void {
    this.sql(
      `INSERT INTO duty_patterns (org_unit_id, pattern, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (org_unit_id) DO UPDATE SET pattern = excluded.pattern, updated_at = excluded.updated_at`,
    ).run(orgUnitId, JSON.stringify({ shifts }), at);
  }

  /** How many people each shift code of the unit has rostered on `fromDate` or later. */
  rosteredFrom(orgUnitId: string, fromDate: string): { code: string; n: number }[] {
    return this.sql(
      `SELECT shift_code AS code, count(*) AS n FROM roster_assignments
       WHERE org_unit_id = ? AND date >= ? GROUP BY shift_code`,
    ).all(orgUnitId, fromDate) as { code: string; n: number }[];
  }

  // ── assignments ──

  byId(id: number): RosterRow | undefined {
    return this.sql(`${SELECT_ENTRY} WHERE a.id = ?`).get(id) as RosterRow | undefined;
  }

  /** The unit's assignments dated fromDate … toDate (inclusive), by date then id. */
  ofUnit(orgUnitId: string, fromDate: string, toDate: string): RosterRow[] {
    return this.sql(`${SELECT_ENTRY} WHERE a.org_unit_id = ? AND a.date BETWEEN ? AND ? ORDER BY a.date, a.id`).all(
      orgUnitId,
      fromDate,
      toDate,
    ) as RosterRow[];
  }

  /** Assignments dated fromDate … toDate of the unit or of any of these people (wherever they are rostered). */
  ofUnitOrPeople(orgUnitId: string, userIds: readonly number[], fromDate: string, toDate: string): RosterRow[] {
    return this.sql(
      `${SELECT_ENTRY} WHERE a.date BETWEEN ? AND ?
         AND (a.org_unit_id = ? OR a.user_id IN (SELECT value FROM json_each(?)))`,
    ).all(fromDate, toDate, orgUnitId, JSON.stringify(userIds)) as RosterRow[];
  }

  /** The user's assignments dated fromDate … toDate, in any unit. */
  ofUser(userId: number, fromDate: string, toDate: string): RosterRow[] {
    return this.sql(`${SELECT_ENTRY} WHERE a.user_id = ? AND a.date BETWEEN ? AND ?`).all(
      userId,
      fromDate,
      toDate,
    ) as RosterRow[];
  }

  /** Everyone rostered on one shift, by id. */
  ofShift(k: ShiftKey): RosterRow[] {
    return this.sql(`${SELECT_ENTRY} WHERE a.org_unit_id = ? AND a.date = ? AND a.shift_code = ? ORDER BY a.id`).all(
      k.orgUnitId,
      k.date,
      k.shiftCode,
    ) as RosterRow[];
  }

  /** Who holds `postCode` in the shift (the first rostered), if anyone. */
  onPost(k: ShiftKey, postCode: string): { userId: number; userName: string } | undefined {
    return this.sql(
      `SELECT user_id AS userId, user_name AS userName FROM roster_assignments
       WHERE org_unit_id = ? AND date = ? AND shift_code = ? AND post_code = ?`,
    ).get(k.orgUnitId, k.date, k.shiftCode, postCode) as { userId: number; userName: string } | undefined;
  }

  /** Everyone rostered on `postCode` in the shift, by id. */
  holders(k: ShiftKey, postCode: string): { userId: number; userName: string }[] {
    return this.sql(
      `SELECT user_id AS userId, user_name AS userName FROM roster_assignments
       WHERE org_unit_id = ? AND date = ? AND shift_code = ? AND post_code = ? ORDER BY id`,
    ).all(k.orgUnitId, k.date, k.shiftCode, postCode) as { userId: number; userName: string }[];
  }

  insert(a: NewAssignment): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO roster_assignments (org_unit_id, date, shift_code, post_code, user_id, user_name, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.orgUnitId, a.date, a.shiftCode, a.postCode, a.userId, a.userName, a.createdBy, a.createdAt);
    return Number(lastInsertRowid);
  }

  delete(id: number): void {
    this.sql('DELETE FROM roster_assignments WHERE id = ?').run(id);
  }

  // ── check-in ──

  checkin(id: number): CheckinRow | undefined {
    return this.sql(`${SELECT_CHECKIN} WHERE id = ?`).get(id) as CheckinRow | undefined;
  }

  /** The user's check-in for one shift, if any. */
  checkinOf(userId: number, k: ShiftKey): CheckinRow | undefined {
    return this.sql(`${SELECT_CHECKIN} WHERE user_id = ? AND org_unit_id = ? AND date = ? AND shift_code = ?`).get(
      userId,
      k.orgUnitId,
      k.date,
      k.shiftCode,
    ) as CheckinRow | undefined;
  }

  insertCheckin(userId: number, k: ShiftKey, postCode: string, at: number): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO duty_checkins (user_id, org_unit_id, date, shift_code, post_code, checked_in_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(userId, k.orgUnitId, k.date, k.shiftCode, postCode, at);
    return Number(lastInsertRowid);
  }

  setCheckedOut(id: number, at: number): void {
    this.sql('UPDATE duty_checkins SET checked_out_at = ? WHERE id = ?').run(at, id);
  }

  // ── missed check-ins ──

  /** Assignments dated fromDate … toDate with no check-in and no missed check-in alert yet, by id. */
  unreportedWithoutCheckin(fromDate: string, toDate: string): RosterRow[] {
    return this.sql(
      `${SELECT_ENTRY} WHERE a.date BETWEEN ? AND ? AND c.id IS NULL
         AND NOT EXISTS (SELECT 1 FROM duty_missing_alerts m
                         WHERE m.org_unit_id = a.org_unit_id AND m.date = a.date AND m.shift_code = a.shift_code
                           AND m.post_code = a.post_code AND m.user_id = a.user_id)
       ORDER BY a.id`,
    ).all(fromDate, toDate) as RosterRow[];
  }

  /** Notes that a missed check-in was reported, so it is reported once. */
  recordMissing(row: RosterRow, at: number): void {
    this.sql(
      `INSERT OR IGNORE INTO duty_missing_alerts (org_unit_id, date, shift_code, post_code, user_id, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(row.orgUnitId, row.date, row.shiftCode, row.postCode, row.userId, at);
  }
}
