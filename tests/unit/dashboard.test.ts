import { afterEach, describe, expect, it } from 'vitest';
import type { Dashboard, MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { dashboardWorld, HOUR, PERIOD, PREVIOUS, type DashboardWorld } from '../helpers/dashboard-fixture';
import { call, ok, type TestConnection } from '../helpers/hub';

// 统计分析 (issue 14 item 3): dashboard.get's series and KPI cards over a hand-built center.

let world: DashboardWorld | undefined;
afterEach(() => world?.hub.close());

async function setup() {
  world = await dashboardWorld();
  return world;
}

const get = (hub: Hub, conn: TestConnection, input: Partial<MethodInput<'dashboard.get'>> = {}) =>
  ok(hub, conn, 'dashboard.get', { ...PERIOD, ...input });

const total = (d: Dashboard) => d.perDay.reduce((n, r) => n + r.count, 0);
const nonZero = <T extends { count: number }>(rows: T[]) => rows.filter((r) => r.count > 0);

describe('dashboard.get', () => {
  it('buckets the reports by Shanghai day and hour across midnight, drills left out', async () => {
    const { hub, users } = await setup();
    const d = await get(hub, users.chief);
    expect(d.perDay).toEqual([
      { date: '2026-11-25', count: 1 },
      { date: '2026-11-26', count: 2 },
    ]);
    expect(d.perHour).toHaveLength(24);
    expect(nonZero(d.perHour)).toEqual([
      { hour: 0, count: 2 },
      { hour: 23, count: 1 },
    ]);
    expect(d.byDomain).toEqual([{ domainId: '02', count: 3 }]);
    expect(d.byCategory).toEqual([{ categoryId: '02002', domainId: '02', count: 3 }]);
    expect(d.byWorkstation).toHaveLength(36);
    expect(nonZero(d.byWorkstation).map((r) => r.workstationId)).toEqual(['HQ-W-CL01', 'HQ-W-HQ02', 'HQ-W-HQ03']);
    expect(d.byState.reduce((n, r) => n + r.count, 0)).toBe(3);
    expect(d.byState.find((r) => r.state === 'dispatched')?.count).toBe(1);
    expect(d.lights.map((l) => l.green + l.yellow + l.red)).toEqual([1, 2]);
  });

  it('answers the KPI cards of the period and of the one before it', async () => {
    const { hub, users, clock, codes } = await setup();
    const d = await get(hub, users.chief);
    expect(d.period).toEqual(PERIOD);
    expect(d.previousPeriod).toEqual(PREVIOUS);
    // B and D taken in (受理) in the period — C waits for it, E is a drill's; A in the one before.
    expect([d.kpis.accepted, d.previousKpis.accepted]).toEqual([2, 1]);
    expect([d.kpis.filed, d.previousKpis.filed]).toEqual([2, 1]);
    // D dispatched once, never returned; nothing was due to close yet: no denominator, no rate.
    expect(d.kpis.returnRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(d.previousKpis.returnRate).toEqual({ numerator: 0, denominator: 0, value: null });
    // 应结案: the real orders whose deadline fell in the period before now — none of them closed.
    const list = await ok(hub, users.chief, 'orders.list', { filter: {} });
    const due = list.rows.filter(
      (r) => r.code !== codes.E && r.deadlineAt !== null && r.deadlineAt >= PERIOD.from && r.deadlineAt < clock(),
    );
    expect(d.kpis.closeRate).toEqual(
      due.length === 0
        ? { numerator: 0, denominator: 0, value: null }
        : { numerator: 0, denominator: due.length, value: 0 },
    );
    expect(d.kpis.handlingTime).toEqual({ count: 0, averageMs: null, p90Ms: null });
  });

  it('turns the lights as deadlines pass, and counts open orders past them (drills never)', async () => {
    const { hub, users, clock, codes } = await setup();
    // Now: the same red orders as the order list's red light, but the drill's.
    const red = await ok(hub, users.chief, 'orders.list', { filter: { light: 'red' } });
    const redReal = red.rows.filter((r) => r.code !== codes.E).length;
    expect(redReal).toBeGreaterThan(0);
    expect((await get(hub, users.chief)).overdueNow.red).toBe(redReal);
    clock.advance(60 * 24 * HOUR);
    const d = await get(hub, users.chief);
    expect(d.lights).toEqual([
      { date: '2026-11-25', green: 0, yellow: 0, red: 1 },
      { date: '2026-11-26', green: 0, yellow: 0, red: 2 },
    ]);
    // A, B, C, D — E is a drill's.
    expect(d.overdueNow).toEqual({ yellow: 0, red: 4 });
    // Every deadline of the period has passed now: four due (A's fell before), none closed.
    expect(d.kpis.closeRate.denominator).toBeGreaterThan(0);
    expect(d.kpis.closeRate.numerator).toBe(0);
  });

  it('shows a station chief their own station only, whatever the filter asks', async () => {
    const { hub, users } = await setup();
    const s1 = await get(hub, users.station);
    expect(total(s1)).toBe(1);
    expect(nonZero(s1.byWorkstation).map((r) => r.workstationId)).toEqual(['HQ-W-HQ03']);
    expect(s1.byWorkstation).toHaveLength(18);
    expect(s1.byWorkstation.every((r) => r.workstationId.startsWith('HQ-W-HQ'))).toBe(true);
    expect(s1.kpis.accepted).toBe(0);
    expect(s1.byState).toEqual([{ state: 'reported', count: 1 }]);
    const asked = await get(hub, users.station, { stationId: 'HQ-S2' });
    expect(total(asked)).toBe(0);
    expect([asked.kpis.accepted, asked.kpis.filed, asked.overdueNow.red]).toEqual([0, 0, 0]);
    const other = await get(hub, users.station, { workstationId: 'HQ-W-CL01' });
    expect(total(other)).toBe(0);
    const s2 = await get(hub, users.station2);
    expect(nonZero(s2.byWorkstation).map((r) => r.workstationId)).toEqual(['HQ-W-CL01']);
    // The center filters by station like the list: D went to the second station.
    const center = await get(hub, users.chief, { stationId: 'HQ-S2' });
    expect(center.perDay.map((r) => r.count)).toEqual([0, 1]);
  });

  it('filters by domain, workstation, department and source', async () => {
    const { hub, users } = await setup();
    expect(total(await get(hub, users.chief, { source: 'patrol' }))).toBe(1);
    expect(total(await get(hub, users.chief, { domainId: '01' }))).toBe(0);
    expect(total(await get(hub, users.chief, { workstationId: 'HQ-W-HQ02' }))).toBe(1);
    const dept = await get(hub, users.chief, { departmentId: 'no-such-dept' });
    expect([total(dept), dept.kpis.accepted]).toEqual([0, 0]);
  });

  it('is for duty chiefs, coordinators, station chiefs and administrators only', async () => {
    const { hub, users } = await setup();
    for (const conn of [users.hotline, users.monitor, users.grid]) {
      const r = await call(hub, conn, 'dashboard.get', PERIOD);
      expect(r.ok ? 'ok' : r.error.code).toBe('E_FORBIDDEN');
    }
    for (const conn of [users.coord, users.admin]) expect(total(await get(hub, conn))).toBe(3);
  });

  it('refuses a period that ends before it starts or spans more than 366 days, with its code', async () => {
    const { hub, users } = await setup();
    const DAY = 24 * HOUR;
    for (const bad of [
      { from: PERIOD.from, to: PERIOD.from },
      { from: PERIOD.to, to: PERIOD.from },
      { from: PERIOD.to - 366 * DAY - 1, to: PERIOD.to },
    ]) {
      const r = await call(hub, users.chief, 'dashboard.get', bad);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('E_INVALID');
      expect(r.error.details).toEqual({ field: 'to', reason: 'dashboard_range' });
      expect(r.error.message.zh).toMatch(/统计区间/);
      expect(r.error.message.en).toMatch(/period/);
    }
    const year = await get(hub, users.chief, { from: PERIOD.to - 366 * DAY });
    expect(year.perDay).toHaveLength(366);
    expect(total(year)).toBe(4);
  });

  it('takes hostile text in its filters as plain values: no match, no error', async () => {
    const { hub, users } = await setup();
    for (const input of [
      { domainId: "' OR 1=1" },
      { departmentId: "x' OR '1'='1'; DROP TABLE orders; --" },
      { workstationId: '<img src=x onerror=alert(1)>' },
      { stationId: '"; SELECT * FROM users; --' },
    ]) {
      const d = await get(hub, users.chief, input);
      expect([total(d), d.kpis.accepted, d.overdueNow.red]).toEqual([0, 0, 0]);
    }
    const control = await call(hub, users.chief, 'dashboard.get', { ...PERIOD, domainId: 'a\u0000b' });
    expect(control.ok ? 'ok' : control.error.code).toBe('E_INVALID');
    const extra = await call(hub, users.chief, 'dashboard.get', { ...PERIOD, from: -1 });
    expect(extra.ok ? 'ok' : extra.error.code).toBe('E_INVALID');
    // The orders are all still there.
    expect(total(await get(hub, users.chief))).toBe(3);
  });
});
