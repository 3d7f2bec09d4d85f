/**
 * The sealed ledger the tamper suites attack (ledger-tamper, ledger-downgrade): three center shifts
 * sealed through the real handover flow once per file (`useSealedLedger()`), and a copy of the data folder per attack.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LedgerVerifyResult } from '../../common/contract/duty-log';
import { DB_FILE_NAME } from '../../main/db/connection';
import { loadHubKeys } from '../../main/security/hub-keys';
import type { ShiftFacts } from '../../main/services/duty/seal-content';
import { dutyStore } from '../../main/services/duty/duty-store';
import { verifyChain } from '../../main/services/duty/seal-verify';
import { rosterNextChief } from './duty-handover';
import { demoHub, ok, signedIn, tempDir, testClock, type TestConnection } from './hub';
import type { Hub } from '../../main/hub';
import { PNG_1x1 } from './attachment-samples';

/** Thu 2026-11-26 10:00 Shanghai: the center's day shift. */
export const START = Date.UTC(2026, 10, 26, 2, 0, 0);
export const HOUR = 3600_000;

export interface Sealed {
  id: number;
  date: string;
  code: string;
}

export let base = '';
export const shifts: Sealed[] = [];
export let attachmentId = 0;
export const copies: string[] = [];

export async function handOver(
  hub: Hub,
  chief: TestConnection,
  chief2: TestConnection,
  notes: string,
): Promise<Sealed> {
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

/**
 * Seals the ledger once for the calling file and removes every copy after it. Called by each file, not run on
 * import: test files share a worker's module cache (vitest.config.ts), so hooks registered at a helper's top level
 * would be registered for the first file that imports it only.
 */
export function useSealedLedger(): void {
  beforeAll(sealLedger, 120_000);
  afterAll(() => {
    for (const dir of [base, ...copies]) fs.rmSync(dir, { recursive: true, force: true });
    copies.length = 0;
  });
}

async function sealLedger(): Promise<void> {
  shifts.length = 0;
  attachmentId = 0;
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
}

/** A copy of the sealed data folder, its database opened directly, and a check with the real key. */
export function tamper(): {
  dir: string;
  db: Database.Database;
  key: Buffer;
  verify: () => LedgerVerifyResult;
} {
  const dir = tempDir('cityops-ledger-attack-');
  copies.push(dir);
  fs.cpSync(base, dir, { recursive: true });
  const db = new Database(path.join(dir, DB_FILE_NAME));
  const key = loadHubKeys(dir).sealKey;
  const verify = (): LedgerVerifyResult => verifyChain(dutyStore(db), key);
  return { dir, db, key, verify };
}

export function shift(i: number): Sealed {
  const s = shifts[i];
  if (!s) throw new Error(`no shift ${i}`);
  return s;
}

/** What the check must answer: the shift (by id, date and code) and the reason. */
export function broken(i: number, reason: string) {
  const s = shift(i);
  return { ok: false, shiftId: s.id, date: s.date, code: s.code, orgUnitId: 'HQ-C', reason };
}

/** Drops every trigger; answers a function that puts them back. */
export function dropTriggers(db: Database.Database): () => void {
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
export function deleteShift(db: Database.Database, shiftId: number): void {
  db.prepare('DELETE FROM duty_seals WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_handover_signatures WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_handovers WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_log_entries WHERE shift_id = ?').run(shiftId);
  db.prepare('DELETE FROM duty_shifts WHERE id = ?').run(shiftId);
}

export interface SealRow {
  id: number;
  shiftId: number;
  sealedAt: number;
  summary: string;
  signedBy: string;
  seq: number;
}

export function sealRows(db: Database.Database): (SealRow & { shift: ShiftFacts })[] {
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
export function rewriteEntry(db: Database.Database): void {
  db.prepare(`UPDATE duty_log_entries SET text = '第2班 一切正常' WHERE shift_id = ? AND kind = 'duty'`).run(
    shift(1).id,
  );
}
