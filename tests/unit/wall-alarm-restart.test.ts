import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, WallAlarm } from '../../common/contract';
import { openHub, type Hub } from '../../main/hub';
import { call, connection, ok, tempDir, type TestConnection } from '../helpers/hub';

/**
 * Pending wall alarms survive a hub restart: kept in SQLite, given again to the
 * owner's alarm window of the same name when it registers with the reopened hub, acknowledged there
 * with who and when; nobody else's window gets them, and nobody else acknowledges them.
 */
const dataDir = tempDir('cityops-wall-alarm-restart-');
const open = () =>
  openHub({ dataDir, demo: true, alertSweepMs: 0, wallAlarmSweepMs: 0, onInternalError: () => undefined });
let hub: Hub;
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

function alarms(conn: TestConnection): WallAlarm[] {
  const got = conn.events.filter((e) => e.event === 'wall.alarm').map((e) => e.payload as WallAlarm);
  conn.events.length = 0;
  return got;
}

async function signedIn(user: string, id = `conn-${user}`): Promise<TestConnection> {
  const conn = connection(id);
  hub.attach(conn);
  await ok(hub, conn, 'auth.login', { username: user, password: 'Demo#2026' });
  return conn;
}

let windows = 0;
/** A wall window on a connection of its own. */
async function wallWindow(user: string, name: string, alarm: boolean) {
  windows += 1;
  const conn = await signedIn(user, `wall-${windows}`);
  const w = await ok(hub, conn, 'wall.windows.register', { name, alarm });
  return { conn, windowId: w.windowId };
}

const ORDER: MethodInput<'orders.create'> = {
  title: '燃气泄漏',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ14',
  source: 'hotline',
  urgency: 'critical',
};

let first: WallAlarm;
let firstWindowId: string;

beforeAll(async () => {
  hub = await open();
  hub.services.cameras.create({
    id: 'CAM-R1',
    name: '测试 CAM-R1',
    code: null,
    workstationId: 'HQ-W-HQ14',
    mainUrl: 'http://127.0.0.1/CAM-R1/main.m3u8',
    subUrl: null,
    tags: [],
    enabled: true,
  });
  const wall = await wallWindow('monitor', '报警大屏', true);
  firstWindowId = wall.windowId;
  const hotline = await signedIn('hotline');
  await ok(hub, hotline, 'orders.create', ORDER);
  const [got] = alarms(wall.conn);
  if (!got) throw new Error('no alarm before the restart');
  first = got;
  hub.close();
  hub = await open();
}, 60_000);
afterAll(() => hub.close());

describe('after a hub restart', () => {
  it('wall.alarm.pending: the wrong role is refused, another’s window and a plain connection get none, odd input is refused', async () => {
    const grid = await signedIn('grid');
    expect(code(await call(hub, grid, 'wall.alarm.pending', {}))).toBe('E_FORBIDDEN');
    const station = await wallWindow('station', '报警大屏', true);
    expect(await ok(hub, station.conn, 'wall.alarm.pending', {})).toEqual({ rows: [] });
    const console = await signedIn('monitor', 'console-monitor');
    expect(await ok(hub, console, 'wall.alarm.pending', {})).toEqual({ rows: [] });
    expect(code(await call(hub, console, 'wall.alarm.pending', { x: 'a\u0000'.repeat(10_000) } as never))).toBe(
      'E_INVALID',
    );
    await ok(hub, station.conn, 'wall.windows.unregister', {});
  });

  it('someone else’s window of the same name, and the owner’s window of another name, get nothing', async () => {
    const other = await wallWindow('chief', '报警大屏', true);
    expect(alarms(other.conn)).toEqual([]);
    const renamed = await wallWindow('monitor', '二号大屏', true);
    expect(alarms(renamed.conn)).toEqual([]);
    // Nor does the owner's window of that name while it is not marked for alarms.
    const plain = await wallWindow('monitor', '报警大屏', false);
    expect(alarms(plain.conn)).toEqual([]);
    // Marked afterwards (by its owner or the unit's chief): then it gets it.
    const chief = await signedIn('chief');
    await ok(hub, chief, 'wall.windows.setAlarm', { windowId: plain.windowId, alarm: true });
    expect(alarms(plain.conn).map((a) => a.alarmId)).toEqual([first.alarmId]);
    await ok(hub, plain.conn, 'wall.windows.unregister', {});
  });

  it('the owner’s alarm window of that name gets the alarm again, as it was, under its new id', async () => {
    const wall = await wallWindow('monitor', '报警大屏', true);
    expect(wall.windowId).not.toBe(firstWindowId);
    const [again, ...more] = alarms(wall.conn);
    expect(more).toEqual([]);
    expect(again).toEqual({ ...first, windowId: wall.windowId });
    // The window asks as well (wall.alarm.pending): an alarm pushed before it knew its new id is not lost.
    expect(await ok(hub, wall.conn, 'wall.alarm.pending', {})).toEqual({ rows: [again] });
    // A second window of the same name, while that one is open, does not take it away.
    const twin = await wallWindow('monitor', '报警大屏', true);
    expect(alarms(twin.conn)).toEqual([]);
    await ok(hub, twin.conn, 'wall.windows.unregister', {});
  });

  it('refuses to acknowledge it for the wrong role, another unit’s chief, and hostile ids', async () => {
    const grid = await signedIn('grid');
    expect(code(await call(hub, grid, 'wall.alarm.ack', { alarmId: first.alarmId }))).toBe('E_FORBIDDEN');
    const station = await signedIn('station');
    expect(code(await call(hub, station, 'wall.alarm.ack', { alarmId: first.alarmId }))).toBe('E_NOT_FOUND');
    const monitor = await signedIn('monitor');
    expect(code(await call(hub, monitor, 'wall.alarm.ack', { alarmId: 'a'.repeat(65) }))).toBe('E_INVALID');
    expect(code(await call(hub, monitor, 'wall.alarm.ack', { alarmId: 'alarm-\u0000x' }))).toBe('E_INVALID');
    expect(code(await call(hub, monitor, 'wall.alarm.ack', { alarmId: "x' OR 1=1 --" }))).toBe('E_NOT_FOUND');
    const row = hub.db.prepare('SELECT acked_at AS at FROM wall_alarms WHERE id = ?').get(first.alarmId) as {
      at: number | null;
    };
    expect(row.at).toBeNull();
  });

  it('acknowledged by its owner: recorded with who and when, audited, and not given again', async () => {
    const monitor = await signedIn('monitor');
    expect(await ok(hub, monitor, 'wall.alarm.ack', { alarmId: first.alarmId })).toEqual({ alarmId: first.alarmId });
    const row = hub.db
      .prepare('SELECT acked_at AS at, acked_by_name AS byName FROM wall_alarms WHERE id = ?')
      .get(first.alarmId) as { at: number | null; byName: string | null };
    expect(row.byName).toBe('李娜（视频监控）');
    expect(typeof row.at).toBe('number');
    const audit = hub.db
      .prepare("SELECT summary FROM audit_log WHERE method = 'wall.alarm.ack' ORDER BY id DESC LIMIT 1")
      .get() as { summary: string };
    expect(audit.summary).toMatch(/^确认电视墙报警窗口“报警大屏”上的特急工单 HQ\d{8}-\d{4}报警，返回原画面$/);
    expect(code(await call(hub, monitor, 'wall.alarm.ack', { alarmId: first.alarmId }))).toBe('E_NOT_FOUND');
    const wall = await wallWindow('monitor', '报警大屏', true);
    expect(alarms(wall.conn)).toEqual([]);
  });
});
