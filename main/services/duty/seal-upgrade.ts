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
import type { Db } from '../../db/connection';
import type { AuditRepo } from '../audit/audit-repo';
import { GENESIS_SEAL_HASH, SEAL_SCHEME, entriesHash, keyedSealHash, writeHead, type ShiftFacts } from './seal-content';
import { verifyChain } from './seal-verify';

interface LegacySeal {
  id: number;
  shiftId: number;
  sealedAt: number;
  summary: string;
  signedBy: string;
  sealHash: string;
}

export interface UpgradeOutcome {
  upgraded: string[];
  broken: string[];
}

function resealUnit(db: Db, key: Buffer, unit: string): number {
  const seals = db
    .prepare(
      `SELECT d.id, d.shift_id AS shiftId, d.sealed_at AS sealedAt, d.summary, d.signed_by AS signedBy,
              d.seal_hash AS sealHash
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id WHERE s.org_unit_id = ? ORDER BY d.id`,
    )
    .all(unit) as LegacySeal[];
  const shiftOf = db.prepare(
    `SELECT id, org_unit_id AS orgUnitId, date, code, starts_at AS startsAt, ends_at AS endsAt
     FROM duty_shifts WHERE id = ?`,
  );
  const update = db.prepare(
    `UPDATE duty_seals SET scheme = ?, seq = ?, entries_hash = ?, prev_seal_hash = ?, seal_hash = ?, legacy_hash = ?
     WHERE id = ?`,
  );
  let prev = GENESIS_SEAL_HASH;
  seals.forEach((seal, i) => {
    const shift = shiftOf.get(seal.shiftId) as ShiftFacts;
    const facts = {
      ...seal,
      seq: i + 1,
      entriesHash: entriesHash(db, seal.shiftId),
      prevSealHash: prev,
      legacyHash: seal.sealHash,
    };
    const sealHash = keyedSealHash(db, key, shift, facts);
    update.run(SEAL_SCHEME, facts.seq, facts.entriesHash, prev, sealHash, seal.sealHash, seal.id);
    writeHead(db, key, {
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
export function upgradeLegacySeals(db: Db, key: Buffer, now: number, audit: AuditRepo): UpgradeOutcome {
  const outcome: UpgradeOutcome = { upgraded: [], broken: [] };
  const pending = db.prepare('SELECT org_unit_id AS id FROM duty_seal_upgrade ORDER BY org_unit_id').all() as {
    id: string;
  }[];
  for (const { id: unit } of pending) {
    db.transaction(() => {
      const check = verifyChain(db, key, unit);
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
        const count = resealUnit(db, key, unit);
        record(`${count} 个旧式封存已用本中心密钥重新封存 / ${count} legacy seals re-sealed with the hub key`, true);
        outcome.upgraded.push(unit);
      } else {
        record(`旧式封存链已断，未升级 / legacy seal chain broken, not upgraded: ${check.message.en}`, false);
        outcome.broken.push(unit);
      }
      db.prepare('DELETE FROM duty_seal_upgrade WHERE org_unit_id = ?').run(unit);
    })();
  }
  return outcome;
}
