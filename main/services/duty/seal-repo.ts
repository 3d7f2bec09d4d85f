import type { ChainHead } from '../../../common/contract/duty-log';
import { SqlRepo } from '../../db/statements';

/** A seal row as stored (see SealRecord in seal.ts). */
export interface SealRow {
  id: number;
  shiftId: number;
  sealedAt: number;
  summary: string;
  entriesHash: string;
  prevSealHash: string;
  sealHash: string;
  signedBy: string;
  scheme: string;
  seq: number | null;
}

const SEAL_COLUMNS = `d.id, d.shift_id AS shiftId, d.sealed_at AS sealedAt, d.summary, d.entries_hash AS entriesHash,
  d.prev_seal_hash AS prevSealHash, d.seal_hash AS sealHash, d.signed_by AS signedBy, d.scheme, d.seq`;

/** SQL of the seals of sealing (duty_seals); the hashing, chaining and verifying live in seal*.ts. */
export class SealRepo extends SqlRepo {
  /** The unit's newest seal (by id) with the number of seals the unit has; undefined when none. */
  newest(orgUnitId: string): { sealHash: string; seq: number | null; count: number } | undefined {
    return this.sql(
      `SELECT d.seal_hash AS sealHash, d.seq, (SELECT count(*) FROM duty_seals x JOIN duty_shifts y ON y.id = x.shift_id
                                                WHERE y.org_unit_id = s.org_unit_id) AS count
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? ORDER BY d.id DESC LIMIT 1`,
    ).get(orgUnitId) as { sealHash: string; seq: number | null; count: number } | undefined;
  }

  /** Writes the seal and marks its shift sealed (callers run it in the sealing transaction). */
  insert(seal: Omit<SealRow, 'id'>): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO duty_seals (shift_id, sealed_at, summary, entries_hash, prev_seal_hash, seal_hash, signed_by, scheme, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      seal.shiftId,
      seal.sealedAt,
      seal.summary,
      seal.entriesHash,
      seal.prevSealHash,
      seal.sealHash,
      seal.signedBy,
      seal.scheme,
      seal.seq,
    );
    this.sql(`UPDATE duty_shifts SET status = 'sealed' WHERE id = ?`).run(seal.shiftId);
    return Number(lastInsertRowid);
  }

  ofShift(shiftId: number): SealRow | undefined {
    return this.sql(`SELECT ${SEAL_COLUMNS} FROM duty_seals d WHERE d.shift_id = ?`).get(shiftId) as
      SealRow | undefined;
  }

  /** The unit's newest numbered seal, named by its shift; undefined while the unit has none. */
  chainHead(orgUnitId: string): ChainHead | undefined {
    return this.sql(
      `SELECT s.org_unit_id AS orgUnitId, s.id AS shiftId, s.date, s.code, d.seq, d.seal_hash AS sealHash
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? AND d.seq IS NOT NULL ORDER BY d.id DESC LIMIT 1`,
    ).get(orgUnitId) as ChainHead | undefined;
  }
}
