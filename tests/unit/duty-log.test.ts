import { describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import type { DutyLogEntry, DutyShift } from '../../common/contract/duty-log';
import { defaultPattern } from '../../common/domain/duty';
import { openDatabase, type Db } from '../../main/db/connection';
import { dutyStore } from '../../main/services/duty/duty-store';
import { DutyLog, SYSTEM_AUTHOR, type AppendInput } from '../../main/services/duty/duty-log';
import { GENESIS_SEAL_HASH, canonicalJson, sealOf, sealShift, verifyChain } from '../../main/services/duty/seal';
import { seedReferenceData } from '../../main/services/org/seed';
import { apiErr } from '../helpers/api-error';
import { tempDir, testClock } from '../helpers/test-env';

const HOUR = 3_600_000;
const CENTER = 'HQ-C';
const STATION = 'HQ-S1';
/** 2026-11-26 10:00 Shanghai: the center's 早班 (08–16). */
const NOW = Date.UTC(2026, 10, 26, 2, 0, 0);
/** The seal key (hub.keys.sealKey in a hub). */
const KEY = Buffer.alloc(32, 7);
const SIGNERS = [
  { id: 1, name: '王值班长' },
  { id: 2, name: '李值班长' },
];

function openDb(): Db {
  const db = openDatabase(tempDir());
  seedReferenceData(db);
  return db;
}

function setup() {
  const db = openDb();
  const clock = testClock(NOW);
  const log = new DutyLog(dutyStore(db), clock, (id) => defaultPattern(id === CENTER ? 'center' : 'station'));
  const write = (text: string, more: Partial<AppendInput> = {}): DutyLogEntry =>
    log.append({ orgUnitId: CENTER, authorId: null, authorName: '张三', kind: 'duty', text, ...more });
  return { db, clock, log, write };
}

const apiCode = (fn: () => unknown): string => apiErr(fn).code;

/** Three consecutive center shifts, each with two entries, sealed in turn. */
function threeSealedShifts() {
  const s = setup();
  const shifts: DutyShift[] = [];
  const entries: DutyLogEntry[][] = [];
  for (let i = 1; i <= 3; i++) {
    const a = s.write(`第${i}班 巡查井盖破损`);
    const b = s.write(`第${i}班 来电反映路灯不亮`, { kind: 'call', links: { orderIds: [i] } });
    const shift = s.log.currentShift(CENTER);
    sealShift(dutyStore(s.db), KEY, shift.id, { notes: `交接 ${i}`, open: { pending: i } }, SIGNERS, s.clock());
    shifts.push(shift);
    entries.push([a, b]);
    s.clock.advance(8 * HOUR);
  }
  return { ...s, shifts, entries };
}

function shiftIdAt(result: ReturnType<typeof verifyChain>): number | null {
  return result.ok ? null : result.shiftId;
}

describe('duty log: append-only entries', () => {
  it('puts entries into the shift covering now, creating its row once', () => {
    const { log, write } = setup();
    const shift = log.currentShift(CENTER);
    expect(shift).toMatchObject({ orgUnitId: CENTER, date: '2026-11-26', code: 'early', status: 'open' });
    const e = write('接班，设备正常', { links: { cameraIds: ['cam-7'], orderIds: [3, 3] } });
    expect(e).toMatchObject({ shiftId: shift.id, kind: 'duty', authorName: '张三', correctsId: null, correctedBy: [] });
    expect(e.links).toEqual({ cameraIds: ['cam-7'], orderIds: [3] });
    expect(log.currentShift(CENTER).id).toBe(shift.id);
    expect(log.entries(shift.id).map((x) => x.text)).toEqual(['接班，设备正常']);
  });

  it('the API offers no edit or delete, nor does the service, and SQLite refuses UPDATE and DELETE', () => {
    const logMethods = Object.keys(contract).filter((m) => m.startsWith('duty.log.'));
    expect(logMethods.sort()).toEqual(['duty.log.append', 'duty.log.current', 'duty.log.export', 'duty.log.search']);
    const { db, write } = setup();
    const methods = Object.getOwnPropertyNames(DutyLog.prototype);
    expect(methods.filter((m) => /update|edit|delete|remove|set/i.test(m))).toEqual([]);
    const e = write('原始记录');
    expect(() => db.prepare('UPDATE duty_log_entries SET text = ? WHERE id = ?').run('改过', e.id)).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM duty_log_entries WHERE id = ?').run(e.id)).toThrow(/append-only/);
    expect(db.prepare('SELECT text FROM duty_log_entries WHERE id = ?').get(e.id)).toEqual({ text: '原始记录' });
  });

  it('refuses empty text; entries written during a handover go into the next shift', () => {
    const { db, log, write } = setup();
    expect(apiCode(() => write('   '))).toBe('E_INVALID');
    const shift = log.currentShift(CENTER);
    db.prepare(`UPDATE duty_shifts SET status = 'handover' WHERE id = ?`).run(shift.id);
    const late = write('交接中写入');
    expect(late.shiftId).not.toBe(shift.id);
    expect(log.shift(late.shiftId)).toMatchObject({ code: 'middle', date: '2026-11-26', status: 'open' });
    expect(log.entries(shift.id)).toEqual([]);
  });

  it('a correction links both ways, across shifts, and both entries stay visible', () => {
    const { log, write, clock } = setup();
    const wrong = write('14:20 接到来电，东川路 1号 井盖缺失', { kind: 'call' });
    const fix1 = write('更正：应为东川路 11号', { kind: 'call', correctsId: wrong.id });
    const first = log.currentShift(CENTER);
    clock.advance(8 * HOUR);
    const fix2 = write('再次更正：已核实为东川路 111号', { correctsId: wrong.id });
    expect(fix2.shiftId).not.toBe(first.id);

    const listed = log.entries(first.id);
    expect(listed.map((e) => e.id)).toEqual([wrong.id, fix1.id]);
    expect(listed[0]).toMatchObject({ text: wrong.text, correctedBy: [fix1.id, fix2.id], correctsId: null });
    expect(listed[1]).toMatchObject({ correctsId: wrong.id, correctedBy: [] });
    expect(log.entries(fix2.shiftId)[0]).toMatchObject({ correctsId: wrong.id });
  });

  it('a correction must point at an existing entry of the same org unit', () => {
    const { log, write } = setup();
    const station = log.append({
      orgUnitId: STATION,
      authorId: null,
      authorName: '站长',
      kind: 'duty',
      text: '站内记录',
    });
    expect(apiCode(() => write('更正', { correctsId: station.id }))).toBe('E_INVALID');
    expect(apiCode(() => write('更正', { correctsId: 9999 }))).toBe('E_NOT_FOUND');
  });

  it('logs system entries, into the next shift once the current one is handed over', () => {
    const { db, log, write } = setup();
    const sys = log.appendSystem(CENTER, '工单 HQ20261126-0007 已超时（红灯）', { orderIds: [7] });
    const shift = log.currentShift(CENTER);
    expect(sys).toMatchObject({ kind: 'system', authorName: SYSTEM_AUTHOR, authorId: null, shiftId: shift.id });
    expect(sys?.links).toEqual({ orderIds: [7] });

    // Once the summary is frozen (handover) or the shift sealed, system entries go to the next shift.
    db.prepare(`UPDATE duty_shifts SET status = 'handover' WHERE id = ?`).run(shift.id);
    const during = log.appendSystem(CENTER, '摄像头 cam-3 离线');
    expect(write('人工记录').shiftId).toBe(during?.shiftId);
    sealShift(dutyStore(db), KEY, shift.id, {}, SIGNERS, NOW);
    const later = log.appendSystem(CENTER, '应急状态已切换');
    const next = db.prepare('SELECT code, date FROM duty_shifts WHERE id = ?').get(later?.shiftId ?? 0);
    expect(next).toEqual({ code: 'middle', date: '2026-11-26' });
    expect(during?.shiftId).toBe(later?.shiftId);
    expect(log.entries(shift.id).map((e) => e.kind)).toEqual(['system']);
  });

  it('searches by a two-character Chinese term, kind, org unit and time', () => {
    const { log, write, clock } = setup();
    const a = write('东川路井盖破损，已通知养护');
    write('路灯不亮', { kind: 'call' });
    clock.advance(HOUR);
    const c = write('复查：井盖已更换', { kind: 'important' });
    log.append({ orgUnitId: STATION, authorId: null, authorName: '站长', kind: 'duty', text: '站内井盖巡查' });

    expect(log.search({ text: '井盖', orgUnitId: CENTER }).rows.map((r) => r.id)).toEqual([c.id, a.id]);
    expect(log.search({ text: '井盖' }).rows).toHaveLength(3);
    expect(log.search({ text: '盖破' }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(log.search({ text: '井盖', kind: 'important' }).rows.map((r) => r.id)).toEqual([c.id]);
    expect(log.search({ text: '井盖', orgUnitId: CENTER, to: NOW + 1 }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(log.search({ text: '养护 井盖' }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(log.search({ text: '破裂' }).rows).toEqual([]);
    const limited = log.search({ orgUnitId: CENTER, limit: 2 });
    expect(limited).toMatchObject({ truncated: true });
    expect(limited.rows[0]).toMatchObject({ id: c.id, orgUnitId: CENTER, shiftDate: '2026-11-26', shiftCode: 'early' });
    expect(apiCode(() => log.search({ text: '井' }))).toBe('E_INVALID');
  });
});

describe('duty ledger: seals and tamper evidence', () => {
  it('seals three shifts into a chain that verifies intact', () => {
    const { db, shifts } = threeSealedShifts();
    const seals = shifts.map((s) => sealOf(dutyStore(db), s.id));
    expect(seals[0]?.prevSealHash).toBe(GENESIS_SEAL_HASH);
    expect(seals[1]?.prevSealHash).toBe(seals[0]?.sealHash);
    expect(seals[2]?.prevSealHash).toBe(seals[1]?.sealHash);
    expect(seals[0]?.summary).toBe('{"notes":"交接 1","open":{"pending":1}}');
    expect(verifyChain(dutyStore(db), KEY)).toMatchObject({ ok: true, sealed: 3 });
    expect(verifyChain(dutyStore(db), KEY, CENTER)).toMatchObject({ ok: true, sealed: 3 });
    expect(verifyChain(dutyStore(db), KEY, STATION)).toMatchObject({ ok: true, sealed: 0 });
  });

  it('a sealed shift takes no entries and cannot be sealed again', () => {
    const { db, log, write } = setup();
    write('本班记录');
    const shift = log.currentShift(CENTER);
    expect(apiCode(() => sealShift(dutyStore(db), KEY, shift.id, {}, [SIGNERS[0] ?? { id: 1, name: 'x' }], NOW))).toBe(
      'E_INVALID',
    );
    sealShift(dutyStore(db), KEY, shift.id, { notes: '无' }, SIGNERS, NOW);
    expect(log.currentShift(CENTER).status).toBe('sealed');
    expect(write('封存后写入').shiftId).not.toBe(shift.id);
    expect(apiCode(() => sealShift(dutyStore(db), KEY, shift.id, {}, SIGNERS, NOW))).toBe('E_CONFLICT');
    expect(() => db.prepare(`UPDATE duty_shifts SET status = 'open' WHERE id = ?`).run(shift.id)).toThrow(/sealed/);
    expect(() => db.prepare('DELETE FROM duty_seals').run()).toThrow(/append-only/);
  });

  it('names exactly the shift whose entry text was changed behind the triggers’ back', () => {
    const { db, shifts, entries } = threeSealedShifts();
    db.exec('DROP TRIGGER duty_log_entries_no_update');
    db.prepare('UPDATE duty_log_entries SET text = ? WHERE id = ?').run('第2班 一切正常', entries[1]?.[0]?.id);
    const result = verifyChain(dutyStore(db), KEY);
    expect(result).toMatchObject({
      ok: false,
      shiftId: shifts[1]?.id,
      date: shifts[1]?.date,
      code: shifts[1]?.code,
      reason: 'entries_changed',
    });
  });

  it('detects a deleted entry and an entry slipped into a sealed shift', () => {
    const deleted = threeSealedShifts();
    deleted.db.exec('DROP TRIGGER duty_log_entries_no_delete');
    deleted.db.prepare('DELETE FROM duty_log_entries WHERE id = ?').run(deleted.entries[2]?.[1]?.id);
    expect(verifyChain(dutyStore(deleted.db), KEY)).toMatchObject({
      shiftId: deleted.shifts[2]?.id,
      reason: 'entries_changed',
    });

    const inserted = threeSealedShifts();
    inserted.db.exec('DROP TRIGGER duty_log_entries_not_sealed');
    inserted.db
      .prepare(
        `INSERT INTO duty_log_entries (shift_id, at, author_name, kind, text) VALUES (?, ?, '张三', 'duty', '补记')`,
      )
      .run(inserted.shifts[0]?.id, NOW);
    expect(shiftIdAt(verifyChain(dutyStore(inserted.db), KEY))).toBe(inserted.shifts[0]?.id);
  });

  it('detects an edited summary and an edited signer', () => {
    const summary = threeSealedShifts();
    summary.db.exec('DROP TRIGGER duty_seals_no_update');
    summary.db
      .prepare('UPDATE duty_seals SET summary = ? WHERE shift_id = ?')
      .run(canonicalJson({ notes: '交接 2（已处理）', open: { pending: 0 } }), summary.shifts[1]?.id);
    expect(verifyChain(dutyStore(summary.db), KEY)).toMatchObject({
      shiftId: summary.shifts[1]?.id,
      reason: 'seal_mismatch',
    });

    const signer = threeSealedShifts();
    signer.db.exec('DROP TRIGGER duty_seals_no_update');
    signer.db
      .prepare('UPDATE duty_seals SET signed_by = ? WHERE shift_id = ?')
      .run('[{"id":1,"name":"王值班长"},{"id":3,"name":"赵某"}]', signer.shifts[0]?.id);
    expect(shiftIdAt(verifyChain(dutyStore(signer.db), KEY))).toBe(signer.shifts[0]?.id);
  });

  it('detects a broken prev link and a removed seal', () => {
    const link = threeSealedShifts();
    link.db.exec('DROP TRIGGER duty_seals_no_update');
    link.db
      .prepare('UPDATE duty_seals SET prev_seal_hash = ? WHERE shift_id = ?')
      .run(GENESIS_SEAL_HASH, link.shifts[2]?.id);
    expect(verifyChain(dutyStore(link.db), KEY)).toMatchObject({ shiftId: link.shifts[2]?.id, reason: 'chain_broken' });

    const removed = threeSealedShifts();
    removed.db.exec('DROP TRIGGER duty_seals_no_delete');
    removed.db.prepare('DELETE FROM duty_seals WHERE shift_id = ?').run(removed.shifts[1]?.id);
    expect(verifyChain(dutyStore(removed.db), KEY)).toMatchObject({
      shiftId: removed.shifts[1]?.id,
      reason: 'seal_missing',
    });
  });

  it('chains each org unit separately', () => {
    const { db, log, clock } = threeSealedShifts();
    log.append({ orgUnitId: STATION, authorId: null, authorName: '站长', kind: 'duty', text: '站内记录' });
    const station = log.currentShift(STATION);
    const seal = sealShift(dutyStore(db), KEY, station.id, {}, SIGNERS, clock());
    expect(seal.prevSealHash).toBe(GENESIS_SEAL_HASH);
    expect(verifyChain(dutyStore(db), KEY)).toMatchObject({ ok: true, sealed: 4 });
    expect(verifyChain(dutyStore(db), KEY, STATION)).toMatchObject({ ok: true, sealed: 1 });
  });
});
