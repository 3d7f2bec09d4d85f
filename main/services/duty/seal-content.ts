/**
 * What a duty seal covers and how it is hashed (docs/ledger-seal.md#what-is-hashed). Shared by sealing
 * (seal.ts), checking (seal-verify.ts) and the one-time upgrade of unkeyed seals (seal-upgrade.ts).
 *
 * Scheme cityops-duty-seal/2: HMAC-SHA-256 under the hub's seal key (main/security/hub-keys.ts,
 * kept outside the database) over the canonical JSON of everything the console and the printed
 * report show of a sealed shift — the shift (unit, date, code, start and end), every entry with
 * its attachments' hash, name, size and type, the frozen summary exactly as stored (both the
 * handover row the console renders from and the seal's copy), the handover's starter, the signers
 * and signatures, the seal time — plus the unit's seal number and the previous seal's hash.
 * Scheme cityops-duty-seal/1 (before keyed sealing, migration 0120) was an unkeyed SHA-256 over less; it is still read.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connection';
import { AttachmentsRepo } from '../attachments/attachments-repo';

/** `prev_seal_hash` of an org unit's first seal. */
export const GENESIS_SEAL_HASH = '0'.repeat(64);
export const LEGACY_SEAL_SCHEME = 'cityops-duty-seal/1';
export const SEAL_SCHEME = 'cityops-duty-seal/2';
const HEAD_SCHEME = 'cityops-duty-seal-head/2';

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

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

interface EntryRow {
  id: number;
  links: string | null;
}

const ENTRY_COLUMNS = `id, shift_id AS shiftId, at, author_id AS authorId, author_name AS authorName, kind, text,
  corrects_id AS correctsId, links`;

function entryRows(db: Db, shiftId: number): EntryRow[] {
  return db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM duty_log_entries WHERE shift_id = ? ORDER BY id`)
    .all(shiftId) as EntryRow[];
}

/** Scheme /1: SHA-256 over the canonical JSON of the shift's entries as stored (no attachments). */
export function legacyEntriesHash(db: Db, shiftId: number): string {
  return sha256(canonicalJson(entryRows(db, shiftId)));
}

function attachmentIds(links: string | null): unknown[] {
  if (links === null) return [];
  try {
    const ids = (JSON.parse(links) as { attachmentIds?: unknown }).attachmentIds;
    return Array.isArray(ids) ? ids : [];
  } catch {
    return []; // the raw text is hashed anyway
  }
}

/**
 * Scheme /2: SHA-256 over the canonical JSON of the shift's entries as stored, each with the
 * attachments it links (content hash, name, type, size, kind, creation) — a missing attachment
 * is hashed as missing.
 */
export function entriesHash(db: Db, shiftId: number): string {
  // The attachments domain's row (content hash, name, type, size, kind, creator, creation): the
  // hash is over canonical JSON, so only the values count, not the order of the columns. Links are
  // numbers when written (dutyLogLinksSchema); a tampered value is bound to SQLite as it always was.
  const attachments = new AttachmentsRepo(db);
  const rows = entryRows(db, shiftId).map((row) => ({
    ...row,
    attachments: attachmentIds(row.links).map((id) => attachments.byId(id as number) ?? { id, missing: true }),
  }));
  return sha256(canonicalJson(rows));
}

export interface ShiftFacts {
  id: number;
  orgUnitId: string;
  date: string;
  code: string;
  startsAt: number;
  endsAt: number;
}

/** The stored columns of a seal that its hash covers. */
export interface SealFacts {
  sealedAt: number;
  summary: string;
  signedBy: string;
  entriesHash: string;
  prevSealHash: string;
}

/** Scheme /1 seal hash (what seals made before keyed sealing hold). */
export function legacySealHash(shift: ShiftFacts, seal: SealFacts): string {
  return sha256(
    canonicalJson({
      scheme: LEGACY_SEAL_SCHEME,
      shiftId: shift.id,
      orgUnitId: shift.orgUnitId,
      date: shift.date,
      code: shift.code,
      sealedAt: seal.sealedAt,
      entriesHash: seal.entriesHash,
      summary: seal.summary,
      signedBy: seal.signedBy,
      prevSealHash: seal.prevSealHash,
    }),
  );
}

/** The handover rows of a shift, as stored: the console renders the summary and signatures from them. */
function handoverRows(db: Db, shiftId: number) {
  const handover =
    db
      .prepare(
        `SELECT started_by AS startedBy, started_by_name AS startedByName, started_at AS startedAt, summary
         FROM duty_handovers WHERE shift_id = ?`,
      )
      .get(shiftId) ?? null;
  const signatures = db
    .prepare(
      `SELECT side, user_id AS userId, user_name AS userName, signed_at AS signedAt
       FROM duty_handover_signatures WHERE shift_id = ? ORDER BY side`,
    )
    .all(shiftId);
  return { handover, signatures };
}

/** Scheme /2 seal hash: the keyed HMAC over the shift, its seal's columns and its handover rows. */
export function keyedSealHash(
  db: Db,
  key: Buffer,
  shift: ShiftFacts,
  seal: SealFacts & { seq: number; legacyHash: string | null },
): string {
  return hmac(
    key,
    canonicalJson({
      scheme: SEAL_SCHEME,
      seq: seal.seq,
      shift: {
        id: shift.id,
        orgUnitId: shift.orgUnitId,
        date: shift.date,
        code: shift.code,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
      },
      sealedAt: seal.sealedAt,
      entriesHash: seal.entriesHash,
      summary: seal.summary,
      signedBy: seal.signedBy,
      ...handoverRows(db, shift.id),
      prevSealHash: seal.prevSealHash,
      legacyHash: seal.legacyHash,
    }),
  );
}

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

export function headMac(key: Buffer, head: HeadFacts): string {
  return hmac(key, canonicalJson({ scheme: HEAD_SCHEME, ...head }));
}

/** Points the unit's chain head at its newest seal (inside the sealing transaction). */
export function writeHead(db: Db, key: Buffer, head: HeadFacts): void {
  db.prepare(
    `INSERT INTO duty_seal_heads (org_unit_id, seq, seal_id, shift_id, shift_date, shift_code, shift_starts_at, seal_hash, mac)
     VALUES (@orgUnitId, @seq, @sealId, @shiftId, @shiftDate, @shiftCode, @shiftStartsAt, @sealHash, @mac)
     ON CONFLICT (org_unit_id) DO UPDATE SET seq = excluded.seq, seal_id = excluded.seal_id,
       shift_id = excluded.shift_id, shift_date = excluded.shift_date, shift_code = excluded.shift_code,
       shift_starts_at = excluded.shift_starts_at, seal_hash = excluded.seal_hash, mac = excluded.mac`,
  ).run({ ...head, mac: headMac(key, head) });
}

export function readHead(db: Db, orgUnitId: string): (HeadFacts & { mac: string }) | undefined {
  return db
    .prepare(
      `SELECT org_unit_id AS orgUnitId, seq, seal_id AS sealId, shift_id AS shiftId, shift_date AS shiftDate,
              shift_code AS shiftCode, shift_starts_at AS shiftStartsAt, seal_hash AS sealHash, mac
       FROM duty_seal_heads WHERE org_unit_id = ?`,
    )
    .get(orgUnitId) as (HeadFacts & { mac: string }) | undefined;
}
