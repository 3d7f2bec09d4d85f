import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallPushed } from '../../common/contract';
import type { TestConnection } from '../helpers/test-env';
import { take, wallHub, type WallHub } from '../helpers/wall-hub';

// Issue 14 item 4: the big screen (大屏) pushed to a wall window like a camera view. Only someone who
// may see it pushes it, only to a window whose own user may see it (the window reads the overview
// and the dashboard with its own session), and only to a window the pusher may push to at all.

let hub: WallHub;
/** One connection per user: their console, which also shows their wall window (the window is `self`). */
const c: Record<string, TestConnection> = {};
const w: Record<string, { conn: TestConnection; id: string }> = {};
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const received = (conn: TestConnection) => take(conn, 'wall.pushed') as WallPushed[];

beforeAll(async () => {
  hub = await wallHub();
  for (const u of ['monitor', 'coord', 'chief', 'chief2', 'station', 'admin']) {
    const conn = await hub.connect(u);
    c[u] = conn;
    w[u] = { conn, id: (await hub.ok(conn, 'wall.windows.register', { name: `${u} 屏` })).windowId };
  }
  // Six sign-ins at the full password cost: slow on a loaded machine.
}, 120_000);
afterAll(() => hub.close());

describe('wall.push of the big screen', () => {
  it('reaches the window’s connection only, with the default dwell, and is audited', async () => {
    for (const x of Object.values(w)) x.conn.events.length = 0;
    const out = await hub.ok(c.chief!, 'wall.push', { windowId: w.chief!.id, target: { kind: 'bigscreen' } });
    expect(out).toMatchObject({ windowId: w.chief!.id, target: { kind: 'bigscreen', dwellSeconds: 15 } });
    expect(received(w.chief!.conn)).toEqual([out]);
    for (const u of ['monitor', 'coord', 'chief2', 'station', 'admin']) expect(received(w[u]!.conn), u).toEqual([]);
    expect(hub.audit('wall.push').at(-1)).toEqual({
      target: `wall-window:${w.chief!.id}`,
      summary: '推送大屏（每 15 秒轮换）到电视墙窗口“chief 屏”（张伟（值班长））',
      ok: 1,
      errorCode: null,
    });
  });

  it('carries the dwell asked for; a chief puts it on another chief’s window of the unit', async () => {
    const out = await hub.ok(c.chief!, 'wall.push', {
      windowId: w.chief2!.id,
      target: { kind: 'bigscreen', dwellSeconds: 30 },
    });
    expect(out.target).toEqual({ kind: 'bigscreen', dwellSeconds: 30 });
    expect(received(w.chief2!.conn)).toEqual([out]);
    // The coordinator and a station chief on their own windows.
    await hub.ok(c.coord!, 'wall.push', { windowId: w.coord!.id, target: { kind: 'bigscreen' } });
    await hub.ok(c.station!, 'wall.push', { windowId: w.station!.id, target: { kind: 'bigscreen' } });
  });

  it('is refused to a role that may not see it: the video monitor, the administrator', async () => {
    for (const u of ['monitor', 'admin']) {
      const r = await hub.call(c[u]!, 'wall.push', { windowId: w[u]!.id, target: { kind: 'bigscreen' } });
      expect(code(r), u).toBe('E_FORBIDDEN');
    }
    // Their cameras they still push.
    expect(received(w.monitor!.conn)).toEqual([]);
    expect(hub.audit('wall.push').at(-1)).toMatchObject({ ok: 0, errorCode: 'E_FORBIDDEN' });
  });

  it('is refused to a window whose user may not see it, naming why', async () => {
    // The chief may push to the monitor's window (same unit), but the monitor's session cannot read it.
    const r = await hub.call(c.chief!, 'wall.push', { windowId: w.monitor!.id, target: { kind: 'bigscreen' } });
    expect(r.ok ? null : [r.error.code, r.error.message.zh, r.error.details]).toEqual([
      'E_CONFLICT',
      '电视墙窗口“monitor 屏”的登录用户（李娜（视频监控））无权查看大屏',
      { reason: 'bigscreen_viewer' },
    ]);
    expect(received(w.monitor!.conn)).toEqual([]);
  });

  it('never reaches another unit’s window: a station chief and the center answer each other E_NOT_FOUND', async () => {
    for (const x of Object.values(w)) x.conn.events.length = 0;
    const toCenter = await hub.call(c.station!, 'wall.push', { windowId: w.chief!.id, target: { kind: 'bigscreen' } });
    expect(code(toCenter)).toBe('E_NOT_FOUND');
    const toStation = await hub.call(c.chief!, 'wall.push', { windowId: w.station!.id, target: { kind: 'bigscreen' } });
    expect(code(toStation)).toBe('E_NOT_FOUND');
    expect(received(w.chief!.conn)).toEqual([]);
    expect(received(w.station!.conn)).toEqual([]);
  });

  it('refuses a hostile dwell or window id with E_INVALID and sends nothing', async () => {
    w.chief!.conn.events.length = 0;
    const bad: unknown[] = [4, 301, 15.5, '15', null, -1, 1e12];
    for (const dwellSeconds of bad) {
      const r = await hub.call(c.chief!, 'wall.push', {
        windowId: w.chief!.id,
        target: { kind: 'bigscreen', dwellSeconds } as never,
      });
      expect(code(r), String(dwellSeconds)).toBe('E_INVALID');
    }
    const control = await hub.call(c.chief!, 'wall.push', { windowId: 'wall-\u0000x', target: { kind: 'bigscreen' } });
    expect(code(control)).toBe('E_INVALID');
    const long = await hub.call(c.chief!, 'wall.push', { windowId: 'w'.repeat(65), target: { kind: 'bigscreen' } });
    expect(code(long)).toBe('E_INVALID');
    expect(received(w.chief!.conn)).toEqual([]);
  });
});
