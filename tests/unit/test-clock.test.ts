import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offsetClock, type OffsetClock } from '../../main/clock';
import { ConfigError } from '../../main/config';
import type { Hub, HubOptions } from '../../main/hub';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { announceClockMove, MAX_ADVANCE_MS, TEST_CLOCK_PATH, testClockFrom } from '../../main/shell-web/test-clock';
import { call, demoHub, ok, signedIn, tempDir, type TestConnection } from '../helpers/hub';

describe('offsetClock', () => {
  it('runs with its base, moves forward only, and never goes back when the base does', () => {
    let base = 1_000_000;
    const clock = offsetClock(() => base);
    expect(clock()).toBe(1_000_000);
    expect(clock.advance(5_000)).toBe(1_005_000);
    base += 10;
    expect(clock()).toBe(1_005_010);
    expect(clock.offset()).toBe(5_000);
    base -= 60_000; // the machine's clock stepped back
    expect(clock()).toBe(1_005_010);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => clock.advance(bad)).toThrow(RangeError);
    expect(clock.offset()).toBe(5_000);
  });
});

describe('testClockFrom (CITYOPS_TEST_CLOCK)', () => {
  it('is off unless set to 1, and refuses a hub that listens beyond loopback', () => {
    expect(testClockFrom({}, '127.0.0.1')).toBeNull();
    expect(testClockFrom({ CITYOPS_TEST_CLOCK: '0' }, '127.0.0.1')).toBeNull();
    expect(testClockFrom({ CITYOPS_TEST_CLOCK: '1' }, '127.0.0.1')).toBeTypeOf('function');
    expect(testClockFrom({ CITYOPS_TEST_CLOCK: '1' }, '::1')).toBeTypeOf('function');
    expect(() => testClockFrom({ CITYOPS_TEST_CLOCK: '1' }, '0.0.0.0')).toThrow(ConfigError);
    expect(() => testClockFrom({ CITYOPS_TEST_CLOCK: '1' }, '192.168.1.20')).toThrow(/loopback/);
    expect(() => testClockFrom({ CITYOPS_TEST_CLOCK: 'yes' }, '127.0.0.1')).toThrow(ConfigError);
  });
});

let staticDir: string;
beforeAll(() => {
  staticDir = tempDir('cityops-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
});

async function post(shell: WebShell, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${shell.url.replace(/\/$/, '')}${TEST_CLOCK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A demo hub on `clock` (the system's when absent) behind a web shell, with the test clock's route when given. */
async function openShell(
  clock?: OffsetClock,
  options: Partial<HubOptions> = {},
): Promise<{ hub: Hub; shell: WebShell }> {
  const hub = await demoHub(clock ? { ...options, clock } : options);
  const testClock = clock ? { clock, onMove: () => announceClockMove(hub) } : undefined;
  const shell = await startWebShell({ hub, host: '127.0.0.1', port: 0, staticDir, maxFrameBytes: 4096, testClock });
  return { hub, shell };
}

describe('the web shell without the test clock', () => {
  let hub: Hub;
  let shell: WebShell;
  beforeAll(async () => ({ hub, shell } = await openShell()));
  afterAll(() => shell.close().then(() => hub.close()));

  it('refuses /__test/clock with 404 and a stable code (not the console page), and moves nothing', async () => {
    const get = await fetch(`${shell.url}__test/clock`);
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({ error: { code: 'E_NOT_FOUND' } });
    const before = hub.services.clock();
    const moved = await post(shell, JSON.stringify({ advanceMs: 3_600_000 }));
    expect(moved.status).toBe(404);
    expect(moved.body).toMatchObject({ error: { code: 'E_NOT_FOUND', message: { zh: '测试时钟未启用' } } });
    expect(hub.services.clock() - before).toBeLessThan(60_000);
  });
});

describe('the web shell with the test clock', () => {
  let hub: Hub;
  let shell: WebShell;
  let clock: OffsetClock;
  let conn: TestConnection;
  beforeAll(async () => {
    clock = offsetClock();
    ({ hub, shell } = await openShell(clock));
    conn = await signedIn(hub, 'chief');
  });
  afterAll(() => shell.close().then(() => hub.close()));

  it('answers the hub’s time; a move is seen by the hub’s services and told to the consoles', async () => {
    const res = await fetch(`${shell.url}__test/clock`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const start = (await res.json()) as { now: number; offsetMs: number };
    expect(start.offsetMs).toBe(0);
    expect(Math.abs(start.now - Date.now())).toBeLessThan(60_000);
    expect((await call(hub, conn, 'duty.onDuty', {})).ok).toBe(true);

    const moved = await post(shell, JSON.stringify({ advanceMs: 90 * 60_000 }));
    expect(moved.status).toBe(200);
    expect(moved.body.offsetMs).toBe(90 * 60_000);
    expect(moved.body.now).toBeGreaterThanOrEqual(start.now + 90 * 60_000);
    expect(hub.services.clock()).toBeGreaterThanOrEqual(start.now + 90 * 60_000);
    expect(conn.events.filter((e) => e.event === 'duty.changed')).toEqual([
      { event: 'duty.changed', payload: { orgUnitId: 'HQ-C', what: 'roster' } },
    ]);
    // The session (12 h) runs on the hub's clock: moved past its end, the console is signed out.
    expect((await post(shell, JSON.stringify({ advanceMs: 11 * 3_600_000 }))).status).toBe(200);
    const expired = await call(hub, conn, 'duty.onDuty', {});
    expect(expired.ok ? null : expired.error.code).toBe('E_UNAUTHENTICATED');
  });

  it('refuses hostile moves with stable codes and leaves the clock where it was', async () => {
    const offset = clock.offset();
    const cases: [string, number, Record<string, string>?][] = [
      [JSON.stringify({ advanceMs: -60_000 }), 400],
      [JSON.stringify({ advanceMs: 0 }), 400],
      [JSON.stringify({ advanceMs: 1.5 }), 400],
      [JSON.stringify({ advanceMs: '60000' }), 400],
      [JSON.stringify({ advanceMs: MAX_ADVANCE_MS + 1 }), 400],
      [JSON.stringify({ advanceMs: 1e308 }), 400],
      [JSON.stringify({ advance: 60_000 }), 400],
      ['null', 400],
      ['{"advanceMs": 6\u0000}', 400],
      ['not json \u001b[31m', 400],
      [JSON.stringify({ advanceMs: 60_000, pad: 'x'.repeat(4096) }), 413],
      [JSON.stringify({ advanceMs: 60_000 }), 415, { 'content-type': 'text/plain' }],
      [JSON.stringify({ advanceMs: 60_000 }), 403, { origin: 'https://evil.example' }],
      [JSON.stringify({ advanceMs: 60_000 }), 403, { origin: 'null' }],
    ];
    for (const [body, status, headers] of cases) {
      const res = await post(shell, body, headers);
      expect({ body: body.slice(0, 40), status: res.status }).toEqual({ body: body.slice(0, 40), status });
      expect((res.body.error as { code: string }).code).toMatch(/^E_(INVALID|FORBIDDEN)$/);
    }
    const put = await fetch(`${shell.url}__test/clock`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(clock.offset()).toBe(offset);
    // The console's own page may move it (tests drive it from there too).
    const own = await post(shell, JSON.stringify({ advanceMs: 1_000 }), { origin: shell.url.replace(/\/$/, '') });
    expect(own.status).toBe(200);
    expect(clock.offset()).toBe(offset + 1_000);
  });
});

describe('a move of the test clock', () => {
  it('runs the time-driven sweeps at once: an order whose deadline it passed is alerted without its timer', async () => {
    // The sweeps' own timers are off: only the move can find the deadline.
    const { hub, shell } = await openShell(offsetClock(), { alertSweepMs: 0, dutySweepMs: 0, incidentSweepMs: 0 });
    try {
      const [hotline, chief, station] = await Promise.all(['hotline', 'chief', 'station'].map((u) => signedIn(hub, u)));
      const order = await ok(hub, hotline!, 'orders.create', {
        title: '燃气泄漏',
        description: '向东村村口闻到燃气味',
        categoryId: '0200201',
        workstationId: 'HQ-W-HQ01',
        address: '向东村村口',
        source: 'hotline',
        urgency: 'critical',
      });
      await ok(hub, chief!, 'orders.act', { id: order.id, action: 'file' });
      await ok(hub, chief!, 'orders.act', {
        id: order.id,
        action: 'dispatch',
        handler: { kind: 'station', id: 'HQ-S1' },
      });
      const limitMs = (order.deadlineAt ?? 0) - order.createdAt;
      expect((await post(shell, JSON.stringify({ advanceMs: Math.round(limitMs * 0.85) }))).status).toBe(200);
      const told = station!.events.filter((e) => e.event === 'orders.alert');
      expect(told.map((e) => (e.payload as { kind: string }).kind)).toEqual(['yellow']);
      // Found by the move: the next sweep has nothing left to announce.
      expect(hub.sweepAlerts()).toBe(0);
    } finally {
      await shell.close();
      hub.close();
    }
  });
});
