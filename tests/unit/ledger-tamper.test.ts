/**
 * The duty ledger against someone who edits the database file by hand: three
 * center shifts are sealed through the real handover flow, the hub is closed, and each attack is
 * made on a copy of its data folder with better-sqlite3 directly (triggers dropped). The check
 * must name the right shift and reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerVerifyResult } from '../../common/contract/duty-log';
import { DB_FILE_NAME } from '../../main/db/connection';
import { loadHubKeys } from '../../main/security/hub-keys';
import {
  LEGACY_SEAL_SCHEME,
  entriesHash,
  keyedSealHash,
  legacyEntriesHash,
  legacySealHash,
  type ShiftFacts,
} from '../../main/services/duty/seal-content';
import { dutyStore } from '../../main/services/duty/duty-store';
import { verifyChain } from '../../main/services/duty/seal-verify';
import { rosterNextChief } from '../helpers/duty-handover';
import { demoHub, ok, signedIn, tempDir, testClock, type TestConnection } from '../helpers/hub';
import { pdfPageTexts } from '../helpers/pdf-text';
import type { Hub } from '../../main/hub';

/** Thu 2026-11-26 10:00 Shanghai: the center's day shift. */
const START = Date.UTC(2026, 10, 26, 2, 0, 0);
const HOUR = 3600_000;
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Sealed {
  id: number;
  date: string;
  code: string;
}

let base = '';
const shifts: Sealed[] = [];
let attachmentId = 0;
const copies: string[] = [];

async function handOver(hub: Hub, chief: TestConnection, chief2: TestConnection, notes: string): Promise<Sealed> {
  const current = await ok(hub, chief, 'duty.handover.current', {});
  const checklist = (await ok(hub, chief, 'duty.checklist.get', {})).map((i) => ({ id: i.id, done: true, note: '' }));
  const started = await ok(hub, chief, 'duty.handover.start', {
    shiftId: current.shift.id,
    checklist,
    notes,
    doneAssigned: [],
  });
  await rosterNextChief(hub, chief, started, 'chief2');
  const sign = { shiftId: current.shift.id, password: 'Demo#2026' };
  await ok(hub, chief, 'duty.handover.sign', { ...sign, side: 'outgoing', username: 'chief' });
  const sealed = await ok(hub, chief2, 'duty.handover.sign', { ...sign, side: 'incoming', username: 'chief2' });
  expect(sealed.shift.status).toBe('sealed');
  return { id: sealed.shift.id, date: sealed.shift.date, code: sealed.shift.code };
}

beforeAll(async () => {
  base = tempDir('cityops-ledger-');
  const clock = testClock(START);
  // Each shift is sealed at 10:00, 18:00 and 02:00: the handover open all through the shift.
  const hub = await demoHub({
    dataDir: base,
    clock,
    alertSweepMs: 0,
    dutySweepMs: 0,
    handoverOpensBeforeMinutes: 8 * 60,
  });
  try {
    for (let i = 1; i <= 3; i++) {
      // Fresh sessions each shift: a session lasts 12 hours.
      const [chief, chief2, monitor] = await Promise.all(['chief', 'chief2', 'monitor'].map((u) => signedIn(hub, u)));
      await ok(hub, monitor!, 'duty.log.append', { kind: 'duty', text: `第${i}班 巡查井盖破损` });
      if (i === 2) {
        const { uploadId } = await ok(hub, monitor!, 'attachments.begin', { name: '井盖.png', size: PNG_1x1.length });
        await ok(hub, monitor!, 'attachments.chunk', { uploadId, index: 0, dataBase64: PNG_1x1.toString('base64') });
        attachmentId = (await ok(hub, monitor!, 'attachments.finish', { uploadId })).id;
        await ok(hub, monitor!, 'duty.log.append', {
          kind: 'equipment',
          text: '第2班 井盖照片',
          links: { attachmentIds: [attachmentId] },
        });
      }
      shifts.push(await handOver(hub, chief!, chief2!, `交接 ${i}：夜间注意积水点`));
      clock.advance(8 * HOUR);
    }
  } finally {
    hub.close();
  }
}, 120_000);

afterAll(() => {
  for (const dir of [base, ...copies]) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the sealed data folder, its database opened directly, and a check with the real key. */
function tamper() {
  const dir = tempDir('cityops-ledger-attack-');
  copies.push(dir);
  fs.cpSync(base, dir, { recursive: true });
  const db = new Database(path.join(dir, DB_FILE_NAME));
  const key = loadHubKeys(dir).sealKey;
  const verify = (): LedgerVerifyResult => verifyChain(dutyStore(db), key);
  return { dir, db, key, verify };
}

function shift(i: number): Sealed {
  const s = shifts[i];
  if (!s) throw new Error(`no shift ${i}`);
  return s;
}

/** What the check must answer: the shift (by id, date and code) and the reason. */
function broken(i: number, reason: string) {
  const s = shift(i);
  return { ok: false, shiftId: s.id, date: s.date, code: s.code, orgUnitId: 'HQ-C', reason };
}

/** Drops every trigger; answers a function that puts them back. */
function dropTriggers(db: Database.Database): () => void {
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
    name: string;
    sql: string;
  }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  return () => {
    for (const { sql } of triggers) db.exec(sql);
  };
}

/** Deletes a shift with everything hanging off it (as an attacker covering tracks would). */
function deleteShift(db: Database.Database, shiftId: number): void {
  db.prepare('DELETE FROM duty_seals WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_handover_signatures WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_handovers WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_log_entries WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_shifts WHERE id = ?').run(shiftId);
}

interface SealRow {
  id: number;
  shiftId: number;
  sealedAt: number;
  summary: string;
  signedBy: string;
  seq: number;
}

function sealRows(db: Database.Database): (SealRow & { shift: ShiftFacts })[] {
  const rows = db
    .prepare(
      `SELECT id, shift_id AS shiftId, sealed_at AS sealedAt, summary, signed_by AS signedBy, seq
       FROM duty_seals ORDER BY id`,
    )
    .all() as SealRow[];
  const shiftOf = db.prepare(
    `SELECT id, org_unit_id AS orgUnitId, date, code, starts_at AS startsAt, ends_at AS endsAt FROM duty_shifts WHERE id = ?`,
  );
  return rows.map((r) => ({ ...r, shift: shiftOf.get(r.shiftId) as ShiftFacts }));
}

/** Rewrites the text of the second shift's first entry. */
function rewriteEntry(db: Database.Database): void {
  db.prepare(`UPDATE duty_log_entries SET text = '第2班 一切正常' WHERE shift_id = ? AND kind = 'duty'`).run(
    shift(1).id,
  );
}

describe('duty ledger tamper evidence', () => {
  it('verifies the untouched chain and answers its head', () => {
    const { db, verify } = tamper();
    const result = verify();
    const newest = db.prepare('SELECT seal_hash FROM duty_seals WHERE shift_id = ?').pluck().get(shift(2).id);
    expect(result).toEqual({
      ok: true,
      sealed: 3,
      heads: [
        { orgUnitId: 'HQ-C', shiftId: shift(2).id, date: shift(2).date, code: shift(2).code, seq: 3, sealHash: newest },
      ],
    });
    expect(db.prepare('SELECT seq FROM duty_seals ORDER BY id').pluck().all()).toEqual([1, 2, 3]);
    db.close();
  });

  it('names the shift whose start or end time was edited', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare('UPDATE duty_shifts SET ends_at = ends_at + ? WHERE id = ?').run(HOUR, shift(1).id);
    expect(verify()).toMatchObject(broken(1, 'seal_mismatch'));
    db.close();

    const again = tamper();
    dropTriggers(again.db);
    again.db.prepare('UPDATE duty_shifts SET starts_at = starts_at - ? WHERE id = ?').run(HOUR, shift(0).id);
    expect(again.verify()).toMatchObject(broken(0, 'seal_mismatch'));
    again.db.close();
  });

  it('names the shift whose frozen summary was edited (the text the console and the report show)', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare(
      `UPDATE duty_handovers SET summary = replace(summary, '夜间注意积水点', '一切正常') WHERE shift_id = ?`,
    ).run(shift(1).id);
    expect(verify()).toMatchObject(broken(1, 'seal_mismatch'));
    db.close();

    const copy = tamper();
    dropTriggers(copy.db);
    copy.db
      .prepare(`UPDATE duty_seals SET summary = replace(summary, '夜间注意积水点', '一切正常') WHERE shift_id = ?`)
      .run(shift(2).id);
    expect(copy.verify()).toMatchObject(broken(2, 'seal_mismatch'));
    copy.db.close();
  });

  it('names the shift whose signer’s name was edited', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare(`UPDATE duty_handover_signatures SET user_name = '赵某' WHERE shift_id = ? AND side = 'incoming'`).run(
      shift(0).id,
    );
    expect(verify()).toMatchObject(broken(0, 'seal_mismatch'));
    db.close();
  });

  it('names the shift whose attachment’s content hash was edited', () => {
    const { db, verify } = tamper();
    db.prepare('UPDATE attachments SET sha256 = ? WHERE id = ?').run('0'.repeat(64), attachmentId);
    expect(verify()).toMatchObject(broken(1, 'entries_changed'));
    db.close();
  });

  it('detects the newest shift deleted with its seal (tail truncation), with or without the head', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    deleteShift(db, shift(2).id);
    const result = verify();
    expect(result).toMatchObject(broken(2, 'chain_truncated'));
    expect(result.heads?.[0]).toMatchObject({ seq: 3, shiftId: shift(2).id });
    expect(result.ok ? '' : result.message.zh).toContain('第 3 号封存');

    db.prepare('DELETE FROM duty_seal_heads').run();
    expect(verify()).toMatchObject(broken(1, 'head_invalid'));
    db.close();
  });

  it('names a deleted middle seal’s own shift, even when its shift was reopened to hide it', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare('DELETE FROM duty_seals WHERE shift_id = ?').run(shift(1).id);
    expect(verify()).toMatchObject(broken(1, 'seal_missing'));

    db.prepare(`UPDATE duty_shifts SET status = 'open' WHERE id = ?`).run(shift(1).id);
    db.prepare('DELETE FROM duty_handover_signatures WHERE shift_id = ?').run(shift(1).id);
    db.prepare('DELETE FROM duty_handovers WHERE shift_id = ?').run(shift(1).id);
    const result = verify();
    expect(result).toMatchObject(broken(1, 'seal_gap'));
    expect(result.ok ? '' : result.message.en).toContain('seal no. 2');
    db.close();
  });

  it('refuses a rewritten entry with every later seal recomputed without the key or with a wrong key', () => {
    // Unkeyed: the scheme is public, so an attacker recomputes the SHA-256 of the same content.
    const unkeyed = tamper();
    dropTriggers(unkeyed.db);
    rewriteEntry(unkeyed.db);
    let prev = '';
    for (const seal of sealRows(unkeyed.db)) {
      if (seal.seq < 2) {
        prev = unkeyed.db.prepare('SELECT seal_hash FROM duty_seals WHERE id = ?').pluck().get(seal.id) as string;
        continue;
      }
      const facts = {
        ...seal,
        entriesHash: entriesHash(dutyStore(unkeyed.db), seal.shiftId),
        prevSealHash: prev,
        legacyHash: null,
      };
      // Keyed with the empty key: what "the hash has no key" amounts to.
      const hash = keyedSealHash(dutyStore(unkeyed.db), Buffer.alloc(0), seal.shift, facts);
      unkeyed.db
        .prepare('UPDATE duty_seals SET entries_hash = ?, prev_seal_hash = ?, seal_hash = ? WHERE id = ?')
        .run(facts.entriesHash, prev, hash, seal.id);
      prev = hash;
    }
    expect(unkeyed.verify()).toMatchObject(broken(1, 'seal_mismatch'));
    unkeyed.db.close();

    const wrongKey = tamper();
    dropTriggers(wrongKey.db);
    rewriteEntry(wrongKey.db);
    const guess = Buffer.alloc(32, 1);
    prev = '';
    for (const seal of sealRows(wrongKey.db)) {
      if (seal.seq < 2) {
        prev = wrongKey.db.prepare('SELECT seal_hash FROM duty_seals WHERE id = ?').pluck().get(seal.id) as string;
        continue;
      }
      const facts = {
        ...seal,
        entriesHash: entriesHash(dutyStore(wrongKey.db), seal.shiftId),
        prevSealHash: prev,
        legacyHash: null,
      };
      const hash = keyedSealHash(dutyStore(wrongKey.db), guess, seal.shift, facts);
      wrongKey.db
        .prepare('UPDATE duty_seals SET entries_hash = ?, prev_seal_hash = ?, seal_hash = ? WHERE id = ?')
        .run(facts.entriesHash, prev, hash, seal.id);
      prev = hash;
    }
    wrongKey.db.prepare('UPDATE duty_seal_heads SET seal_hash = ?').run(prev);
    expect(wrongKey.verify()).toMatchObject(broken(1, 'seal_mismatch'));
    wrongKey.db.close();
  });

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
    const hub = await demoHub({
      dataDir: intact.dir,
      clock: testClock(START + 30 * HOUR),
      alertSweepMs: 0,
      dutySweepMs: 0,
    });
    try {
      const chief = await signedIn(hub, 'chief');
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
    } finally {
      hub.close();
    }

    const brokenCopy = legacy(true);
    const hub2 = await demoHub({
      dataDir: brokenCopy.dir,
      clock: testClock(START + 30 * HOUR),
      alertSweepMs: 0,
      dutySweepMs: 0,
    });
    try {
      const chief = await signedIn(hub2, 'chief');
      expect(await ok(hub2, chief, 'duty.ledger.verify', {})).toMatchObject(broken(1, 'entries_changed'));
      expect(hub2.db.prepare('SELECT DISTINCT scheme FROM duty_seals').pluck().all()).toEqual([LEGACY_SEAL_SCHEME]);
    } finally {
      hub2.close();
    }
  }, 60_000);

  it('prints the unit’s chain head on every handover report', async () => {
    const { dir, db } = tamper();
    const newest = db.prepare('SELECT seal_hash FROM duty_seals WHERE shift_id = ?').pluck().get(shift(2).id) as string;
    db.close();
    const hub = await demoHub({ dataDir: dir, clock: testClock(START + 30 * HOUR), alertSweepMs: 0, dutySweepMs: 0 });
    try {
      const chief = await signedIn(hub, 'chief');
      // The oldest shift's report carries the head as it is when printed: seal no. 3.
      const pdf = await ok(hub, chief, 'duty.handover.report', { shiftId: shift(0).id });
      const text = (await pdfPageTexts(new Uint8Array(Buffer.from(pdf.dataBase64, 'base64'))))
        .join('')
        .replace(/\s/g, '');
      expect(text).toContain(`台账链头合庆镇城市运行综合管理中心第3号封存${shift(2).date}`);
      expect(text).toContain(newest.slice(0, 16));
      expect(text).toContain('封存编号第1号');
    } finally {
      hub.close();
    }
  });
});
