import type { HandoverSignature } from '../../../common/contract/duty-handover';
import type { DutyShift } from '../../../common/contract/duty-log';
import { SqlRepo } from '../../db/statements';
import { SHIFT_COLUMNS } from './duty-log-repo';

/** Who started a handover and the summary frozen then (JSON). */
export interface HandoverRow {
  userId: number;
  userName: string;
  at: number;
  summary: string;
}

export type SealedShiftRow = DutyShift & { sealedAt: number; sealHash: string };

/** SQL of handovers: the frozen summary, the two signatures and the shift's status; HandoverService holds the rules. */
export class HandoverRepo extends SqlRepo {
  /** The unit's shift whose handover is running (the earliest, should there be two), if any. */
  running(orgUnitId: string): DutyShift | undefined {
    return this.sql(
      `SELECT ${SHIFT_COLUMNS} FROM duty_shifts WHERE org_unit_id = ? AND status = 'handover' ORDER BY starts_at`,
    ).get(orgUnitId) as DutyShift | undefined;
  }

  handover(shiftId: number): HandoverRow | undefined {
    return this.sql(
      `SELECT started_by AS userId, started_by_name AS userName, started_at AS at, summary
       FROM duty_handovers WHERE shift_id = ?`,
    ).get(shiftId) as HandoverRow | undefined;
  }

  /** The signatures given, outgoing first. */
  signatures(shiftId: number): HandoverSignature[] {
    return this.sql(
      `SELECT side, user_id AS userId, user_name AS userName, signed_at AS signedAt
       FROM duty_handover_signatures WHERE shift_id = ? ORDER BY CASE side WHEN 'outgoing' THEN 0 ELSE 1 END`,
    ).all(shiftId) as HandoverSignature[];
  }

  /** Freezes the summary and puts the shift in handover. */
  start(shiftId: number, by: { id: number; name: string }, at: number, summary: string): void {
    this.sql(
      `INSERT INTO duty_handovers (shift_id, started_by, started_by_name, started_at, summary) VALUES (?, ?, ?, ?, ?)`,
    ).run(shiftId, by.id, by.name, at, summary);
    this.sql(`UPDATE duty_shifts SET status = 'handover' WHERE id = ?`).run(shiftId);
  }

  /** Drops the handover and its signatures and opens the shift again. */
  cancel(shiftId: number): void {
    this.sql('DELETE FROM duty_handover_signatures WHERE shift_id = ?').run(shiftId);
    this.sql('DELETE FROM duty_handovers WHERE shift_id = ?').run(shiftId);
    this.sql(`UPDATE duty_shifts SET status = 'open' WHERE id = ?`).run(shiftId);
  }

  sign(shiftId: number, side: HandoverSignature['side'], by: { id: number; name: string }, at: number): void {
    this.sql(
      `INSERT INTO duty_handover_signatures (shift_id, side, user_id, user_name, signed_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(shiftId, side, by.id, by.name, at);
  }

  /** The frozen summary (JSON) of the unit's last sealed shift starting before `before`, if any. */
  lastSealSummary(orgUnitId: string, before: number): string | undefined {
    const row = this.sql(
      `SELECT d.summary FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? AND s.starts_at < ? ORDER BY s.starts_at DESC, d.id DESC LIMIT 1`,
    ).get(orgUnitId, before) as { summary: string } | undefined;
    return row?.summary;
  }

  /** The latest sealed shifts of a unit, newest first. */
  sealed(orgUnitId: string, limit: number): SealedShiftRow[] {
    return this.sql(
      `SELECT s.id, s.org_unit_id AS orgUnitId, s.date, s.code, s.starts_at AS startsAt, s.ends_at AS endsAt,
              s.status, d.sealed_at AS sealedAt, d.seal_hash AS sealHash
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? ORDER BY s.starts_at DESC LIMIT ?`,
    ).all(orgUnitId, limit) as SealedShiftRow[];
  }
}
