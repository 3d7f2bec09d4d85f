import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, WallAlarm } from '../../common/contract';
import type { Hub } from '../../main/hub';
import type { OrderActor } from '../../main/services/orders/actor';
import { Open311Api } from '../../main/services/open311/open311-service';
import { open311DepsFrom } from '../../main/shell-web/open311-routes';
import { connection, demoHub, ok, signedIn, type TestConnection } from '../helpers/hub';

/**
 * Every way a 特急 order comes into being alarms the wall, once: the database
 * queues it (wall_alarm_orders) in the transaction that saved it, the hub sends it after the commit —
 * orders.create at once, any other path (Open311, an urgency raised later, a service call) at the sweep.
 */
let hub: Hub;
let hotline: TestConnection;
let centerWall: { conn: TestConnection; windowId: string };
let stationWall: { conn: TestConnection; windowId: string };

function alarms(conn: TestConnection): WallAlarm[] {
  const got = conn.events.filter((e) => e.event === 'wall.alarm').map((e) => e.payload as WallAlarm);
  conn.events.length = 0;
  return got;
}

async function wallWindow(user: string, name: string) {
  const conn = connection(`wall-${name}`);
  hub.attach(conn);
  await ok(hub, conn, 'auth.login', { username: user, password: 'Demo#2026' });
  const w = await ok(hub, conn, 'wall.windows.register', { name, alarm: true });
  return { conn, windowId: w.windowId };
}

const ORDER: MethodInput<'orders.create'> = {
  title: '燃气泄漏',
  description: '合庆居委小区门口闻到燃气味',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ14',
  address: '合庆居委小区门口',
  source: 'hotline',
  urgency: 'critical',
};

const auditRows = () =>
  (hub.db.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'wall.alarm'").get() as { n: number }).n;

beforeAll(async () => {
  // No sweep by itself: the tests sweep (and prove orders.create does not need it).
  hub = await demoHub({ alertSweepMs: 0, wallAlarmSweepMs: 0 });
  // One camera at 合庆居委 (station 1's area), one at 蔡路村 (station 2's).
  for (const [id, workstationId] of [
    ['CAM-P1', 'HQ-W-HQ14'],
    ['CAM-P2', 'HQ-W-CL11'],
  ] as const) {
    hub.services.cameras.create({
      id,
      name: `测试 ${id}`,
      code: null,
      workstationId,
      mainUrl: `http://127.0.0.1/${id}/main.m3u8`,
      subUrl: null,
      tags: [],
      enabled: true,
    });
  }
  hotline = await signedIn(hub, 'hotline');
  centerWall = await wallWindow('monitor', '报警大屏');
  stationWall = await wallWindow('station', '一站大屏');
}, 60_000);
afterAll(() => hub.close());
beforeEach(() => {
  for (const c of [hotline, centerWall.conn, stationWall.conn]) c.events.length = 0;
});

describe('a 特急 order from the console (orders.create)', () => {
  it('alarms at once, once: the sweep afterwards finds nothing', async () => {
    const before = auditRows();
    const order = await ok(hub, hotline, 'orders.create', ORDER);
    const got = alarms(centerWall.conn);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ reason: { kind: 'order', orderId: order.id }, cameras: ['CAM-P1'] });
    expect(got[0]?.by?.userName).toBe('刘洋（热线信息员）');
    // The center's order (待受理 at the center): station 1's user may not see it, so its window gets nothing.
    expect(alarms(stationWall.conn)).toEqual([]);
    expect(hub.sweepWallAlarms()).toBe(0);
    expect(alarms(centerWall.conn)).toEqual([]);
    expect(auditRows()).toBe(before + 1);
  });

  it('a station’s own 特急 report reaches its window and the center’s, and is kept for those two only', async () => {
    const station = await signedIn(hub, 'station');
    const order = await ok(hub, station, 'orders.create', { ...ORDER, workstationId: 'HQ-W-HQ14' });
    const reason = { kind: 'order', orderId: order.id, orderCode: order.code, orderTitle: '燃气泄漏' };
    expect(alarms(centerWall.conn).map((a) => a.reason)).toEqual([reason]);
    expect(alarms(stationWall.conn).map((a) => a.reason)).toEqual([reason]);
    const kept = hub.db
      .prepare('SELECT window_id AS w FROM wall_alarms WHERE reason LIKE ? ORDER BY window_id')
      .all(`%"orderId":${order.id},%`) as { w: string }[];
    expect(kept.map((k) => k.w).sort()).toEqual([centerWall.windowId, stationWall.windowId].sort());
  });

  it('a normal or 紧急 order does not alarm', async () => {
    await ok(hub, hotline, 'orders.create', { ...ORDER, urgency: 'urgent' });
    await ok(hub, hotline, 'orders.create', { ...ORDER, urgency: 'normal' });
    expect(hub.sweepWallAlarms()).toBe(0);
    expect(alarms(centerWall.conn)).toEqual([]);
  });
});

describe('a 特急 order made any other way', () => {
  it('an order the service makes outside orders.create (an import, a conversion) alarms at the sweep, once', () => {
    const { id: userId } = hub.db.prepare("SELECT id FROM users WHERE username = 'hotline'").get() as { id: number };
    const actor: OrderActor = {
      id: userId,
      name: '导入',
      roles: ['hotline_officer'],
      orgUnitId: 'HQ-C',
      stationId: null,
    };
    const change = hub.db.transaction(() =>
      hub.services.orders.create(
        {
          ...ORDER,
          source: 'hotline',
          responseLevel: 'patrol',
          cameraId: null,
          reporterName: null,
          reporterPhone: null,
          lat: null,
          lng: null,
          attachmentIds: [],
          acceptNow: false,
          workstationId: 'HQ-W-HQ14',
          description: '',
          address: '',
        },
        actor,
      ),
    )();
    expect(alarms(centerWall.conn)).toEqual([]);
    expect(hub.sweepWallAlarms()).toBe(1);
    const got = alarms(centerWall.conn);
    expect(got.map((a) => a.reason.kind === 'order' && a.reason.orderId)).toEqual([change.id]);
    expect(got[0]?.by?.userName).toBe('刘洋（热线信息员）');
    expect(alarms(stationWall.conn)).toEqual([]);
    expect(hub.sweepWallAlarms()).toBe(0);
  });

  it('an Open311 request enters as 一般 (no alarm); raised to 特急 later, it alarms once, and never again', async () => {
    const issued = hub.services.apiKeys.create('12345 热线平台', { id: 1, name: '系统管理员' });
    const api = new Open311Api(open311DepsFrom(hub));
    const [record] = await api.create(
      new Map<string, unknown>([
        ['api_key', issued.secret],
        ['service_code', '0200201'],
        ['workstation', 'HQ-W-HQ14'],
        ['description', '小区门口燃气味很重'],
      ]),
    );
    const code = record?.service_request_id;
    expect(code).toMatch(/^HQ/);
    expect(hub.sweepWallAlarms()).toBe(0);
    const { id } = hub.db.prepare('SELECT id FROM orders WHERE code = ?').get(code) as { id: number };
    const raise = (urgency: string) =>
      hub.db.prepare('UPDATE orders SET urgency = ?, updated_at = updated_at + 1 WHERE id = ?').run(urgency, id);
    raise('critical');
    expect(hub.sweepWallAlarms()).toBe(1);
    const [got, ...more] = alarms(centerWall.conn);
    expect(more).toEqual([]);
    // Nobody in the console made it: the hub is named, and the audit says 系统.
    expect(got).toMatchObject({ reason: { kind: 'order', orderId: id, orderCode: code }, by: null });
    const audit = hub.db
      .prepare("SELECT actor_name AS actor FROM audit_log WHERE method = 'wall.alarm' ORDER BY id DESC LIMIT 1")
      .get() as { actor: string };
    expect(audit.actor).toBe('系统');
    raise('normal');
    raise('critical');
    expect(hub.sweepWallAlarms()).toBe(0);
    expect(alarms(centerWall.conn)).toEqual([]);
  });

  it('an order rolled back with its transaction is not queued', () => {
    const before = (hub.db.prepare('SELECT count(*) AS n FROM wall_alarm_orders').get() as { n: number }).n;
    expect(() =>
      hub.db.transaction(() => {
        hub.db.prepare("UPDATE orders SET urgency = 'critical' WHERE urgency = 'normal'").run();
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect((hub.db.prepare('SELECT count(*) AS n FROM wall_alarm_orders').get() as { n: number }).n).toBe(before);
    expect(hub.sweepWallAlarms()).toBe(0);
  });
});
