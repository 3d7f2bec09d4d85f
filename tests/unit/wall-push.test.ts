import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallPushed } from '../../common/contract';
import type { TestConnection } from '../helpers/test-env';
import { CAMERA_IDS, take, wallHub, type WallHub } from '../helpers/wall-hub';

const [CAM1, CAM2] = CAMERA_IDS as [string, string];

let hub: WallHub;
/** Consoles: one connection per person. Walls: extra connections that show the wall route. */
const c: Record<string, TestConnection> = {};
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const windowIds = async (conn: TestConnection) =>
  (await hub.ok(conn, 'wall.windows.list', {})).rows.map((w) => w.windowId).sort();
const everyone = () => Object.values(c);

beforeAll(async () => {
  hub = await wallHub();
  for (const u of ['monitor', 'coord', 'chief', 'station', 'admin', 'grid']) c[u] = await hub.connect(u);
});
afterAll(() => hub.close());

describe('the event bus', () => {
  it('delivers to the listed connections only, and only while the other conditions hold', async () => {
    const second = await hub.connect('monitor');
    for (const conn of [...everyone(), second]) conn.events.length = 0;
    hub.bus.publish('wall.changed', { what: 'windows' }, { connectionIds: [second.id] });
    expect(everyone().map((conn) => take(conn, 'wall.changed').length)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(take(second, 'wall.changed')).toEqual([{ what: 'windows' }]);
    hub.bus.publish('wall.changed', { what: 'windows' }, { connectionIds: [second.id], userIds: [999] });
    expect(take(second, 'wall.changed')).toEqual([]);
    hub.detach(second);
  });
});

describe('wall windows', () => {
  it('register on their connection; re-registering renames and keeps the id', async () => {
    const wall = await hub.connect('monitor', 'wall-a');
    const w = await hub.ok(wall, 'wall.windows.register', { name: '大屏左' });
    expect(w).toMatchObject({ name: '大屏左', userName: '李娜（视频监控）', orgUnitId: 'HQ-C', self: true });
    const again = await hub.ok(wall, 'wall.windows.register', { name: '大屏 左' });
    expect(again).toMatchObject({ windowId: w.windowId, name: '大屏 左', registeredAt: w.registeredAt });
    expect(await hub.ok(wall, 'wall.windows.unregister', {})).toEqual({ removed: true });
    expect(await hub.ok(wall, 'wall.windows.unregister', {})).toEqual({ removed: false });
    expect(await windowIds(c.monitor!)).toEqual([]);
    hub.detach(wall);
  });

  it('are listed to their user, and to the chiefs of their unit only', async () => {
    const monitorWall = await hub.connect('monitor');
    const coordWall = await hub.connect('coord');
    const stationWall = await hub.connect('station');
    const m = await hub.ok(monitorWall, 'wall.windows.register', { name: '监控大屏' });
    const co = await hub.ok(coordWall, 'wall.windows.register', { name: '应急大屏' });
    const s = await hub.ok(stationWall, 'wall.windows.register', { name: '一站大屏' });
    expect(await windowIds(c.monitor!)).toEqual([m.windowId]);
    expect((await hub.ok(c.monitor!, 'wall.windows.list', {})).rows[0]?.self).toBe(false);
    expect(await windowIds(c.coord!)).toEqual([co.windowId]);
    expect(await windowIds(c.chief!)).toEqual([m.windowId, co.windowId].sort());
    expect(await windowIds(c.station!)).toEqual([s.windowId]);
    expect(await windowIds(c.admin!)).toEqual([]);
    expect(code(await hub.call(c.grid!, 'wall.windows.list', {}))).toBe('E_FORBIDDEN');
    for (const conn of [monitorWall, coordWall, stationWall]) hub.detach(conn);
  });
});

describe('wall.push', () => {
  let wallA: TestConnection;
  let wallB: TestConnection;
  let a: string;

  beforeAll(async () => {
    wallA = await hub.connect('monitor', 'wall-A');
    wallB = await hub.connect('monitor', 'wall-B');
    a = (await hub.ok(wallA, 'wall.windows.register', { name: '大屏 A' })).windowId;
    await hub.ok(wallB, 'wall.windows.register', { name: '大屏 B' });
  });

  const received = (conn: TestConnection) => take(conn, 'wall.pushed') as WallPushed[];
  const clear = () => {
    for (const conn of [...everyone(), wallA, wallB]) conn.events.length = 0;
  };

  it('sends a camera to the target window’s connection only', async () => {
    clear();
    const out = await hub.ok(c.monitor!, 'wall.push', {
      windowId: a,
      target: { kind: 'camera', cameraId: 'cam-0002', slot: 3 },
    });
    expect(out).toMatchObject({
      windowId: a,
      target: { kind: 'camera', cameraId: CAM2, slot: 3 },
      by: { userName: '李娜（视频监控）' },
    });
    expect(received(wallA)).toEqual([out]);
    // Not the other wall window of the same user, not the console that pushed, nobody else.
    expect(received(wallB)).toEqual([]);
    for (const conn of everyone()) expect(received(conn), conn.id).toEqual([]);
  });

  it('resolves a view or a tour so the window can show it without listing it', async () => {
    // The chief's personal view: the monitor's wall window could never list it itself.
    const view = await hub.ok(c.chief!, 'wall.views.save', {
      name: '值班长视角',
      layout: '4',
      slots: [CAM1, null, CAM2],
    });
    const tour = await hub.ok(c.chief!, 'wall.tours.save', {
      name: '值班长轮巡',
      mode: 'tile',
      cameras: [CAM2, CAM1],
      dwellSeconds: 8,
    });
    clear();
    await hub.ok(c.chief!, 'wall.push', { windowId: a, target: { kind: 'view', viewId: view.id } });
    await hub.ok(c.chief!, 'wall.push', { windowId: a, target: { kind: 'tour', tourId: tour.id, slot: 0 } });
    expect(received(wallA).map((p) => p.target)).toEqual([
      { kind: 'view', viewId: view.id, view: { name: '值班长视角', layout: '4', slots: [CAM1, null, CAM2] } },
      {
        kind: 'tour',
        tourId: tour.id,
        slot: 0,
        tour: { name: '值班长轮巡', mode: 'tile', layout: null, cameras: [CAM2, CAM1], dwellSeconds: 8 },
      },
    ]);
    // The monitor cannot push the chief's personal view anywhere.
    const r = await hub.call(c.monitor!, 'wall.push', { windowId: a, target: { kind: 'view', viewId: view.id } });
    expect(code(r)).toBe('E_NOT_FOUND');
  });

  it('refuses windows the caller may not push to, unknown or disabled cameras, and sends nothing', async () => {
    clear();
    const toA = (user: string, target: Parameters<typeof hub.ok<'wall.push'>>[2]['target']) =>
      hub.call(c[user]!, 'wall.push', { windowId: a, target });
    // Another unit's chief, a coordinator, an admin: not their window (answered as missing).
    for (const user of ['station', 'coord', 'admin']) {
      expect(code(await toA(user, { kind: 'camera', cameraId: CAM1 })), user).toBe('E_NOT_FOUND');
    }
    expect(code(await toA('grid', { kind: 'camera', cameraId: CAM1 }))).toBe('E_FORBIDDEN');
    const unknown = await toA('monitor', { kind: 'camera', cameraId: 'CAM-0999' });
    expect(unknown.ok ? null : [unknown.error.code, unknown.error.message.zh]).toEqual([
      'E_NOT_FOUND',
      '摄像机 CAM-0999 不存在',
    ]);
    expect(code(await toA('monitor', { kind: 'tour', tourId: 424242 }))).toBe('E_NOT_FOUND');
    expect(code(await toA('monitor', { kind: 'camera', cameraId: CAM1, slot: 36 }))).toBe('E_INVALID');
    hub.cameras.setEnabled(CAMERA_IDS[9]!, false);
    expect(code(await toA('monitor', { kind: 'camera', cameraId: CAMERA_IDS[9]! }))).toBe('E_CONFLICT');
    const missing = await hub.call(c.monitor!, 'wall.push', {
      windowId: 'wall-nope',
      target: { kind: 'camera', cameraId: CAM1 },
    });
    expect(code(missing)).toBe('E_NOT_FOUND');
    expect(received(wallA)).toEqual([]);
  });

  it('is audited: who pushed what to which window', async () => {
    await hub.ok(c.chief!, 'wall.push', { windowId: a, target: { kind: 'camera', cameraId: CAM1, slot: 0 } });
    expect(hub.audit('wall.push').at(-1)).toEqual({
      target: `wall-window:${a}`,
      summary: `推送摄像机 ${CAM1} 测试 ${CAM1}（第 1 格）到电视墙窗口“大屏 A”（李娜（视频监控））`,
      ok: 1,
      errorCode: null,
    });
    expect(hub.audit('wall.push').filter((r) => r.ok === 0).length).toBeGreaterThan(0);
  });

  it('never reaches another user signed in later on the window’s connection', async () => {
    const shared = await hub.connect('monitor', 'wall-shared');
    const id = (await hub.ok(shared, 'wall.windows.register', { name: '共用屏' })).windowId;
    await hub.ok(shared, 'auth.logout', {});
    await hub.ok(shared, 'auth.login', { username: 'coord', password: 'Demo#2026' });
    shared.events.length = 0;
    await hub.ok(c.monitor!, 'wall.push', { windowId: id, target: { kind: 'camera', cameraId: CAM1 } });
    expect(received(shared)).toEqual([]);
    // Registering as the new user makes it a new window.
    const mine = await hub.ok(shared, 'wall.windows.register', { name: '共用屏' });
    expect(mine.windowId).not.toBe(id);
    hub.detach(shared);
  });

  it('closes a window with its connection: it leaves the lists and cannot be pushed to', async () => {
    clear();
    const before = await windowIds(c.monitor!);
    expect(before).toContain(a);
    hub.detach(wallA);
    expect(await windowIds(c.monitor!)).toEqual(before.filter((id) => id !== a));
    // The consoles that listed it hear of it: its user and the unit's chiefs.
    expect(take(c.monitor!, 'wall.changed')).toEqual([{ what: 'windows' }]);
    expect(take(c.chief!, 'wall.changed')).toEqual([{ what: 'windows' }]);
    expect(take(c.coord!, 'wall.changed')).toEqual([]);
    const r = await hub.call(c.monitor!, 'wall.push', { windowId: a, target: { kind: 'camera', cameraId: CAM1 } });
    expect(code(r)).toBe('E_NOT_FOUND');
    hub.detach(wallB);
    expect(hub.wall.windows.size).toBe(0);
  });
});
