/**
 * Sealing a shift at handover and checking the seals (DESIGN.md §6, issue 4 item 5).
 *
 * Each org unit's seals form a hash chain: a seal stores the SHA-256 of its shift's entries, the
 * frozen handover summary, the signers, and `seal_hash` over all of that plus the previous seal's
 * hash. The tables' triggers stop the console from changing anything; someone editing the database
 * by hand (triggers dropped) breaks a recomputed hash or a chain link, and `verifyChain` names the
 * earliest shift where that happens. Only the newest seal of a unit could be forged consistently by
 * someone who knows this scheme, and only until the next seal is made on top of it.
 */
import { createHash } from 'node:crypto';
import { apiError } from '../../../common/contract';
import type { LedgerBreakReason, LedgerVerifyResult } from '../../../common/contract/duty-log';
import type { Db } from '../../db/connection';

/** `prev_seal_hash` of an org unit's first seal. */
export const GENESIS_SEAL_HASH = '0'.repeat(64);
/** Names the hashing scheme inside every seal hash, so a future scheme cannot be confused with it. */
export const SEAL_SCHEME = 'cityops-duty-seal/1';

export interface Signer {
  id: number;
  name: string;
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
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return v;
}

/**
 * JSON with the keys of every object sorted, no white space; what JSON cannot hold is dropped or
 * nulled exactly as JSON.stringify does (undefined → null at the top). Same value ⇒ same string.
 */
export function canonicalJson(value: unknown): string {
  // JSON.stringify gives undefined for a function or symbol, despite its declared type.
  const text = JSON.stringify(value ?? null) as string | undefined;
  const plain = JSON.parse(text ?? 'null') as unknown;
  return JSON.stringify(sortKeys(plain));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 over the canonical JSON of the shift's entries, in id order, as they are stored. */
export function entriesHash(db: Db, shiftId: number): string {
  const rows = db
    .prepare(
      `SELECT id, shift_id AS shiftId, at, author_id AS authorId, author_name AS authorName, kind, text,
              corrects_id AS correctsId, links
       FROM duty_log_entries WHERE shift_id = ? ORDER BY id`,
    )
    .all(shiftId);
  return sha256(canonicalJson(rows));
}

interface SealedShift {
  shiftId: number;
  orgUnitId: string;
  date: string;
  code: string;
  sealedAt: number;
  entriesHash: string;
  summary: string;
  signedBy: string;
  prevSealHash: string;
}

function sealHashOf(s: SealedShift): string {
  return sha256(canonicalJson({ scheme: SEAL_SCHEME, ...s }));
}

interface ShiftRow {
  id: number;
  orgUnitId: string;
  date: string;
  code: string;
  startsAt: number;
  status: 'open' | 'handover' | 'sealed';
}

const SHIFT_COLUMNS = 'id, org_unit_id AS orgUnitId, date, code, starts_at AS startsAt, status';

function latestSealHash(db: Db, orgUnitId: string): string {
  const row = db
    .prepare(
      `SELECT d.seal_hash AS sealHash FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? ORDER BY d.id DESC LIMIT 1`,
    )
    .get(orgUnitId) as { sealHash: string } | undefined;
  return row?.sealHash ?? GENESIS_SEAL_HASH;
}

/**
 * Seals a shift: freezes `summary` (canonical JSON), records the two signing chiefs, hashes the
 * entries, chains onto the org unit's latest seal and marks the shift 'sealed' — one transaction.
 * E_NOT_FOUND for an unknown shift, E_CONFLICT when already sealed, E_INVALID unless there are
 * exactly two signers with different ids and non-empty names.
 */
export function sealShift(
  db: Db,
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
    const sealed: SealedShift = {
      shiftId,
      orgUnitId: shift.orgUnitId,
      date: shift.date,
      code: shift.code,
      sealedAt: now,
      entriesHash: entriesHash(db, shiftId),
      summary: canonicalJson(summary),
      signedBy: canonicalJson(signers.map((s) => ({ id: s.id, name: s.name }))),
      prevSealHash: latestSealHash(db, shift.orgUnitId),
    };
    const sealHash = sealHashOf(sealed);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO duty_seals (shift_id, sealed_at, summary, entries_hash, prev_seal_hash, seal_hash, signed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(shiftId, now, sealed.summary, sealed.entriesHash, sealed.prevSealHash, sealHash, sealed.signedBy);
    db.prepare(`UPDATE duty_shifts SET status = 'sealed' WHERE id = ?`).run(shiftId);
    return {
      id: Number(lastInsertRowid),
      shiftId,
      sealedAt: now,
      summary: sealed.summary,
      entriesHash: sealed.entriesHash,
      prevSealHash: sealed.prevSealHash,
      sealHash,
      signedBy: sealed.signedBy,
    };
  })();
}

/** The seal of a shift, if it has one. */
export function sealOf(db: Db, shiftId: number): SealRecord | undefined {
  return db
    .prepare(
      `SELECT id, shift_id AS shiftId, sealed_at AS sealedAt, summary, entries_hash AS entriesHash,
              prev_seal_hash AS prevSealHash, seal_hash AS sealHash, signed_by AS signedBy
       FROM duty_seals WHERE shift_id = ?`,
    )
    .get(shiftId) as SealRecord | undefined;
}

const REASONS: Record<LedgerBreakReason, { zh: string; en: string }> = {
  entries_changed: { zh: '值班日志记录被改动、删除或插入', en: 'log entries were changed, deleted or inserted' },
  chain_broken: { zh: '与上一次封存的链接断开', en: 'the link to the previous seal is broken' },
  seal_mismatch: {
    zh: '封存内容（交接摘要、签名或班次）被改动',
    en: 'the seal (handover summary, signatures or shift) was changed',
  },
  seal_missing: { zh: '班次标为已封存，但封存记录缺失', en: 'the shift is marked sealed but its seal is missing' },
  shift_reopened: { zh: '已封存的班次被改回未封存', en: 'a sealed shift was set back to unsealed' },
};

interface Break {
  shift: ShiftRow;
  reason: LedgerBreakReason;
}

/**
 * Recomputes every seal of `orgUnitId` (default: all org units) and its chain. Intact: how many
 * seals were checked. Broken: the earliest shift (by start time) where a recomputed hash differs
 * or a link or seal is missing, and why.
 */
export function verifyChain(db: Db, orgUnitId?: string): LedgerVerifyResult {
  const units =
    orgUnitId !== undefined
      ? [orgUnitId]
      : (db.prepare('SELECT DISTINCT org_unit_id AS id FROM duty_shifts ORDER BY id').all() as { id: string }[]).map(
          (u) => u.id,
        );
  const breaks: Break[] = [];
  let sealed = 0;
  for (const unit of units) {
    const seals = db
      .prepare(
        `SELECT d.id, d.shift_id AS shiftId, d.sealed_at AS sealedAt, d.summary, d.entries_hash AS entriesHash,
                d.prev_seal_hash AS prevSealHash, d.seal_hash AS sealHash, d.signed_by AS signedBy
         FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
         WHERE s.org_unit_id = ? ORDER BY d.id`,
      )
      .all(unit) as SealRecord[];
    const shiftOf = db.prepare(`SELECT ${SHIFT_COLUMNS} FROM duty_shifts WHERE id = ?`);
    let prev = GENESIS_SEAL_HASH;
    for (const seal of seals) {
      sealed++;
      const shift = shiftOf.get(seal.shiftId) as ShiftRow;
      const recomputed = entriesHash(db, seal.shiftId);
      const reason: LedgerBreakReason | null =
        shift.status !== 'sealed'
          ? 'shift_reopened'
          : recomputed !== seal.entriesHash
            ? 'entries_changed'
            : seal.prevSealHash !== prev
              ? 'chain_broken'
              : sealHashOf({
                    shiftId: shift.id,
                    orgUnitId: shift.orgUnitId,
                    date: shift.date,
                    code: shift.code,
                    sealedAt: seal.sealedAt,
                    entriesHash: recomputed,
                    summary: seal.summary,
                    signedBy: seal.signedBy,
                    prevSealHash: seal.prevSealHash,
                  }) !== seal.sealHash
                ? 'seal_mismatch'
                : null;
      if (reason !== null) breaks.push({ shift, reason });
      prev = seal.sealHash;
    }
    const unsealed = db
      .prepare(
        `SELECT ${SHIFT_COLUMNS} FROM duty_shifts s
         WHERE org_unit_id = ? AND status = 'sealed' AND NOT EXISTS (SELECT 1 FROM duty_seals d WHERE d.shift_id = s.id)`,
      )
      .all(unit) as ShiftRow[];
    for (const shift of unsealed) breaks.push({ shift, reason: 'seal_missing' });
  }
  const first = breaks.sort((a, b) => a.shift.startsAt - b.shift.startsAt || a.shift.id - b.shift.id)[0];
  if (!first) return { ok: true, sealed };
  const { shift, reason } = first;
  return {
    ok: false,
    shiftId: shift.id,
    orgUnitId: shift.orgUnitId,
    date: shift.date,
    code: shift.code,
    reason,
    message: {
      zh: `${shift.date} ${shift.code} 班次（${shift.orgUnitId}）：${REASONS[reason].zh}`,
      en: `Shift ${shift.date} ${shift.code} (${shift.orgUnitId}): ${REASONS[reason].en}`,
    },
  };
}
