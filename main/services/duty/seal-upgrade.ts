/**
 * The one-time upgrade of seals made before keyed sealing (unkeyed scheme /1) to keyed seals (/2).
 *
 * Migration 0120 lists every unit that had seals then (duty_seal_upgrade). At the next start the
 * hub checks each listed unit's /1 chain: intact, it re-seals it in order under the seal key —
 * numbering the seals, hashing the entries with their attachments, keeping each old hash in
 * `legacy_hash` so reports printed before still match — and writes the chain head; broken, it
 * leaves the chain as it is, so `verify-ledger` keeps naming the break. Either way the unit leaves
 * the list and one audit row records what happened. New seals are keyed from then on.
 */
import type { AuditRepo } from '../audit/audit-repo';
import type { DutyStore } from './duty-store';
import { GENESIS_SEAL_HASH, SEAL_SCHEME, entriesHash, keyedSealHash, writeHead } from './seal-content';
import { verifyChain } from './seal-verify';

export interface UpgradeOutcome {
  upgraded: string[];
  broken: string[];
}

/** What the upgrade reads and writes: the ledger and the attachments its entries link. */
export type UpgradeStore = Pick<DutyStore, 'ledger' | 'attachments'>;

function resealUnit(store: UpgradeStore, key: Buffer, unit: string): number {
  const { ledger } = store;
  const seals = ledger.unitSeals(unit, true, SEAL_SCHEME);
  let prev = GENESIS_SEAL_HASH;
  seals.forEach((seal, i) => {
    const shift = ledger.shift(seal.shiftId);
    if (!shift) throw new Error(`seal ${seal.id} names no shift`); // duty_seals.shift_id is a foreign key
    const facts = {
      ...seal,
      seq: i + 1,
      entriesHash: entriesHash(store, seal.shiftId),
      prevSealHash: prev,
      legacyHash: seal.sealHash,
    };
    const sealHash = keyedSealHash(store, key, shift, facts);
    ledger.reseal(seal.id, { ...facts, scheme: SEAL_SCHEME, sealHash });
    writeHead(ledger, key, {
      orgUnitId: unit,
      seq: facts.seq,
      sealId: seal.id,
      shiftId: shift.id,
      shiftDate: shift.date,
      shiftCode: shift.code,
      shiftStartsAt: shift.startsAt,
      sealHash,
    });
    prev = sealHash;
  });
  return seals.length;
}

/** Runs the pending upgrade (at hub start); a no-op once every listed unit was handled. */
export function upgradeLegacySeals(store: UpgradeStore, key: Buffer, now: number, audit: AuditRepo): UpgradeOutcome {
  const outcome: UpgradeOutcome = { upgraded: [], broken: [] };
  for (const unit of store.ledger.pendingUpgrades()) {
    store.ledger.transaction(() => {
      const check = verifyChain(store, key, unit);
      const record = (summary: string, ok: boolean) =>
        audit.append({
          at: now,
          actorId: null,
          actorName: '系统',
          method: 'duty.ledger.upgrade',
          target: unit,
          summary,
          ok,
          errorCode: ok ? null : 'E_CONFLICT',
        });
      if (check.ok) {
        const count = resealUnit(store, key, unit);
        record(`${count} 个旧式封存已用本中心密钥重新封存 / ${count} legacy seals re-sealed with the hub key`, true);
        outcome.upgraded.push(unit);
      } else {
        record(`旧式封存链已断，未升级 / legacy seal chain broken, not upgraded: ${check.message.en}`, false);
        outcome.broken.push(unit);
      }
      store.ledger.upgradeDone(unit);
    });
  }
  return outcome;
}
