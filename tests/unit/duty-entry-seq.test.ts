import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import type { Hub } from '../../main/hub';
import { dutyStore } from '../../main/services/duty/duty-store';
import { verifyChain } from '../../main/services/duty/seal-verify';
import { entryRefLabel } from '../../common/domain/duty/entry-ref';
import { exportDutyLog } from '../../main/services/duty/duty-log-export';
import { rosterNextChief } from '../helpers/duty-handover';
import { call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';
import { xlsxCell, xlsxFirstSheet } from '../helpers/xlsx-read';

/** Thu 2026-11-26 10:00 Shanghai: the center's 早班 (08:00–16:00). */
const START = Date.parse('2026-11-26T10:00:00+08:00');
const HOUR = 3_600_000;

let hub: Hub | undefined;
const dbs: Database.Database[] = [];
function closeHub() {
  hub?.close();
  hub = undefined;
}
afterEach(() => {
  closeHub();
  for (const db of dbs.splice(0)) db.close();
});

async function setup() {
  const clock = testClock(START);
  hub = await demoHub({ clock, alertSweepMs: 0, dutySweepMs: 0, handoverOpensBeforeMinutes: 8 * 60 });
  const [chief, monitor, hotline, station] = await Promise.all(
    ['chief', 'monitor', 'hotline', 'station'].map((u) => signedIn(hub!, u)),
  );
  return { hub, clock, chief: chief!, monitor: monitor!, hotline: hotline!, station: station! };
}

async function seal(h: Hub, chief: TestConnection): Promise<number> {
  const state = await ok(h, chief, 'duty.handover.current', {});
  await ok(h, chief, 'duty.handover.start', { shiftId: state.shift.id, checklist: [], notes: '', doneAssigned: [] });
  await rosterNextChief(h, chief, state, 'chief2');
  for (const [side, username] of [
    ['outgoing', 'chief'],
    ['incoming', 'chief2'],
  ] as const) {
    await ok(h, chief, 'duty.handover.sign', { shiftId: state.shift.id, side, username, password: 'Demo#2026' });
  }
  return state.shift.id;
}

const seqs = (h: Hub, shiftId: number) =>
  h.db.prepare('SELECT seq FROM duty_log_entries WHERE shift_id = ? ORDER BY id').pluck().all(shiftId) as number[];

describe('entry numbers in a shift (第N条)', () => {
  it('numbers every unit’s shift from 1 without gaps, system entries included, and starts again next shift', async () => {
    const { hub, chief, monitor, station } = await setup();
    const a = await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '巡查一' });
    const s1 = await ok(hub, station, 'duty.log.append', { kind: 'duty', text: '联勤站巡查' });
    const b = await ok(hub, chief, 'duty.log.append', { kind: 'call', text: '来电一' });
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(s1.seq).toBe(1);
    const day = await seal(hub, chief);
    // The override-free seal wrote nothing more into the day shift; the next shift starts at 1.
    expect(seqs(hub, day)).toEqual([1, 2]);
    const c = await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '交接后第一条' });
    expect(c.shiftId).not.toBe(day);
    expect(c.seq).toBe(1);
    const current = await ok(hub, monitor, 'duty.log.current', {});
    expect(current.entries.map((e) => e.seq)).toEqual([1]);
    // Search rows carry the number; a station sees only its own log's.
    const found = await ok(hub, station, 'duty.log.search', {});
    expect(found.rows.map((r) => [r.text, r.seq])).toEqual([['联勤站巡查', 1]]);
    expect(code(await call(hub, station, 'duty.log.search', { orgUnitId: 'HQ-C' }))).toBe('E_FORBIDDEN');
  });

  it('gives concurrent writers distinct numbers with no gap', async () => {
    const { hub, chief, monitor, hotline } = await setup();
    const writers = [chief, monitor, hotline];
    const written = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ok(hub, writers[i % 3]!, 'duty.log.append', { kind: 'duty', text: `并发记录 ${i}` }),
      ),
    );
    const shiftId = written[0]!.shiftId;
    expect(written.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // In the order written (id): 1, 2, 3 …
    expect(seqs(hub, shiftId)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // A refused write takes no number.
    expect(code(await call(hub, monitor, 'duty.log.append', { kind: 'duty', text: '  ' }))).toBe('E_INVALID');
    expect(code(await call(hub, monitor, 'duty.log.append', { kind: 'duty', text: '坏\u0000字' }))).toBe('E_INVALID');
    expect((await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '第三十一条' })).seq).toBe(31);
  });

  it('names a corrected entry of another shift with its shift, in the log and the export', async () => {
    const { hub, clock, chief, monitor } = await setup();
    await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '早班第一条' });
    const wrong = await ok(hub, monitor, 'duty.log.append', { kind: 'call', text: '来电：向东村井盖缺失' });
    await seal(hub, chief);
    clock.advance(7 * HOUR); // 17:00, the 中班
    const fix = await ok(hub, monitor, 'duty.log.append', {
      kind: 'duty',
      text: '更正：应为华星村井盖缺失',
      correctsId: wrong.id,
    });
    expect(fix.seq).toBe(1);
    expect(fix.correctsRef).toMatchObject({ seq: 2, shiftDate: '2026-11-26', shiftCode: 'early' });
    expect(entryRefLabel(fix.correctsRef!, fix.shiftId)).toBe('11-26 早班 第2条');
    const rows = (await ok(hub, chief, 'duty.log.search', { text: '井盖' })).rows;
    const original = rows.find((r) => r.id === wrong.id)!;
    expect(original.correctedByRefs.map((r) => entryRefLabel(r, original.shiftId))).toEqual(['11-26 中班 第1条']);
    const sheet = await xlsxFirstSheet(
      exportDutyLog(
        rows,
        () => '城运中心',
        (_, code) => ({ early: '早班', middle: '中班' })[code] ?? code,
        (id) => `#${id}`,
        clock(),
      ),
    );
    // Columns: A 编号, H 内容, I 更正, J 被更正.
    const rowOf = (text: string) => {
      for (let r = 2; r <= rows.length + 1; r++) {
        if (xlsxCell(sheet, `H${r}`) === text) {
          return ['A', 'I', 'J'].map((col) => xlsxCell(sheet, `${col}${r}`));
        }
      }
      throw new Error(`no row for ${text}`);
    };
    expect(rowOf('更正：应为华星村井盖缺失')).toEqual(['1', '11-26 早班 第2条', null]);
    expect(rowOf('来电：向东村井盖缺失')).toEqual(['2', null, '11-26 中班 第1条']);
  });

  it('backfills an older database by shift then id, and its seals still verify', async () => {
    const { hub, chief, monitor, station } = await setup();
    // Interleaved writes of two units and two shifts: ids are not consecutive within a shift.
    await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '中心一' });
    await ok(hub, station, 'duty.log.append', { kind: 'duty', text: '站一' });
    await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '中心二' });
    const sealed = await seal(hub, chief);
    await ok(hub, station, 'duty.log.append', { kind: 'duty', text: '站二' });
    await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '下一班一' });
    const key = hub.keys.sealKey;
    const dir = hub.dataDir;
    closeHub();

    // The same database as a hub before migration 0210 left it: no numbers. Only 0210 runs again
    // (the later migrations' changes are already in this database).
    const db = new Database(`${dir}/cityops.sqlite`);
    dbs.push(db);
    db.exec(`DROP INDEX duty_log_entries_shift_seq; ALTER TABLE duty_log_entries DROP COLUMN seq;`);
    db.pragma('user_version = 200');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 210),
    );
    const rows = db
      .prepare(
        `SELECT s.org_unit_id AS unit, e.shift_id AS shiftId, e.seq, e.text FROM duty_log_entries e
         JOIN duty_shifts s ON s.id = e.shift_id ORDER BY e.id`,
      )
      .all() as { unit: string; shiftId: number; seq: number; text: string }[];
    expect(rows.map((r) => [r.text, r.seq])).toEqual([
      ['中心一', 1],
      ['站一', 1],
      ['中心二', 2],
      ['站二', 2],
      ['下一班一', 1],
    ]);
    expect(rows.filter((r) => r.shiftId === sealed).map((r) => r.seq)).toEqual([1, 2]);
    // The number is not sealed content: the chain made before the column verifies after it.
    expect(verifyChain(dutyStore(db), key)).toMatchObject({ ok: true, sealed: 1 });
    // Still append-only.
    expect(() => db.prepare('UPDATE duty_log_entries SET seq = 9').run()).toThrow(/append-only/);
  });
});

function code(result: { ok: boolean; error?: { code: string } }): string | undefined {
  return result.ok ? undefined : result.error?.code;
}
