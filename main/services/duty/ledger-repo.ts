import type { HandoverSignature } from '../../../common/contract/duty-handover';
import type { DutyShift } from '../../../common/contract/duty-log';
import { SqlRepo } from '../../db/statements';
import { SHIFT_COLUMNS } from './duty-log-repo';
import type { SealRow } from './seal-repo';

/** A duty log entry as its seal covers it: the stored columns without the display number (seq). */
export interface SealedEntryRow {
  id: number;
  shiftId: number;
  at: number;
  authorId: number | null;
  authorName: string;
  kind: string;
  text: string;
  correctsId: number | null;
  links: string | null;
}

/** The handover rows of a shift as a keyed seal covers them (names as hashed). */
export interface SealedHandoverRows {
  handover: { startedBy: number; startedByName: string; startedAt: number; summary: string } | null;
  signatures: { side: HandoverSignature['side']; userId: number; userName: string; signedAt: number }[];
}

/** A shift row as the chain check reads it. */
export type LedgerShiftRow = DutyShift;

/** A seal row as the chain check reads it; scheme /1 rows of a database not yet upgraded have no seq. */
export type LedgerSealRow = SealRow & { legacyHash: string | null };

/** A unit's chain head as stored in duty_seal_heads (besides its MAC). */
export interface HeadFacts {
  orgUnitId: string;
  seq: number;
  sealId: number;
  shiftId: number;
  shiftDate: string;
  shiftCode: string;
  shiftStartsAt: number;
  sealHash: string;
}

/** The keyed columns of a seal rewritten by the one-time upgrade of scheme /1. */
export interface ResealFacts {
  scheme: string;
  seq: number;
  entriesHash: string;
  prevSealHash: string;
  sealHash: string;
  legacyHash: string;
}

const SEAL_COLUMNS = `d.id, d.shift_id AS shiftId, d.sealed_at AS sealedAt, d.summary, d.entries_hash AS entriesHash,
  d.prev_seal_hash AS prevSealHash, d.seal_hash AS sealHash, d.signed_by AS signedBy`;

/**
 * SQL of the ledger's integrity: what a seal covers (entries and handover rows exactly as hashed),
 * the chain heads, the reads of the chain check and the one-time upgrade of unkeyed seals. The
 * hashing and the rules live in seal-content.ts, seal-verify.ts and seal-upgrade.ts. Reads the
 * database as it is, including one not yet migrated to keyed seals (`keyed()`).
 */
export class LedgerRepo extends SqlRepo {
  /** The shift's entries as sealed, in id order. */
  sealedEntries(shiftId: number): SealedEntryRow[] {
    return this.sql(
      `SELECT id, shift_id AS shiftId, at, author_id AS authorId, author_name AS authorName, kind, text,
              corrects_id AS correctsId, links
       FROM duty_log_entries WHERE shift_id = ? ORDER BY id`,
    ).all(shiftId) as SealedEntryRow[];
  }

  /** The handover and its signatures (by side: incoming, outgoing), as the console renders them. */
  sealedHandover(shiftId: number): SealedHandoverRows {
    const handover =
      (this.sql(
        `SELECT started_by AS startedBy, started_by_name AS startedByName, started_at AS startedAt, summary
         FROM duty_handovers WHERE shift_id = ?`,
      ).get(shiftId) as SealedHandoverRows['handover'] | undefined) ?? null;
    const signatures = this.sql(
      `SELECT side, user_id AS userId, user_name AS userName, signed_at AS signedAt
       FROM duty_handover_signatures WHERE shift_id = ? ORDER BY side`,
    ).all(shiftId) as SealedHandoverRows['signatures'];
    return { handover, signatures };
  }

  /** Points the unit's chain head at its newest seal (inside the sealing transaction). */
  writeHead(head: HeadFacts & { mac: string }): void {
    this.sql(
      `INSERT INTO duty_seal_heads (org_unit_id, seq, seal_id, shift_id, shift_date, shift_code, shift_starts_at, seal_hash, mac)
       VALUES (@orgUnitId, @seq, @sealId, @shiftId, @shiftDate, @shiftCode, @shiftStartsAt, @sealHash, @mac)
       ON CONFLICT (org_unit_id) DO UPDATE SET seq = excluded.seq, seal_id = excluded.seal_id,
         shift_id = excluded.shift_id, shift_date = excluded.shift_date, shift_code = excluded.shift_code,
         shift_starts_at = excluded.shift_starts_at, seal_hash = excluded.seal_hash, mac = excluded.mac`,
    ).run(head);
  }

  readHead(orgUnitId: string): (HeadFacts & { mac: string }) | undefined {
    return this.sql(
      `SELECT org_unit_id AS orgUnitId, seq, seal_id AS sealId, shift_id AS shiftId, shift_date AS shiftDate,
              shift_code AS shiftCode, shift_starts_at AS shiftStartsAt, seal_hash AS sealHash, mac
       FROM duty_seal_heads WHERE org_unit_id = ?`,
    ).get(orgUnitId) as (HeadFacts & { mac: string }) | undefined;
  }

  /** Whether the database has a ledger at all (migration 0070): a file older than it has no seal to check. */
  exists(): boolean {
    return this.hasTable('duty_seals');
  }

  /** Whether the database has keyed seals (migration 0120); a file the hub has not opened since may not. */
  keyed(): boolean {
    return (this.sql(`SELECT name FROM pragma_table_info(?)`).all('duty_seals') as { name: string }[]).some(
      (c) => c.name === 'scheme',
    );
  }

  /** Every org unit that has shift rows, by id. */
  units(): string[] {
    return (this.sql('SELECT DISTINCT org_unit_id AS id FROM duty_shifts ORDER BY id').all() as { id: string }[]).map(
      (u) => u.id,
    );
  }

  /** The unit's seals in the order they were made; without keyed columns every seal reads as scheme /1. */
  unitSeals(orgUnitId: string, keyed: boolean, legacyScheme: string): LedgerSealRow[] {
    const keyedColumns = keyed
      ? 'd.scheme, d.seq, d.legacy_hash AS legacyHash'
      : `'${legacyScheme}' AS scheme, NULL AS seq, NULL AS legacyHash`;
    return this.sql(
      `SELECT ${SEAL_COLUMNS}, ${keyedColumns}
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? ORDER BY d.id`,
    ).all(orgUnitId) as LedgerSealRow[];
  }

  shift(id: number): LedgerShiftRow | undefined {
    return this.sql(`SELECT ${SHIFT_COLUMNS} FROM duty_shifts WHERE id = ?`).get(id) as LedgerShiftRow | undefined;
  }

  /**
   * Where a deleted seal stood: among the unit's shifts starting after `after` and before `before`,
   * the first that still shows a handover (status sealed, or handover rows), else the first one.
   */
  missingShift(orgUnitId: string, after: number, before: number): LedgerShiftRow | undefined {
    return this.sql(
      `SELECT ${SHIFT_COLUMNS} FROM duty_shifts s
       WHERE org_unit_id = ? AND starts_at > ? AND starts_at < ?
       ORDER BY (status = 'sealed' OR EXISTS (SELECT 1 FROM duty_handovers h WHERE h.shift_id = s.id)) DESC, starts_at
       LIMIT 1`,
    ).get(orgUnitId, after, before) as LedgerShiftRow | undefined;
  }

  /** The unit's shifts marked sealed that have no seal row. */
  sealedWithoutSeal(orgUnitId: string): LedgerShiftRow[] {
    return this.sql(
      `SELECT ${SHIFT_COLUMNS} FROM duty_shifts s
       WHERE org_unit_id = ? AND status = 'sealed' AND NOT EXISTS (SELECT 1 FROM duty_seals d WHERE d.shift_id = s.id)`,
    ).all(orgUnitId) as LedgerShiftRow[];
  }

  /** The units whose scheme /1 chain awaits the one-time upgrade, by id (none before migration 0120). */
  pendingUpgrades(): string[] {
    if (!this.hasTable('duty_seal_upgrade')) return [];
    return (
      this.sql('SELECT org_unit_id AS id FROM duty_seal_upgrade ORDER BY org_unit_id').all() as { id: string }[]
    ).map((u) => u.id);
  }

  upgradePending(orgUnitId: string): boolean {
    return (
      this.hasTable('duty_seal_upgrade') &&
      this.sql('SELECT 1 FROM duty_seal_upgrade WHERE org_unit_id = ?').get(orgUnitId) !== undefined
    );
  }

  /** Takes the unit off the upgrade list (upgraded, or left broken). */
  upgradeDone(orgUnitId: string): void {
    this.sql('DELETE FROM duty_seal_upgrade WHERE org_unit_id = ?').run(orgUnitId);
  }

  /** Rewrites a scheme /1 seal as keyed (the upgrade trigger allows exactly this, once). */
  reseal(sealId: number, facts: ResealFacts): void {
    this.sql(
      `UPDATE duty_seals SET scheme = ?, seq = ?, entries_hash = ?, prev_seal_hash = ?, seal_hash = ?, legacy_hash = ?
       WHERE id = ?`,
    ).run(facts.scheme, facts.seq, facts.entriesHash, facts.prevSealHash, facts.sealHash, facts.legacyHash, sealId);
  }

  private hasTable(name: string): boolean {
    return this.sql(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
  }
}
