import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, MethodInput } from '../../common/contract';
import { digitsOf, isPhoneNumber, looksLikePhone } from '../../common/domain/contacts';
import { openHub, type Hub } from '../../main/hub';
import { call, ok, signedIn, tempDir, testClock, type TestConnection } from '../helpers/hub';

const clock = testClock();
const dataDir = tempDir();
let hub: Hub;
const c: Record<string, TestConnection> = {};
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

async function open(): Promise<Hub> {
  return openHub({ dataDir, demo: true, clock, onInternalError: () => undefined, alertSweepMs: 0, dutySweepMs: 0 });
}
const search = async (input: MethodInput<'contacts.search'>, as = 'coord') => ok(hub, c[as]!, 'contacts.search', input);
const names = (rows: readonly Contact[]) => rows.map((r) => r.name);
const byName = async (name: string) => {
  const row = (await search({ text: name })).rows.find((r) => r.name === name);
  if (!row) throw new Error(`no contact ${name}`);
  return row;
};
const auditRows = (target: string) =>
  hub.db
    .prepare('SELECT method, ok, error_code AS code, summary FROM audit_log WHERE target = ? ORDER BY id')
    .all(target);

beforeAll(async () => {
  hub = await open();
  for (const u of ['admin', 'coord', 'station', 'chief', 'monitor']) c[u] = await signedIn(hub, u);
}, 60_000);
afterAll(() => hub.close());

describe('phone numbers', () => {
  it('accepts what people write and refuses the rest', () => {
    for (const good of [
      '110',
      '021-5811 0000',
      '+86 138 0013 8000',
      '(021) 58110000',
      '58110000转801',
      '58110000 ext 12',
    ])
      expect(isPhoneNumber(good), good).toBe(true);
    for (const bad of ['12', 'abc', '021-5811x0000', '5811;DROP', `1${'2'.repeat(40)}`, '转801'])
      expect(isPhoneNumber(bad), bad).toBe(false);
    expect(digitsOf('+86 (138) 0013-8000')).toBe('8613800138000');
    expect(looksLikePhone('5811 0000')).toBe(true);
    expect(looksLikePhone('58')).toBe(false);
    expect(looksLikePhone('第一')).toBe(false);
  });
});

describe('seeded from the organisation data', () => {
  it('holds the center, the stations, the departments, the 36 workstations and the console users', async () => {
    const departments = (await search({ kind: 'department' })).rows;
    expect(names(departments).slice(0, 3)).toEqual(['合庆镇城市运行综合管理中心', '第一联勤站', '第二联勤站']);
    expect(names(departments)).toEqual(expect.arrayContaining(['公安', '交警', '城管执法', '供水', '供电', '燃气']));
    expect(departments.filter((d) => d.title === '村居工作站')).toHaveLength(36);
    const people = (await search({ kind: 'person' })).rows;
    // Every demo user but the pure administrator, as a console-reachable person under their unit.
    expect(names(people).sort()).toEqual(
      [
        '张伟（值班长）',
        '周敏（值班长）',
        '李娜（视频监控）',
        '王强（网格信息员）',
        '刘洋（热线信息员）',
        '陈静（第一联勤站）',
        '赵磊（应急协调）',
      ].sort(),
    );
    const station = people.find((p) => p.name === '陈静（第一联勤站）');
    expect(station).toMatchObject({
      parentName: '第一联勤站',
      orgUnitId: 'HQ-S1',
      title: '联勤站站长/值班长',
      consoleReachable: true,
      seeded: true,
      phone: null,
    });
  });

  it('lists each department followed by its people', async () => {
    const rows = (await search({})).rows;
    const center = rows.findIndex((r) => r.name === '合庆镇城市运行综合管理中心');
    const chief = rows.findIndex((r) => r.name === '张伟（值班长）');
    const firstStation = rows.findIndex((r) => r.name === '第一联勤站');
    expect(center).toBe(0);
    expect(chief).toBeGreaterThan(center);
    expect(chief).toBeLessThan(firstStation);
  });

  it('keeps edits and deletions across restarts, and adds nothing twice', async () => {
    const water = await byName('供水');
    await ok(hub, c.admin!, 'contacts.save', { ...water, phone: '021-5811 0001', note: '24 小时抢修' });
    await ok(hub, c.admin!, 'contacts.delete', { id: (await byName('燃气')).id });
    const count = (await search({})).total;
    hub.close();
    hub = await open();
    for (const u of Object.keys(c)) c[u] = await signedIn(hub, u);
    expect((await search({})).total).toBe(count);
    expect(await byName('供水')).toMatchObject({ phone: '021-5811 0001', note: '24 小时抢修' });
    expect(names((await search({ text: '燃气' })).rows)).not.toContain('燃气');
  }, 60_000);
});

describe('search', () => {
  let person: Contact;
  beforeAll(async () => {
    const dept = await byName('公安');
    person = await ok(hub, c.admin!, 'contacts.save', {
      kind: 'person',
      name: '钱警官',
      parentId: dept.id,
      title: '派出所值班',
      phone: '021-5811 2345',
      mobile: '+86 139 1234 5678',
    });
  });

  it('finds by name, title, department and number, whatever the separators', async () => {
    for (const text of ['钱警官', '派出所', '139 1234', '13912345678', '58112345', '5811-2345', '公安 钱'])
      expect(names((await search({ text })).rows), text).toContain('钱警官');
    expect(names((await search({ text: '公安 张伟' })).rows)).toEqual([]);
    // A department name finds the department and its people.
    expect(names((await search({ text: '公安' })).rows)).toEqual(['公安', '钱警官']);
  });

  it('filters by org unit, with the units directly below it', async () => {
    const s1 = names((await search({ orgUnitId: 'HQ-S1' })).rows);
    expect(s1).toEqual(['第一联勤站', '陈静（第一联勤站）']);
    const grid = (await search({ orgUnitId: 'HQ-G-CL' })).rows;
    expect(grid).toHaveLength(18);
    expect(grid.every((r) => r.title === '村居工作站')).toBe(true);
    expect(person.orgUnitId).toBeNull();
  });

  it('is the same phone book for every signed-in user (shared reference data)', async () => {
    const asStation = (await search({ text: '第二联勤站' }, 'station')).rows;
    expect(names(asStation)).toContain('第二联勤站');
    expect(await call(hub, c.station!, 'contacts.search', { text: 'x'.repeat(101) })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
  });
});

describe('save and delete', () => {
  it('adds and edits a person; the audit row names them; every console hears of it', async () => {
    c.monitor!.events.length = 0;
    const dept = await byName('第一联勤站');
    const added = await ok(hub, c.admin!, 'contacts.save', {
      kind: 'person',
      name: '  孙站长 ',
      parentId: dept.id,
      title: '站长',
      orgUnitId: 'HQ-S1',
      mobile: '13800138000',
      phone: '',
    });
    expect(added).toMatchObject({ name: '孙站长', parentName: '第一联勤站', phone: null, consoleReachable: false });
    const edited = await ok(hub, c.admin!, 'contacts.save', { ...added, title: '副站长' });
    expect(edited).toMatchObject({ id: added.id, title: '副站长' });
    expect(auditRows(`contact:${added.id}`)).toEqual([
      { method: 'contacts.save', ok: 1, code: null, summary: '新增通讯录个人“孙站长”' },
      { method: 'contacts.save', ok: 1, code: null, summary: '修改通讯录个人“孙站长”' },
    ]);
    expect(c.monitor!.events.filter((e) => e.event === 'contacts.changed')).toEqual([
      { event: 'contacts.changed', payload: { ids: [added.id] } },
      { event: 'contacts.changed', payload: { ids: [added.id] } },
    ]);
  });

  it('names every bad field in both languages and saves nothing', async () => {
    const before = (await search({})).total;
    const station = await byName('第一联勤站');
    const person = (await search({ kind: 'person' })).rows[0]!;
    const r = await call(hub, c.admin!, 'contacts.save', {
      kind: 'person',
      name: '错误示例',
      parentId: person.id,
      orgUnitId: 'HQ-NOPE',
      phone: '021;DROP',
      mobile: 'abc',
      userId: 99_999,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_INVALID');
    const fields = (r.error.details as { errors: { field: string; zh: string; en: string }[] }).errors;
    expect(fields.map((f) => f.field)).toEqual(['parentId', 'orgUnitId', 'phone', 'mobile', 'userId']);
    expect(fields.every((f) => f.zh && f.en)).toBe(true);
    const dept = await call(hub, c.admin!, 'contacts.save', { kind: 'department', name: 'x', parentId: station.id });
    expect(code(dept)).toBe('E_INVALID');
    const kind = await call(hub, c.admin!, 'contacts.save', { ...station, kind: 'person' });
    expect(code(kind)).toBe('E_INVALID');
    expect((await search({})).total).toBe(before);
  });

  it('links a console user to one contact only', async () => {
    const chief = await byName('张伟（值班长）');
    const r = await call(hub, c.admin!, 'contacts.save', { kind: 'person', name: '重复', userId: chief.userId });
    expect(code(r)).toBe('E_CONFLICT');
    // Unlinked, the user may be linked elsewhere; the old row is then no longer reachable in the console.
    await ok(hub, c.admin!, 'contacts.save', { ...chief, userId: null });
    const moved = await ok(hub, c.admin!, 'contacts.save', { kind: 'person', name: '张伟', userId: chief.userId });
    expect(moved).toMatchObject({ userName: '张伟（值班长）', consoleReachable: true });
  });

  it('deletes softly; a department with people is kept until they are moved', async () => {
    const police = await byName('公安');
    expect(code(await call(hub, c.admin!, 'contacts.delete', { id: police.id }))).toBe('E_CONFLICT');
    const qian = await byName('钱警官');
    await ok(hub, c.admin!, 'contacts.delete', { id: qian.id });
    await ok(hub, c.admin!, 'contacts.delete', { id: police.id });
    expect(names((await search({ text: '公安' })).rows)).toEqual([]);
    expect(code(await call(hub, c.admin!, 'contacts.delete', { id: police.id }))).toBe('E_NOT_FOUND');
    expect(code(await call(hub, c.admin!, 'contacts.save', { ...qian, id: qian.id }))).toBe('E_NOT_FOUND');
    // A deleted department cannot take people.
    const r = await call(hub, c.admin!, 'contacts.save', { kind: 'person', name: '新人', parentId: police.id });
    expect(code(r)).toBe('E_INVALID');
    // The row is still there for the notifications that name it.
    expect(hub.db.prepare('SELECT deleted_at FROM contacts WHERE id = ?').get(police.id)).toEqual({
      deleted_at: clock(),
    });
  });
});

describe('router', () => {
  it('refuses every role but admin for writes, and writes only the failure audit row', async () => {
    const count = () => (hub.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    const before = count();
    const target = await byName('第二联勤站');
    for (const u of ['coord', 'station', 'chief', 'monitor']) {
      const save = await call(hub, c[u]!, 'contacts.save', { kind: 'person', name: `越权${u}` });
      expect(code(save), u).toBe('E_FORBIDDEN');
      const edit = await call(hub, c[u]!, 'contacts.save', { ...target, phone: '110' });
      expect(code(edit), u).toBe('E_FORBIDDEN');
      expect(code(await call(hub, c[u]!, 'contacts.delete', { id: target.id })), u).toBe('E_FORBIDDEN');
    }
    expect(count()).toBe(before);
    expect(await byName('第二联勤站')).toMatchObject({ phone: target.phone, updatedAt: target.updatedAt });
  });

  it('refuses hostile text before the service sees it', async () => {
    for (const name of ['坏\u0000名字', '坏\u001b[31m', '\ud800', 'x'.repeat(61)]) {
      const r = await call(hub, c.admin!, 'contacts.save', { kind: 'person', name });
      expect(code(r), JSON.stringify(name)).toBe('E_INVALID');
    }
    for (const note of ['a\u0007b', 'n'.repeat(501)]) {
      expect(code(await call(hub, c.admin!, 'contacts.save', { kind: 'person', name: '备注', note }))).toBe(
        'E_INVALID',
      );
    }
    expect(code(await call(hub, c.admin!, 'contacts.save', { kind: 'person', name: 'x', phone: '1'.repeat(33) }))).toBe(
      'E_INVALID',
    );
    expect(code(await call(hub, c.coord!, 'contacts.search', { text: '\u0000' }))).toBe('E_INVALID');
    // Text with tabs and line breaks in a note is fine; quotes and markup are stored as typed.
    const kept = await ok(hub, c.admin!, 'contacts.save', {
      kind: 'person',
      name: '<script>alert(1)</script>',
      note: '第一行\r\n第二行\t\'"',
    });
    expect(kept).toMatchObject({ name: '<script>alert(1)</script>', note: '第一行\r\n第二行\t\'"' });
  });
});
