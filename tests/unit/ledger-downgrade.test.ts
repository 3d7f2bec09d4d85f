/**
 * The duty ledger against a downgrade to unkeyed seals, the one-time upgrade of legacy chains, and the
 * chain head printed on every handover report (the sealed ledger of tests/helpers/ledger-tamper.ts).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../main/db/connection';
import { LEGACY_SEAL_SCHEME, legacyEntriesHash, legacySealHash } from '../../main/services/duty/seal-content';
import { dutyStore } from '../../main/services/duty/duty-store';
import { verifyChain } from '../../main/services/duty/seal-verify';
import type { Hub } from '../../main/hub';
import { demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';
import { pdfPageTexts } from '../helpers/pdf-text';
import {
  HOUR,
  START,
  broken,
  dropTriggers,
  rewriteEntry,
  sealRows,
  shift,
  tamper,
  useSealedLedger,
} from '../helpers/ledger-tamper';

useSealedLedger();

describe('duty ledger tamper evidence', () => {
  it('detects keyed seals rewritten in the unkeyed legacy scheme (downgrade)', () => {
    const downgrade = (dropHead: boolean) => {
      const { db, verify } = tamper();
      dropTriggers(db);
      rewriteEntry(db);
      let prev = '0'.repeat(64);
      for (const seal of sealRows(db)) {
        const facts = { ...seal, entriesHash: legacyEntriesHash(dutyStore(db), seal.shiftId), prevSealHash: prev };
        const hash = legacySealHash(seal.shift, facts);
        db.prepare(
          `UPDATE duty_seals SET scheme = ?, seq = NULL, entries_hash = ?, prev_seal_hash = ?, seal_hash = ?,
             legacy_hash = NULL WHERE id = ?`,
        ).run(LEGACY_SEAL_SCHEME, facts.entriesHash, prev, hash, seal.id);
        prev = hash;
      }
      if (dropHead) db.prepare('DELETE FROM duty_seal_heads').run();
      const result = verify();
      db.close();
      return result;
    };
    expect(downgrade(false)).toMatchObject(broken(0, 'downgraded'));
    expect(downgrade(true)).toMatchObject(broken(0, 'downgraded'));

    // Only the newest seal downgraded: named there.
    const { db, verify } = tamper();
    dropTriggers(db);
    const newest = sealRows(db).at(-1)!;
    const prev = db.prepare('SELECT prev_seal_hash FROM duty_seals WHERE id = ?').pluck().get(newest.id) as string;
    const facts = { ...newest, entriesHash: legacyEntriesHash(dutyStore(db), newest.shiftId), prevSealHash: prev };
    db.prepare('UPDATE duty_seals SET scheme = ?, entries_hash = ?, seal_hash = ? WHERE id = ?').run(
      LEGACY_SEAL_SCHEME,
      facts.entriesHash,
      legacySealHash(newest.shift, facts),
      newest.id,
    );
    expect(verify()).toMatchObject(broken(2, 'downgraded'));
    db.close();
  });

  it('upgrades an intact legacy chain once at the next start, and leaves a broken one to be reported', async () => {
    const legacy = (breakIt: boolean) => {
      const copy = tamper();
      const { db } = copy;
      const restore = dropTriggers(db);
      let prev = '0'.repeat(64);
      for (const seal of sealRows(db)) {
        const facts = { ...seal, entriesHash: legacyEntriesHash(dutyStore(db), seal.shiftId), prevSealHash: prev };
        const hash = legacySealHash(seal.shift, facts);
        db.prepare(
          `UPDATE duty_seals SET scheme = ?, seq = NULL, entries_hash = ?, prev_seal_hash = ?, seal_hash = ? WHERE id = ?`,
        ).run(LEGACY_SEAL_SCHEME, facts.entriesHash, prev, hash, seal.id);
        prev = hash;
      }
      db.prepare('DELETE FROM duty_seal_heads').run();
      // As migration 0120 leaves a database that had seals before it.
      db.prepare(`INSERT INTO duty_seal_upgrade (org_unit_id) VALUES ('HQ-C')`).run();
      if (breakIt) rewriteEntry(db);
      // The upgrade runs under the triggers as migration 0120 left them.
      restore();
      db.close();
      return copy;
    };

    const intact = legacy(false);
    const before = new Database(path.join(intact.dir, DB_FILE_NAME));
    const legacyHashes = before.prepare('SELECT seal_hash FROM duty_seals ORDER BY id').pluck().all();
    expect(verifyChain(dutyStore(before), intact.key)).toMatchObject({ ok: true, sealed: 3, heads: [] });
    before.close();
    await onCopy(intact.dir, async (hub, chief) => {
      expect(await ok(hub, chief, 'duty.ledger.verify', {})).toMatchObject({
        ok: true,
        sealed: 3,
        heads: [{ seq: 3 }],
      });
      const rows = hub.db.prepare('SELECT scheme, seq, legacy_hash AS legacyHash FROM duty_seals ORDER BY id').all();
      expect(rows).toEqual(legacyHashes.map((h, i) => ({ scheme: 'cityops-duty-seal/2', seq: i + 1, legacyHash: h })));
      expect(hub.db.prepare(`SELECT count(*) FROM audit_log WHERE method = 'duty.ledger.upgrade'`).pluck().get()).toBe(
        1,
      );
      expect(hub.db.prepare('SELECT count(*) FROM duty_seal_upgrade').pluck().get()).toBe(0);
    });

    const brokenCopy = legacy(true);
    await onCopy(brokenCopy.dir, async (hub, chief) => {
      expect(await ok(hub, chief, 'duty.ledger.verify', {})).toMatchObject(broken(1, 'entries_changed'));
      expect(hub.db.prepare('SELECT DISTINCT scheme FROM duty_seals').pluck().all()).toEqual([LEGACY_SEAL_SCHEME]);
    });
  }, 60_000);

  it('prints the unit’s chain head on every handover report', async () => {
    const { dir, db } = tamper();
    const newest = db.prepare('SELECT seal_hash FROM duty_seals WHERE shift_id = ?').pluck().get(shift(2).id) as string;
    db.close();
    await onCopy(dir, async (hub, chief) => {
      // The oldest shift's report carries the head as it is when printed: seal no. 3.
      const pdf = await ok(hub, chief, 'duty.handover.report', { shiftId: shift(0).id });
      const text = (await pdfPageTexts(new Uint8Array(Buffer.from(pdf.dataBase64, 'base64'))))
        .join('')
        .replace(/\s/g, '');
      expect(text).toContain(`台账链头合庆镇城市运行综合管理中心第3号封存${shift(2).date}`);
      expect(text).toContain(newest.slice(0, 16));
      expect(text).toContain('封存编号第1号');
    });
  });
});

/** Runs `check` on a hub opened on the ledger copy in `dir` (30 h after START, sweeps off) as the duty chief. */
async function onCopy(dir: string, check: (hub: Hub, chief: TestConnection) => Promise<void>): Promise<void> {
  const hub = await demoHub({ dataDir: dir, clock: testClock(START + 30 * HOUR), alertSweepMs: 0, dutySweepMs: 0 });
  try {
    await check(hub, await signedIn(hub, 'chief'));
  } finally {
    hub.close();
  }
}
