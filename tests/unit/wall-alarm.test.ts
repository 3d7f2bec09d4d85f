import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, WallAlarm } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { call, connection, demoHub, ok, signedIn, type TestConnection } from '../helpers/hub';

/**
 * Alarm to the wall: which windows get a 特急 order's or an incident's cameras,
 * which cameras, who may mark a window and acknowledge, and what the audit says.
 */
let hub: Hub;
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
/** The alarms a connection received since last asked. */
function alarms(conn: TestConnection): WallAlarm[] {
  const got = conn.events.filter((e) => e.event === 'wall.alarm').map((e) => e.payload as WallAlarm);
  conn.events.length = 0;
  return got;
}

const ORDER: MethodInput<'orders.create'> = {
  title: '燃气泄漏',
  description: '合庆居委小区门口闻到燃气味',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ14',
  address: '合庆居委小区门口',
  source: 'hotline',
  reporterName: '王先生',
  reporterPhone: '13812345678',
  urgency: 'critical',
};

/** Cameras: two at 合庆居委 (station 1's area), one at 向东村 (station 1), one at 蔡路村 (station 2), one disabled. */
const CAMERAS: [string, string, boolean][] = [
  ['CAM-A1', 'HQ-W-HQ14', true],
  ['CAM-A2', 'HQ-W-HQ14', true],
  ['CAM-A3', 'HQ-W-HQ14', false],
  ['CAM-B1', 'HQ-W-HQ01', true],
  ['CAM-C1', 'HQ-W-CL11', true],
];

let c: Record<string, TestConnection>;
/** A wall window: its own connection signed in as `user`, registered, marked for alarms or not. */
async function wallWindow(user: string, name: string, alarm: boolean) {
  const conn = connection(`wall-${name}`);
  hub.attach(conn);
  await ok(hub, conn, 'auth.login', { username: user, password: 'Demo#2026' });
  const w = await ok(hub, conn, 'wall.windows.register', { name, alarm });
  return { conn, windowId: w.windowId };
}

let center: Awaited<ReturnType<typeof wallWindow>>;
let centerPlain: Awaited<ReturnType<typeof wallWindow>>;
let stationWall: Awaited<ReturnType<typeof wallWindow>>;

beforeAll(async () => {
  hub = await demoHub({ alertSweepMs: 0 });
  for (const [id, workstationId, enabled] of CAMERAS) {
    hub.services.cameras.create({
      id,
      name: `测试 ${id}`,
      code: null,
      workstationId,
      mainUrl: `http://127.0.0.1/${id}/main.m3u8`,
      subUrl: null,
      tags: [],
      enabled,
    });
  }
  c = {};
  for (const u of ['hotline', 'station', 'monitor', 'chief', 'grid', 'coord']) c[u] = await signedIn(hub, u);
  center = await wallWindow('monitor', '报警大屏', true);
  centerPlain = await wallWindow('monitor', '普通大屏', false);
  stationWall = await wallWindow('station', '一站大屏', true);
}, 60_000);
afterAll(() => hub.close());
beforeEach(() => {
  for (const conn of [...Object.values(c), center.conn, centerPlain.conn, stationWall.conn]) conn.events.length = 0;
});

describe('marking wall windows for alarms', () => {
  it('is listed with the window; the owner and the chief of its unit may toggle it, audited', async () => {
    const listed = await ok(hub, c.chief!, 'wall.windows.list', {});
    const marks = Object.fromEntries(listed.rows.map((w) => [w.name, w.alarm]));
    expect(marks).toEqual({ 报警大屏: true, 普通大屏: false });
    const set = await ok(hub, c.chief!, 'wall.windows.setAlarm', { windowId: centerPlain.windowId, alarm: true });
    expect(set.alarm).toBe(true);
    expect(centerPlain.conn.events.some((e) => e.event === 'wall.changed')).toBe(true);
    await ok(hub, centerPlain.conn, 'wall.windows.setAlarm', { windowId: centerPlain.windowId, alarm: false });
    const rows = hub.db
      .prepare("SELECT actor_name AS actor, summary FROM audit_log WHERE method = 'wall.windows.setAlarm' ORDER BY id")
      .all() as { actor: string; summary: string }[];
    expect(rows.map((r) => r.summary)).toEqual([
      '设为电视墙报警窗口“普通大屏”（李娜（视频监控））',
      '取消电视墙报警窗口“普通大屏”（李娜（视频监控））',
    ]);
  });

  it('a re-registration without the mark keeps it (a renamed window stays an alarm window)', async () => {
    const again = await ok(hub, center.conn, 'wall.windows.register', { name: '报警大屏' });
    expect(again).toMatchObject({ windowId: center.windowId, alarm: true });
  });

  it('refuses the wrong role, another unit’s window and someone else’s, and hostile ids', async () => {
    expect(code(await call(hub, c.grid!, 'wall.windows.setAlarm', { windowId: center.windowId, alarm: false }))).toBe(
      'E_FORBIDDEN',
    );
    // The station chief is a chief, but of another unit; the coordinator is no chief.
    for (const who of ['station', 'coord']) {
      expect(code(await call(hub, c[who]!, 'wall.windows.setAlarm', { windowId: center.windowId, alarm: false }))).toBe(
        'E_NOT_FOUND',
      );
    }
    expect(
      code(await call(hub, c.chief!, 'wall.windows.setAlarm', { windowId: stationWall.windowId, alarm: false })),
    ).toBe('E_NOT_FOUND');
    expect(code(await call(hub, c.chief!, 'wall.windows.setAlarm', { windowId: 'x'.repeat(65), alarm: true }))).toBe(
      'E_INVALID',
    );
    expect(code(await call(hub, c.chief!, 'wall.windows.setAlarm', { windowId: 'wall-\u0007', alarm: true }))).toBe(
      'E_INVALID',
    );
    expect(code(await call(hub, c.chief!, 'wall.windows.register', { name: '大屏\u0000', alarm: true }))).toBe(
      'E_INVALID',
    );
    expect((await ok(hub, c.chief!, 'wall.windows.list', {})).rows.find((w) => w.name === '报警大屏')?.alarm).toBe(
      true,
    );
  });
});

describe('a new 特急 order', () => {
  it('pushes its workstation’s enabled cameras to the alarm windows that may see it, audited as its creator', async () => {
    const order = await ok(hub, c.hotline!, 'orders.create', ORDER);
    const [got, ...more] = alarms(center.conn);
    expect(more).toEqual([]);
    expect(got).toMatchObject({
      windowId: center.windowId,
      reason: { kind: 'order', orderId: order.id, orderCode: order.code, orderTitle: '燃气泄漏' },
      cameras: ['CAM-A1', 'CAM-A2'],
      layout: null,
      by: { userName: '刘洋（热线信息员）' },
    });
    // Not marked for alarms; and a center order is no business of a station's wall.
    expect(alarms(centerPlain.conn)).toEqual([]);
    expect(alarms(stationWall.conn)).toEqual([]);
    // Only the window's own connection: the same user's console hears nothing.
    expect(alarms(c.monitor!)).toEqual([]);
    const audit = hub.db
      .prepare("SELECT actor_name AS actor, target, summary FROM audit_log WHERE method = 'wall.alarm'")
      .all();
    expect(audit).toEqual([
      {
        actor: '刘洋（热线信息员）',
        target: `wall-window:${center.windowId}`,
        summary: `特急工单 ${order.code}「燃气泄漏」报警：推送 2 路摄像机到电视墙报警窗口“报警大屏”（李娜（视频监控））`,
      },
    ]);
  });

  it('pushes the order’s own camera when it has one; a station’s order reaches the station’s wall too', async () => {
    const order = await ok(hub, c.station!, 'orders.create', { ...ORDER, cameraId: 'CAM-B1', source: 'patrol' });
    expect(order.stationId).toBe('HQ-S1');
    expect(alarms(center.conn).map((a) => a.cameras)).toEqual([['CAM-B1']]);
    expect(alarms(stationWall.conn).map((a) => [a.reason.kind, a.cameras])).toEqual([['order', ['CAM-B1']]]);
  });

  it('is not pushed to a station wall for another station’s order, nor for an ordinary order', async () => {
    await ok(hub, c.hotline!, 'orders.create', { ...ORDER, workstationId: 'HQ-W-CL11' });
    expect(alarms(center.conn).map((a) => a.cameras)).toEqual([['CAM-C1']]);
    expect(alarms(stationWall.conn)).toEqual([]);
    await ok(hub, c.hotline!, 'orders.create', { ...ORDER, urgency: 'normal' });
    expect(alarms(center.conn)).toEqual([]);
  });

  it('with no camera to show pushes nothing (a disabled own camera falls back to its workstation’s)', async () => {
    await ok(hub, c.hotline!, 'orders.create', { ...ORDER, workstationId: 'HQ-W-HQ02' });
    expect(alarms(center.conn)).toEqual([]);
    await ok(hub, c.hotline!, 'orders.create', { ...ORDER, cameraId: 'CAM-A3' });
    expect(alarms(center.conn).map((a) => a.cameras)).toEqual([['CAM-A1', 'CAM-A2']]);
  });

  it('carries hostile titles as plain text and keeps the audit line short', async () => {
    const title = `<img src=x onerror=alert(1)>${'长'.repeat(70)}`;
    await ok(hub, c.hotline!, 'orders.create', { ...ORDER, title });
    const [got] = alarms(center.conn);
    expect(got?.reason).toMatchObject({ kind: 'order', orderTitle: title });
    const last = hub.db
      .prepare("SELECT summary FROM audit_log WHERE method = 'wall.alarm' ORDER BY id DESC LIMIT 1")
      .get() as { summary: string };
    expect(last.summary.length).toBeLessThan(120);
    expect(last.summary).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('acknowledging', () => {
  it('the window’s user (also after a reload) or its chief acknowledges once; others cannot', async () => {
    await ok(hub, c.hotline!, 'orders.create', ORDER);
    const [first] = alarms(center.conn);
    await ok(hub, c.hotline!, 'orders.create', ORDER);
    const [second] = alarms(center.conn);
    const stationOrder = await ok(hub, c.station!, 'orders.create', { ...ORDER, source: 'patrol' });
    const [third] = alarms(stationWall.conn);
    expect(third?.reason).toMatchObject({ orderId: stationOrder.id });
    expect(code(await call(hub, c.grid!, 'wall.alarm.ack', { alarmId: first!.alarmId }))).toBe('E_FORBIDDEN');
    expect(code(await call(hub, c.station!, 'wall.alarm.ack', { alarmId: first!.alarmId }))).toBe('E_NOT_FOUND');
    expect(code(await call(hub, c.chief!, 'wall.alarm.ack', { alarmId: third!.alarmId }))).toBe('E_NOT_FOUND');
    expect(code(await call(hub, c.chief!, 'wall.alarm.ack', { alarmId: `a\u0008b` }))).toBe('E_INVALID');
    // The monitor's console (another connection than the window: as after a reload) acknowledges.
    expect(await ok(hub, c.monitor!, 'wall.alarm.ack', { alarmId: first!.alarmId })).toEqual({
      alarmId: first!.alarmId,
    });
    expect(code(await call(hub, c.monitor!, 'wall.alarm.ack', { alarmId: first!.alarmId }))).toBe('E_NOT_FOUND');
    await ok(hub, c.chief!, 'wall.alarm.ack', { alarmId: second!.alarmId });
    await ok(hub, stationWall.conn, 'wall.alarm.ack', { alarmId: third!.alarmId });
    const summaries = (
      hub.db.prepare("SELECT summary FROM audit_log WHERE method = 'wall.alarm.ack' AND ok = 1 ORDER BY id").all() as {
        summary: string;
      }[]
    ).map((r) => r.summary);
    expect(summaries).toHaveLength(3);
    expect(summaries[0]).toMatch(/^确认电视墙报警窗口“报警大屏”上的特急工单 HQ\d{8}-\d{4}报警，返回原画面$/);
  });
});

describe('an incident', () => {
  const incident = {
    incidentId: 7,
    what: 'activated' as const,
    title: '防台防汛',
    level: 'IV',
    drill: false,
    unitIds: ['HQ-W-HQ14', 'HQ-W-CL11'],
    presetViewId: null,
  };

  it('pushes the affected units’ cameras; a station wall gets those of its own area only', () => {
    hub.wallAlarms.incident(incident, { userId: 8, userName: '赵磊（应急协调）' });
    expect(alarms(center.conn).map((a) => [a.reason, a.cameras])).toEqual([
      [
        { kind: 'incident', incidentId: 7, what: 'activated', title: '防台防汛', level: 'IV', drill: false },
        // In the camera tree's order (grid by grid).
        ['CAM-C1', 'CAM-A1', 'CAM-A2'],
      ],
    ]);
    expect(alarms(stationWall.conn).map((a) => a.cameras)).toEqual([['CAM-A1', 'CAM-A2']]);
    expect(alarms(centerPlain.conn)).toEqual([]);
    // A grid stands for its workstations: only station 2's grid, so the station 1 wall gets nothing.
    hub.wallAlarms.incident({ ...incident, what: 'level', level: 'III', unitIds: ['HQ-G-CL'] }, null);
    expect(alarms(center.conn).map((a) => a.cameras)).toEqual([['CAM-C1']]);
    expect(alarms(stationWall.conn)).toEqual([]);
  });

  it('pushes the plan’s preset view with its layout instead, when there is one', async () => {
    const view = await ok(hub, c.chief!, 'wall.views.save', {
      name: '防汛预置',
      scope: 'shared',
      layout: '4',
      slots: ['CAM-C1', null, 'CAM-B1'],
    });
    hub.wallAlarms.incident({ ...incident, presetViewId: view.id, drill: true }, null);
    const [got] = alarms(center.conn);
    expect(got).toMatchObject({ cameras: ['CAM-C1', 'CAM-B1'], layout: '4', by: null, reason: { drill: true } });
    // The station wall sees only its part of the view, in its own alarm layout.
    expect(alarms(stationWall.conn).map((a) => [a.cameras, a.layout])).toEqual([[['CAM-B1'], null]]);
  });
});

describe('incidents through the API', () => {
  it('activation switches every wall (wall.incident.current) and alarms; escalation alarms, de-escalation not', async () => {
    const activated = await ok(hub, c.coord!, 'incidents.activate', {
      type: 'flood',
      level: 'IV',
      areaIds: ['HQ-W-HQ14', 'HQ-W-CL11'],
      commanderName: '赵磊',
      situation: '台风登陆',
    });
    const id = activated.incident.id;
    expect(alarms(center.conn).map((a) => [a.reason, a.cameras, a.by?.userName])).toEqual([
      [
        { kind: 'incident', incidentId: id, what: 'activated', title: '防台防汛', level: 'IV', drill: false },
        ['CAM-C1', 'CAM-A1', 'CAM-A2'],
        '赵磊（应急协调）',
      ],
    ]);
    expect(alarms(stationWall.conn).map((a) => a.cameras)).toEqual([['CAM-A1', 'CAM-A2']]);
    // Every wall, alarm window or not: the center's sees all, the station's its own area.
    expect((await ok(hub, centerPlain.conn, 'wall.incident.current', {})).incident).toEqual({
      incidentId: id,
      title: '防台防汛',
      level: 'IV',
      drill: false,
      layout: null,
      cameras: ['CAM-C1', 'CAM-A1', 'CAM-A2'],
    });
    expect((await ok(hub, c.station!, 'wall.incident.current', {})).incident?.cameras).toEqual(['CAM-A1', 'CAM-A2']);
    expect(code(await call(hub, c.grid!, 'wall.incident.current', {}))).toBe('E_FORBIDDEN');

    await ok(hub, c.coord!, 'incidents.setLevel', { id, level: 'III', reason: '雨量加大' });
    expect(alarms(center.conn).map((a) => a.reason)).toMatchObject([{ what: 'level', level: 'III' }]);
    await ok(hub, c.coord!, 'incidents.setLevel', { id, level: 'IV', reason: '雨势减弱' });
    expect(alarms(center.conn)).toEqual([]);
    expect((await ok(hub, c.monitor!, 'wall.incident.current', {})).incident?.level).toBe('IV');

    await ok(hub, c.coord!, 'incidents.close', { id, summary: '台风过境，无人员伤亡' });
    expect((await ok(hub, c.monitor!, 'wall.incident.current', {})).incident).toBeNull();
  });
});
