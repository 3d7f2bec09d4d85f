import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClockWarning } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { ClockSanity } from '../../main/services/system/clock-sanity';
import { call, connection, demoHub, ok, signedIn } from '../helpers/hub';

/** A hub's two clocks under the test's hand: wall (the OS's) and monotonic. */
function clocks() {
  const t = { wall: Date.UTC(2026, 11, 3, 2, 0, 0), mono: 1000 };
  const warnings: ClockWarning[] = [];
  const sanity = new ClockSanity({ wall: () => t.wall, monotonic: () => t.mono, warn: (w) => warnings.push(w) });
  const run = (ms: number, wallStep = 0) => {
    t.mono += ms;
    t.wall += ms + wallStep;
  };
  return { t, sanity, warnings, run };
}

describe('the hub clock: wall against monotonic', () => {
  it('time that runs evenly, and steps within 30 s (NTP slewing), are no jump', () => {
    const { sanity, warnings, run } = clocks();
    run(10_000);
    expect(sanity.sweep()).toBeNull();
    run(10_000, 30_000);
    expect(sanity.sweep()).toBeNull();
    run(10_000, -29_000);
    expect(sanity.sweep()).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('a step forward or back beyond 30 s is a jump, warned once, and kept for the status', () => {
    const { t, sanity, warnings, run } = clocks();
    run(10_000, 3_600_000);
    expect(sanity.sweep()).toEqual({ at: t.wall, jumpMs: 3_600_000 });
    run(10_000);
    expect(sanity.sweep()).toBeNull();
    run(10_000, -45_000);
    expect(sanity.sweep()?.jumpMs).toBe(-45_000);
    expect(warnings.map((w) => (w.kind === 'hub-jump' ? w.jumpMs : null))).toEqual([3_600_000, -45_000]);
    expect(sanity.status().hubJumps.map((j) => j.jumpMs)).toEqual([3_600_000, -45_000]);
  });

  it('keeps the newest 20 jumps', () => {
    const { sanity, run } = clocks();
    for (let i = 1; i <= 25; i++) {
      run(10_000, i * 60_000);
      sanity.sweep();
    }
    const kept = sanity.status().hubJumps.map((j) => j.jumpMs / 60_000);
    expect(kept).toHaveLength(20);
    expect(kept[0]).toBe(6);
    expect(kept.at(-1)).toBe(25);
  });
});

describe('a console clock against the hub', () => {
  const report = (sanity: ClockSanity, now: number, offMs: number, connectionId = 'c1') =>
    sanity.report({ connectionId, userId: 7, userName: '张三', consoleTime: now + offMs });

  it('within 30 s is fine; beyond it is warned once until it comes back, then again', () => {
    const { t, sanity, warnings } = clocks();
    expect(report(sanity, t.wall, 29_000)).toEqual({ skewMs: 29_000, off: false });
    expect(report(sanity, t.wall, -90_000)).toEqual({ skewMs: -90_000, off: true });
    expect(report(sanity, t.wall, -91_000).off).toBe(true);
    expect(warnings).toEqual([{ kind: 'console-skew', at: t.wall, skewMs: -90_000, userName: '张三' }]);
    expect(sanity.status().consoles).toEqual([{ userId: 7, userName: '张三', skewMs: -91_000, reportedAt: t.wall }]);
    expect(report(sanity, t.wall, 1_000).off).toBe(false);
    expect(sanity.status().consoles).toEqual([]);
    report(sanity, t.wall, 120_000);
    expect(warnings).toHaveLength(2);
  });

  it('a console that goes away leaves the list', () => {
    const { t, sanity } = clocks();
    report(sanity, t.wall, 60_000, 'a');
    report(sanity, t.wall, 60_000, 'b');
    sanity.forget('a');
    expect(sanity.status().consoles).toHaveLength(1);
  });
});

describe('system.clock.* through the hub', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await demoHub();
  });
  afterAll(() => hub.close());

  it('a console more than 30 s off is told so, and administrators are warned and see it', async () => {
    const admin = await signedIn(hub, 'admin');
    const monitor = await signedIn(hub, 'monitor');
    const answer = await ok(hub, monitor, 'system.clock.report', { consoleTime: Date.now() + 120_000 });
    expect(answer.off).toBe(true);
    expect(answer.skewMs).toBeGreaterThan(110_000);
    expect(answer.skewMs).toBeLessThanOrEqual(120_000);
    const warned = admin.events.filter((e) => e.event === 'system.clockWarning');
    expect(warned).toHaveLength(1);
    expect(warned[0]?.payload).toMatchObject({ kind: 'console-skew' });
    expect(monitor.events.some((e) => e.event === 'system.clockWarning')).toBe(false);
    const status = await ok(hub, admin, 'system.clock.status', {});
    expect(status.toleranceMs).toBe(30_000);
    expect(status.consoles.map((c) => c.userId)).toHaveLength(1);
  });

  it('a console in time is not listed; the status is for administrators only', async () => {
    const chief = await signedIn(hub, 'chief');
    expect((await ok(hub, chief, 'system.clock.report', { consoleTime: Date.now() })).off).toBe(false);
    const refused = await call(hub, chief, 'system.clock.status', {});
    expect(refused.ok ? null : refused.error.code).toBe('E_FORBIDDEN');
    const anonymous = await call(hub, connection('anon'), 'system.clock.report', { consoleTime: Date.now() });
    expect(anonymous.ok ? null : anonymous.error.code).toBe('E_UNAUTHENTICATED');
  });

  it('refuses a console time that is not a time', async () => {
    const monitor = await signedIn(hub, 'monitor', undefined, 'conn-monitor-2');
    for (const consoleTime of ['2026-12-03', -1, 1.5, 2 ** 60, '<script>alert(1)</script>', null]) {
      const result = await call(hub, monitor, 'system.clock.report', { consoleTime } as never);
      expect(result.ok ? null : result.error.code).toBe('E_INVALID');
    }
    const extra = await call(hub, monitor, 'system.clock.report', { consoleTime: Date.now(), userId: 1 } as never);
    expect(extra.ok ? null : extra.error.code).toBe('E_INVALID');
  });
});
