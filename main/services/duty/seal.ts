/**
 * Sealing a shift at handover (docs/ledger-seal.md#the-handover-and-the-seal).
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
import type { DutyStore } from './duty-store';
import {
  GENESIS_SEAL_HASH,
  SEAL_SCHEME,
  canonicalJson,
  entriesHash,
  keyedSealHash,
  writeHead,
  type ShiftFacts,
} from './seal-content';
import type { SealRow } from './seal-repo';

export { GENESIS_SEAL_HASH, LEGACY_SEAL_SCHEME, SEAL_SCHEME, canonicalJson } from './seal-content';
export { verifyChain } from './seal-verify';

export interface Signer {
  id: number;
  /** The display name the console and the report show. */
  name: string;
  username?: string;
}

/** A seal as stored: summary and signers as canonical JSON; seq null on a legacy unkeyed seal. */
export type SealRecord = SealRow;

/** What sealing reads and writes: shift rows, seals, the ledger's sealed content and heads, attachments. */
export type SealStore = Pick<DutyStore, 'log' | 'seals' | 'ledger' | 'attachments'>;

interface ShiftRow extends ShiftFacts {
  status: 'open' | 'handover' | 'sealed';
}

/** The unit's newest seal: its hash, number and how many seals the unit has. */
function newestSeal(store: SealStore, orgUnitId: string): { sealHash: string; seq: number } {
  const row = store.seals.newest(orgUnitId);
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
  store: SealStore,
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
  return store.seals.transaction(() => {
    const shift: ShiftRow | undefined = store.log.shift(shiftId);
    if (!shift) throw apiError('E_NOT_FOUND', `班次 ${shiftId} 不存在`, `Shift ${shiftId} does not exist`);
    if (shift.status === 'sealed') {
      throw apiError('E_CONFLICT', '该班次已封存', 'The shift is already sealed', { shiftId });
    }
    const previous = newestSeal(store, shift.orgUnitId);
    const facts = {
      sealedAt: now,
      summary: canonicalJson(summary),
      signedBy: canonicalJson(signers.map((s) => ({ id: s.id, name: s.name, username: s.username ?? null }))),
      entriesHash: entriesHash(store, shiftId),
      prevSealHash: previous.sealHash,
      seq: previous.seq + 1,
      legacyHash: null,
    };
    const sealHash = keyedSealHash(store, sealKey, shift, facts);
    const id = store.seals.insert({ shiftId, ...facts, sealHash, scheme: SEAL_SCHEME });
    writeHead(store.ledger, sealKey, {
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
  });
}

/** The seal of a shift, if it has one. */
export function sealOf(store: Pick<DutyStore, 'seals'>, shiftId: number): SealRecord | undefined {
  return store.seals.ofShift(shiftId);
}

/**
 * The unit's newest seal as the database holds it now (for the printed report); undefined while
 * the unit has no numbered seal. `verifyChain` checks it against the keyed chain head.
 */
export function chainHead(store: Pick<DutyStore, 'seals'>, orgUnitId: string): ChainHead | undefined {
  return store.seals.chainHead(orgUnitId);
}
