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
import type { DutyStore } from './duty-store';
import type { HeadFacts, LedgerRepo } from './ledger-repo';

export type { HeadFacts } from './ledger-repo';

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

/** Where the sealed content is read: the ledger's rows and the attachments the entries link. */
export type SealSource = Pick<DutyStore, 'ledger' | 'attachments'>;

/** Scheme /1: SHA-256 over the canonical JSON of the shift's entries as stored (no attachments). */
export function legacyEntriesHash(source: SealSource, shiftId: number): string {
  return sha256(canonicalJson(source.ledger.sealedEntries(shiftId)));
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
export function entriesHash(source: SealSource, shiftId: number): string {
  // The attachments domain's row (content hash, name, type, size, kind, creator, creation): the
  // hash is over canonical JSON, so only the values count, not the order of the columns. Links are
  // numbers when written (dutyLogLinksSchema); a tampered value is bound to SQLite as it always was.
  const rows = source.ledger.sealedEntries(shiftId).map((row) => ({
    ...row,
    attachments: attachmentIds(row.links).map((id) => source.attachments.byId(id as number) ?? { id, missing: true }),
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

/** Scheme /2 seal hash: the keyed HMAC over the shift, its seal's columns and its handover rows. */
export function keyedSealHash(
  source: SealSource,
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
      // The handover rows as stored: the console renders the summary and signatures from them.
      ...source.ledger.sealedHandover(shift.id),
      prevSealHash: seal.prevSealHash,
      legacyHash: seal.legacyHash,
    }),
  );
}

export function headMac(key: Buffer, head: HeadFacts): string {
  return hmac(key, canonicalJson({ scheme: HEAD_SCHEME, ...head }));
}

/** Points the unit's chain head at its newest seal (inside the sealing transaction). */
export function writeHead(ledger: LedgerRepo, key: Buffer, head: HeadFacts): void {
  ledger.writeHead({ ...head, mac: headMac(key, head) });
}
