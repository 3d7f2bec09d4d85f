import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import { call, ok, type TestConnection } from '../helpers/hub';
import { INCIDENT_TEST_START, incidentHubs, MIN } from '../helpers/incident-hub';

const START = INCIDENT_TEST_START;
/** Workstations of the first station (合庆网格) and of the second (蔡路网格). */
const S1_WORKSTATIONS = ['HQ-W-HQ01', 'HQ-W-HQ02'];
const S2_WORKSTATION = 'HQ-W-CL01';

const setupHub = incidentHubs();
const setup = () => setupHub('coord', 'chief', 'monitor', 'hotline', 'station', 'admin');

const FLOOD: MethodInput<'incidents.activate'> = {
  type: 'flood',
  level: 'IV',
  areaIds: S1_WORKSTATIONS,
  commanderName: '赵磊',
  situation: '台风“海葵”预计今夜登陆，启动防台防汛Ⅳ级响应',
};

function events(conn: TestConnection, name: string) {
  return conn.events.filter((e) => e.event === name).map((e) => e.payload);
}

describe('incidents: activate, level, close', () => {
  it('activates 防台防汛 Ⅳ: plan checklist, report deadlines, timeline, banner event to every console', async () => {
    const { hub, coord, monitor, hotline } = await setup();
    const d = await ok(hub, coord, 'incidents.activate', FLOOD);
    expect(d.incident).toMatchObject({
      type: 'flood',
      name: '防台防汛',
      level: 'IV',
      drill: false,
      commanderName: '赵磊',
      startedAt: START,
      closedAt: null,
      planName: '防台防汛应急预案',
    });
    expect(d.incident.areas.map((a) => a.name)).toEqual(['向东村', '前哨村']);
    expect(d.checklist.map((c) => c.text)).toContain('启动24小时值守');
    expect(d.checklist.every((c) => c.level === 'IV' && !c.done)).toBe(true);
    expect(d.reports.map((r) => [r.kind, r.dueAt - START, r.status])).toEqual([
      ['initial', 30 * MIN, 'pending'],
      ['written', 60 * MIN, 'pending'],
    ]);
    expect(d.timeline).toHaveLength(1);
    expect(d.timeline[0]).toMatchObject({ kind: 'activated', byName: '赵磊（应急协调）' });
    expect(d.timeline[0]?.text).toContain('防台防汛 Ⅳ级（一般）');
    expect(d.notifications).toEqual([]);
    expect(d.planLevel?.reports.initialMinutes).toBe(30);
    for (const conn of [monitor, hotline]) {
      expect(events(conn, 'incidents.changed')).toContainEqual({ id: d.incident.id, what: 'activated' });
    }
    // Everyone signed in reads the banner.
    const current = await ok(hub, hotline, 'incidents.current', {});
    expect(current.incidents.map((i) => [i.id, i.level, i.nextReports.length])).toEqual([[d.incident.id, 'IV', 2]]);
  });

  it('refuses a second real incident with a clear E_CONFLICT; a drill runs beside it and is listed after it', async () => {
    const { hub, coord, chief } = await setup();
    const first = await ok(hub, coord, 'incidents.activate', FLOOD);
    const second = await call(hub, chief, 'incidents.activate', { ...FLOOD, type: 'fire', areaIds: [S2_WORKSTATION] });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('E_CONFLICT');
    expect(second.error.message.zh).toContain('已有进行中的应急事件「防台防汛」');
    expect(second.error.details).toEqual({ activeId: first.incident.id });
    const drill = await ok(hub, chief, 'incidents.activate', { ...FLOOD, type: 'fire', drill: true });
    expect(drill.incident).toMatchObject({ drill: true, name: '火灾', planName: '通用突发事件应急预案' });
    expect(drill.timeline[0]?.text).toMatch(/^启动演练/);
    const current = await ok(hub, coord, 'incidents.current', {});
    expect(current.incidents.map((i) => [i.id, i.drill])).toEqual([
      [first.incident.id, false],
      [drill.incident.id, true],
    ]);
    // The database holds the same rule.
    expect(() =>
      hub.db
        .prepare(
          `INSERT INTO incidents (center_id, type, name, level, drill, situation, area_ids, station_ids,
             commander_name, started_at, started_by_name, level_changed_at)
           VALUES ('HQ-C', 'gas', 'x', 'IV', 0, 'x', '[]', '[]', 'x', 1, 'x', 1)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('escalation re-applies the plan keeping history; de-escalation adds nothing twice', async () => {
    const { hub, clock, coord, monitor } = await setup();
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    clock.advance(10 * MIN);
    const up = await ok(hub, coord, 'incidents.setLevel', { id: incident.id, level: 'III', reason: '雨量超过50毫米' });
    expect(up.incident).toMatchObject({ level: 'III', levelChangedAt: START + 10 * MIN });
    expect(up.checklist.filter((c) => c.level === 'III').map((c) => c.text)).toContain('领导带班到岗');
    expect(up.checklist.filter((c) => c.level === 'IV')).toHaveLength(4);
    expect(up.reports.map((r) => [r.level, r.kind, r.status])).toEqual([
      ['IV', 'initial', 'superseded'],
      ['III', 'initial', 'pending'],
      ['IV', 'written', 'superseded'],
      ['III', 'written', 'pending'],
    ]);
    expect(up.timeline.at(-1)).toMatchObject({ kind: 'level', ref: { level: 'III', fromLevel: 'IV' } });
    expect(up.timeline.at(-1)?.text).toBe('升级：Ⅳ级（一般） → Ⅲ级（较大）；原因：雨量超过50毫米');
    expect(events(monitor, 'incidents.changed')).toContainEqual({ id: incident.id, what: 'level' });
    const down = await ok(hub, coord, 'incidents.setLevel', { id: incident.id, level: 'IV', reason: '雨势减弱' });
    expect(down.checklist).toHaveLength(up.checklist.length);
    expect(down.timeline.at(-1)?.text).toMatch(/^降级/);
    const same = await call(hub, coord, 'incidents.setLevel', { id: incident.id, level: 'IV', reason: '再次' });
    expect(same.ok ? null : same.error.code).toBe('E_INVALID');
  });

  it('checklist ticks and notes go into the timeline; a repeated tick writes nothing', async () => {
    const { hub, coord, station } = await setup();
    const { incident, checklist } = await ok(hub, coord, 'incidents.activate', FLOOD);
    const item = checklist[0]!;
    const ticked = await ok(hub, station, 'incidents.checklist.tick', { id: incident.id, itemId: item.id, done: true });
    expect(ticked.checklist[0]).toMatchObject({ done: true, doneAt: START, doneByName: '陈静（第一联勤站）' });
    expect(ticked.timeline.at(-1)).toMatchObject({
      kind: 'checklist',
      text: `完成：${item.text}`,
      ref: { itemId: item.id },
    });
    const again = await ok(hub, station, 'incidents.checklist.tick', { id: incident.id, itemId: item.id, done: true });
    expect(again.timeline).toHaveLength(ticked.timeline.length);
    const undone = await ok(hub, coord, 'incidents.checklist.tick', { id: incident.id, itemId: item.id, done: false });
    expect(undone.checklist[0]).toMatchObject({ done: false, doneAt: null, doneByName: null });
    const noted = await ok(hub, coord, 'incidents.note', { id: incident.id, text: '  海塘村水位上涨，已派人巡查  ' });
    expect(noted.timeline.at(-1)).toMatchObject({ kind: 'note', text: '海塘村水位上涨，已派人巡查' });
    const other = await call(hub, coord, 'incidents.checklist.tick', { id: incident.id, itemId: 99_999, done: true });
    expect(other.ok ? null : other.error.code).toBe('E_NOT_FOUND');
  });

  it('closing ends open deadlines, keeps the summary, and frees the center for the next incident', async () => {
    const { hub, clock, coord, chief } = await setup();
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    clock.advance(45 * MIN);
    const closed = await ok(hub, chief, 'incidents.close', { id: incident.id, summary: '台风过境，无人员伤亡' });
    expect(closed.incident).toMatchObject({
      closedAt: START + 45 * MIN,
      closedByName: '张伟（值班长）',
      summary: '台风过境，无人员伤亡',
      nextReports: [],
    });
    // The 初报 (30 min) was missed before the close and stays red; the 书面报告 ended with it.
    expect(closed.reports.map((r) => [r.kind, r.status])).toEqual([
      ['initial', 'missed'],
      ['written', 'superseded'],
    ]);
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'closed', text: '结束应急响应：台风过境，无人员伤亡' });
    expect((await ok(hub, coord, 'incidents.current', {})).incidents).toEqual([]);
    for (const [method, input] of [
      ['incidents.note', { id: incident.id, text: '补充' }],
      ['incidents.close', { id: incident.id, summary: '再次' }],
      ['incidents.setLevel', { id: incident.id, level: 'III', reason: '再次' }],
    ] as const) {
      const r = await call(hub, coord, method, input as never);
      expect(r.ok ? null : r.error.code).toBe('E_CONFLICT');
    }
    await ok(hub, coord, 'incidents.activate', { ...FLOOD, type: 'gas' });
    const listed = await ok(hub, coord, 'incidents.list', { state: 'closed' });
    expect(listed.rows.map((r) => r.id)).toEqual([incident.id]);
  });

  it('writes a system entry into the duty log of the center and the affected station at each switch', async () => {
    const { hub, coord, chief, station } = await setup();
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    await ok(hub, coord, 'incidents.setLevel', { id: incident.id, level: 'III', reason: '雨量加大' });
    await ok(hub, coord, 'incidents.close', { id: incident.id, summary: '响应结束' });
    const texts = async (conn: TestConnection) =>
      (await ok(hub, conn, 'duty.log.current', {})).entries
        .filter((e) => e.kind === 'system' && e.links?.incidentId === incident.id)
        .map((e) => e.text);
    for (const conn of [chief, station]) {
      const logged = await texts(conn);
      expect(logged).toHaveLength(3);
      expect(logged[0]).toContain(`应急事件「防台防汛」（防台防汛，#${incident.id}）启动 Ⅳ级（一般）`);
      expect(logged[1]).toContain('调整响应级别：Ⅳ级（一般） → Ⅲ级（较大）；原因：雨量加大');
      expect(logged[2]).toContain('结束：响应结束');
    }
    expect(events(station, 'duty.changed')).toContainEqual({ orgUnitId: 'HQ-S1', what: 'log' });
  });
});

describe('incidents: roles, stations, hostile text', () => {
  it('only the coordinator and the duty chief switch; others are refused by role', async () => {
    const { hub, coord, monitor, hotline, station, admin } = await setup();
    for (const conn of [monitor, hotline, station, admin]) {
      const r = await call(hub, conn, 'incidents.activate', FLOOD);
      expect(r.ok ? null : r.error.code).toBe('E_FORBIDDEN');
    }
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    for (const conn of [monitor, station, admin]) {
      const lvl = await call(hub, conn, 'incidents.setLevel', { id: incident.id, level: 'II', reason: 'x' });
      expect(lvl.ok ? null : lvl.error.code).toBe('E_FORBIDDEN');
      const cl = await call(hub, conn, 'incidents.close', { id: incident.id, summary: 'x' });
      expect(cl.ok ? null : cl.error.code).toBe('E_FORBIDDEN');
    }
    for (const conn of [monitor, hotline, admin]) {
      const note = await call(hub, conn, 'incidents.note', { id: incident.id, text: 'x' });
      expect(note.ok ? null : note.error.code).toBe('E_FORBIDDEN');
    }
    for (const conn of [hotline, admin]) {
      const get = await call(hub, conn, 'incidents.get', { id: incident.id });
      expect(get.ok ? null : get.error.code).toBe('E_FORBIDDEN');
    }
    // The video monitor follows the incident (read only).
    expect((await ok(hub, monitor, 'incidents.get', { id: incident.id })).incident.id).toBe(incident.id);
    const anonymous = await call(hub, { id: 'anon', token: null, push: () => undefined }, 'incidents.current', {});
    expect(anonymous.ok ? null : anonymous.error.code).toBe('E_UNAUTHENTICATED');
  });

  it('a station sees and works the incidents of its own area only; another station’s is not found', async () => {
    const { hub, coord, station } = await setup();
    const theirs = await ok(hub, coord, 'incidents.activate', { ...FLOOD, areaIds: [S2_WORKSTATION] });
    const item = theirs.checklist[0]!;
    for (const [method, input] of [
      ['incidents.get', { id: theirs.incident.id }],
      ['incidents.note', { id: theirs.incident.id, text: '越权记录' }],
      ['incidents.checklist.tick', { id: theirs.incident.id, itemId: item.id, done: true }],
    ] as const) {
      const r = await call(hub, station, method, input as never);
      expect(r.ok ? null : r.error.code).toBe('E_NOT_FOUND');
    }
    expect((await ok(hub, station, 'incidents.list', {})).rows).toEqual([]);
    // The banner is everyone's.
    expect((await ok(hub, station, 'incidents.current', {})).incidents).toHaveLength(1);
    const ours = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true });
    expect((await ok(hub, station, 'incidents.get', { id: ours.incident.id })).incident.id).toBe(ours.incident.id);
    expect((await ok(hub, station, 'incidents.list', {})).rows.map((r) => r.id)).toEqual([ours.incident.id]);
    // The whole town (the center) covers every station.
    await ok(hub, coord, 'incidents.close', { id: theirs.incident.id, summary: '结束' });
    const town = await ok(hub, coord, 'incidents.activate', { ...FLOOD, areaIds: ['HQ-C'] });
    expect((await ok(hub, station, 'incidents.get', { id: town.incident.id })).incident.id).toBe(town.incident.id);
  });

  it('refuses control characters, oversized text and unknown areas; stores markup as plain text', async () => {
    const { hub, coord } = await setup();
    const bad: MethodInput<'incidents.activate'>[] = [
      { ...FLOOD, situation: '台风\u0000登陆' },
      { ...FLOOD, commanderName: '赵\u001b[31m磊' },
      { ...FLOOD, situation: '雨'.repeat(4001) },
      { ...FLOOD, commanderName: '长'.repeat(41) },
      { ...FLOOD, areaIds: ['HQ-NOPE'] },
      { ...FLOOD, areaIds: [] },
      { ...FLOOD, situation: '   ' },
      { ...FLOOD, level: 'V' as never },
      { ...FLOOD, commanderUserId: 99_999 },
    ];
    for (const input of bad) {
      const r = await call(hub, coord, 'incidents.activate', input);
      expect(r.ok ? null : r.error.code).toBe('E_INVALID');
    }
    expect((await ok(hub, coord, 'incidents.current', {})).incidents).toEqual([]);
    const hostile = `<script>alert(1)</script>'; DROP TABLE incidents; --`;
    const { incident } = await ok(hub, coord, 'incidents.activate', { ...FLOOD, situation: hostile, name: hostile });
    expect(incident.situation).toBe(hostile);
    const note = await call(hub, coord, 'incidents.note', { id: incident.id, text: `记录\u0007` });
    expect(note.ok ? null : note.error.code).toBe('E_INVALID');
    const long = await call(hub, coord, 'incidents.note', { id: incident.id, text: 'x'.repeat(4001) });
    expect(long.ok ? null : long.error.code).toBe('E_INVALID');
    const missing = await call(hub, coord, 'incidents.get', { id: 424_242 });
    expect(missing.ok ? null : missing.error.code).toBe('E_NOT_FOUND');
  });

  it('keeps the timeline append-only and a closed incident final, by trigger', async () => {
    const { hub, coord } = await setup();
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    expect(() => hub.db.prepare("UPDATE incident_timeline SET text = 'x'").run()).toThrow(/append-only/);
    expect(() => hub.db.prepare('DELETE FROM incident_timeline').run()).toThrow(/append-only/);
    await ok(hub, coord, 'incidents.close', { id: incident.id, summary: '结束' });
    expect(() => hub.db.prepare("UPDATE incidents SET summary = 'x'").run()).toThrow(/closed/);
    expect(() => hub.db.prepare('DELETE FROM incidents').run()).toThrow(/never deleted/);
  });
});
