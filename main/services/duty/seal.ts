/**
 * Sealing a shift at handover (DESIGN.md §6, issues 4 item 5 and 9 item 5).
 *
 * Each org unit's seals form a chain: a seal stores the hash of its shift's entries, the frozen
 * handover summary, the signers, its number in the unit's chain, and `seal_hash` — an HMAC under
 * the hub's seal key over all of that, the shift and its handover rows, and the previous seal's
 * hash (seal-content.ts says exactly what is covered). The unit's chain head (duty_seal_heads,
 * also keyed) names the newest seal, so cutting seals off the end shows. The tables' triggers stop
 * the console from changing anything; someone editing the database by hand (triggers dropped)
 * cannot re-seal without the key, which is kept outside the database, and `verifyChain`
 * (seal-verify.ts) names the earliest shift where a recomputed seal differs or a seal is missing.
 */
import { apiError } from '../../../common/contract';
import type { ChainHead } from '../../../common/contract/duty-log';
import type { Db } from '../../db/connection';
import {
  GENESIS_SEAL_HASH,
  SEAL_SCHEME,
  canonicalJson,
  entriesHash,
  keyedSealHash,
  writeHead,
  type ShiftFacts,
} from './seal-content';

export { GENESIS_SEAL_HASH, LEGACY_SEAL_SCHEME, SEAL_SCHEME, canonicalJson } from './seal-content';
export { verifyChain } from './seal-verify';

export interface Signer {
  id: number;
  /** The display name the console and the report show. */
  name: string;
  username?: string;
}

export interface SealRecord {
  id: number;
  shiftId: number;
  sealedAt: number;
  /** Canonical JSON of the frozen summary, as stored. */
  summary: string;
  entriesHash: string;
  prevSealHash: string;
  sealHash: string;
  /** Canonical JSON of the signers, as stored. */
  signedBy: string;
  scheme: string;
  /** Number in the unit's chain (1, 2, …); null on a legacy unkeyed seal. */
  seq: number | null;
}

interface ShiftRow extends ShiftFacts {
  status: 'open' | 'handover' | 'sealed';
}

const SHIFT_COLUMNS = 'id, org_unit_id AS orgUnitId, date, code, starts_at AS startsAt, ends_at AS endsAt, status';

/** The unit's newest seal: its hash, number and how many seals the unit has. */
function newestSeal(db: Db, orgUnitId: string): { sealHash: string; seq: number } {
  const row = db
    .prepare(
      `SELECT d.seal_hash AS sealHash, d.seq, (SELECT count(*) FROM duty_seals x JOIN duty_shifts y ON y.id = x.shift_id
                                                WHERE y.org_unit_id = s.org_unit_id) AS count
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? ORDER BY d.id DESC LIMIT 1`,
    )
    .get(orgUnitId) as { sealHash: string; seq: number | null; count: number } | undefined;
  // Legacy seals have no number: the first keyed one after them continues their count.
  return row ? { sealHash: row.sealHash, seq: row.seq ?? row.count } : { sealHash: GENESIS_SEAL_HASH, seq: 0 };
}

/**
 * Seals a shift under the keyed scheme: freezes `summary` (canonical JSON), records the two
 * signing chiefs, hashes the entries with their attachments, numbers the seal in its unit's chain,
 * chains onto the unit's newest seal, moves the chain head and marks the shift 'sealed' — one
 * transaction. Run after the handover rows (summary, signatures) are written: they are covered.
 * E_NOT_FOUND for an unknown shift, E_CONFLICT when already sealed, E_INVALID unless there are
 * exactly two signers with different ids and non-empty names.
 */
export function sealShift(
  db: Db,
  sealKey: Buffer,
  shiftId: number,
  summary: unknown,
  signers: readonly Signer[],
  now: number,
): SealRecord {
  const ids = new Set(signers.map((s) => s.id));
  if (signers.length !== 2 || ids.size !== 2 || signers.some((s) => s.name.trim() === '')) {
    throw apiError(
      'E_INVALID',
      '封存须由交班和接班两位值班长签名',
      'Sealing needs the signatures of two different chiefs (outgoing and incoming)',
    );
  }
  return db.transaction(() => {
    const shift = db.prepare(`SELECT ${SHIFT_COLUMNS} FROM duty_shifts WHERE id = ?`).get(shiftId) as
      ShiftRow | undefined;
    if (!shift) throw apiError('E_NOT_FOUND', `班次 ${shiftId} 不存在`, `Shift ${shiftId} does not exist`);
    if (shift.status === 'sealed') {
      throw apiError('E_CONFLICT', '该班次已封存', 'The shift is already sealed', { shiftId });
    }
    const previous = newestSeal(db, shift.orgUnitId);
    const facts = {
      sealedAt: now,
      summary: canonicalJson(summary),
      signedBy: canonicalJson(signers.map((s) => ({ id: s.id, name: s.name, username: s.username ?? null }))),
      entriesHash: entriesHash(db, shiftId),
      prevSealHash: previous.sealHash,
      seq: previous.seq + 1,
      legacyHash: null,
    };
    const sealHash = keyedSealHash(db, sealKey, shift, facts);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO duty_seals (shift_id, sealed_at, summary, entries_hash, prev_seal_hash, seal_hash, signed_by, scheme, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        shiftId,
        now,
        facts.summary,
        facts.entriesHash,
        facts.prevSealHash,
        sealHash,
        facts.signedBy,
        SEAL_SCHEME,
        facts.seq,
      );
    const id = Number(lastInsertRowid);
    db.prepare(`UPDATE duty_shifts SET status = 'sealed' WHERE id = ?`).run(shiftId);
    writeHead(db, sealKey, {
      orgUnitId: shift.orgUnitId,
      seq: facts.seq,
      sealId: id,
      shiftId,
      shiftDate: shift.date,
      shiftCode: shift.code,
      shiftStartsAt: shift.startsAt,
      sealHash,
    });
    return { id, shiftId, ...facts, sealHash, scheme: SEAL_SCHEME };
  })();
}

const SEAL_COLUMNS = `d.id, d.shift_id AS shiftId, d.sealed_at AS sealedAt, d.summary, d.entries_hash AS entriesHash,
  d.prev_seal_hash AS prevSealHash, d.seal_hash AS sealHash, d.signed_by AS signedBy, d.scheme, d.seq`;

/** The seal of a shift, if it has one. */
export function sealOf(db: Db, shiftId: number): SealRecord | undefined {
  return db.prepare(`SELECT ${SEAL_COLUMNS} FROM duty_seals d WHERE d.shift_id = ?`).get(shiftId) as
    SealRecord | undefined;
}

/**
 * The unit's newest seal as the database holds it now (for the printed report); undefined while
 * the unit has no numbered seal. `verifyChain` checks it against the keyed chain head.
 */
export function chainHead(db: Db, orgUnitId: string): ChainHead | undefined {
  return db
    .prepare(
      `SELECT s.org_unit_id AS orgUnitId, s.id AS shiftId, s.date, s.code, d.seq, d.seal_hash AS sealHash
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? AND d.seq IS NOT NULL ORDER BY d.id DESC LIMIT 1`,
    )
    .get(orgUnitId) as ChainHead | undefined;
}
