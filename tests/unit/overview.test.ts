import { describe, expect, it } from 'vitest';
import type { MethodInput, Overview, OrderFilter } from '../../common/contract';
import { addSecondStationChief, call, ok, signedIn, type TestConnection } from '../helpers/hub';
import { FLOOD_HQ01, MIN, incidentHubs, orderOnHQ01 } from '../helpers/incident-hub';

// 态势总览 (overview.get): counts by hand over a small fixture, drills left out, station scope, roles,
// hostile input, and every count equal to the order list it links to.

const setup = incidentHubs();
const DAY = 24 * 60 * MIN;

async function fixture() {
  const ctx = await setup('hotline', 'chief', 'station', 'coord', 'grid', 'admin');
  const { hub, hotline, chief, station, coord, clock } = ctx;
  await addSecondStationChief(hub, clock());
  const station2 = await signedIn(hub, 'station2');
  const act = (conn: TestConnection, id: number, action: MethodInput<'orders.act'>['action'], extra = {}) =>
    ok(hub, conn, 'orders.act', { id, action, ...extra });
  // A: taken in at the center, waiting for 立案 (no station).
  const a = await ok(hub, hotline, 'orders.create', orderOnHQ01('待立案的井盖'));
  // B: dispatched to 第一联勤站, received, an extension requested (a pending approval).
  const b = await ok(hub, hotline, 'orders.create', orderOnHQ01('<img src=x onerror=alert(1)> 井盖'));
  await act(chief, b.id, 'file');
  await act(chief, b.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
  await act(station, b.id, 'receive');
  await act(station, b.id, 'request_extension', { reason: '材料未到', extensionHours: 24 });
  // C: dispatched to 第二联勤站 (蔡路), waiting there for 接单.
  const c = await ok(hub, hotline, 'orders.create', orderOnHQ01('蔡路村路灯', { workstationId: 'HQ-W-CL01' }));
  await act(chief, c.id, 'file');
  await act(chief, c.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S2' } });
  // D: closed and voided: not open.
  const d = await ok(hub, hotline, 'orders.create', orderOnHQ01('重复报件'));
  await act(chief, d.id, 'void', { reason: '重复' });
  // E: linked to a drill: never counted, though open.
  const drill = await ok(hub, coord, 'incidents.activate', { ...FLOOD_HQ01, drill: true });
  const e = await ok(hub, hotline, 'orders.create', orderOnHQ01('演练工单'));
  await ok(hub, coord, 'incidents.orders.link', { id: drill.incident.id, orderId: e.id });
  return { ...ctx, station2, act, a, b, c, d, e, drill };
}

/** Moves past every deadline of the fixture; sessions expire meanwhile, so the chiefs sign in again. */
async function monthLater(ctx: Awaited<ReturnType<typeof fixture>>) {
  ctx.clock.advance(30 * DAY);
  const [chief, station, station2] = await Promise.all(
    ['chief', 'station', 'station2'].map((u) => signedIn(ctx.hub, u, undefined, `later-${u}`)),
  );
  return { chief: chief!, station: station!, station2: station2! };
}

const stateCount = (o: Overview, state: string) => o.orders.byState.find((s) => s.state === state)?.count;

/** The order list's total for the filter an overview number links to. */
async function listed(ctx: Awaited<ReturnType<typeof fixture>>, conn: TestConnection, filter: OrderFilter) {
  const page = await ok(ctx.hub, conn, 'orders.list', { filter: { ...filter, drill: false }, limit: 500 });
  return page.rows.map((r) => r.code).sort();
}

describe('overview.get', () => {
  it('counts the open orders by state, light, approval and place, drills and closed orders left out', async () => {
    const ctx = await fixture();
    const o = await ok(ctx.hub, ctx.chief, 'overview.get', {});
    expect(o.stationId).toBeNull();
    expect(o.orders.open).toBe(3);
    expect(o.orders.newToday).toBe(4); // A, B, C, D (voided but created today); E is a drill
    expect(stateCount(o, 'accepted')).toBe(1);
    expect(stateCount(o, 'handling')).toBe(1);
    expect(stateCount(o, 'dispatched')).toBe(1);
    expect(o.orders.byState.reduce((n, s) => n + s.count, 0)).toBe(3);
    expect(o.orders.byLight).toEqual({ green: 3, yellow: 0, red: 0, paused: 0 });
    expect(o.approvals).toEqual({ total: 1, extension: 1, park: 0, return: 0 });
    expect(o.stations.map((s) => [s.id, s.open])).toEqual([
      ['HQ-S1', 1],
      ['HQ-S2', 1],
    ]);
    expect(o.workstations).toHaveLength(36);
    expect(o.workstations.find((w) => w.id === 'HQ-W-HQ01')).toMatchObject({ open: 2, red: 0 });
    expect(o.workstations.find((w) => w.id === 'HQ-W-CL01')).toMatchObject({ open: 1, red: 0 });
    expect(o.incidents.map((i) => [i.id, i.drill])).toEqual([[ctx.drill.incident.id, true]]);
    expect(o.onShift.map((s) => s.orgUnitId)).toEqual(['HQ-C', 'HQ-S1', 'HQ-S2']);
  });

  it('turns red past the deadline, lists the overdue most overdue first, and echoes hostile titles as data', async () => {
    const ctx = await fixture();
    const later = await monthLater(ctx);
    const o = await ok(ctx.hub, later.chief, 'overview.get', {});
    expect(o.orders.byLight).toEqual({ green: 0, yellow: 0, red: 3, paused: 0 });
    expect(o.overdue.total).toBe(3);
    expect(o.overdue.rows.map((r) => r.code).sort()).toEqual([ctx.a.code, ctx.b.code, ctx.c.code].sort());
    const deadlines = o.overdue.rows.map((r) => r.deadlineAt);
    expect([...deadlines].sort((x, y) => x - y)).toEqual(deadlines);
    expect(o.overdue.rows.find((r) => r.id === ctx.b.id)?.title).toBe('<img src=x onerror=alert(1)> 井盖');
    expect(o.workstations.find((w) => w.id === 'HQ-W-HQ01')).toMatchObject({ open: 2, red: 2 });
    expect(o.orders.newToday).toBe(0);
  });

  it('every count equals the order list it links to', async () => {
    const ctx = await fixture();
    const later = await monthLater(ctx);
    for (const conn of [later.chief, later.station]) {
      const o = await ok(ctx.hub, conn, 'overview.get', {});
      for (const s of o.orders.byState) expect(await listed(ctx, conn, { states: [s.state] })).toHaveLength(s.count);
      expect(await listed(ctx, conn, { light: 'red' })).toHaveLength(o.orders.byLight.red);
      expect(await listed(ctx, conn, { approval: 'any' })).toHaveLength(o.approvals.total);
      expect(await listed(ctx, conn, { approval: 'extension' })).toHaveLength(o.approvals.extension);
      const open = o.orders.byState.map((s) => s.state);
      for (const w of o.workstations) {
        expect(await listed(ctx, conn, { workstationId: w.id, states: open })).toHaveLength(w.open);
      }
      for (const s of o.stations)
        expect(await listed(ctx, conn, { stationId: s.id, states: open })).toHaveLength(s.open);
    }
    // drill: true lists exactly the drill's order.
    const drills = await ok(ctx.hub, later.chief, 'orders.list', { filter: { drill: true } });
    expect(drills.rows.map((r) => r.id)).toEqual([ctx.e.id]);
  });

  it('a station chief sees their station only: orders, workstations, shift, cameras, incidents', async () => {
    const ctx = await fixture();
    const s1 = await ok(ctx.hub, ctx.station, 'overview.get', {});
    expect(s1.stationId).toBe('HQ-S1');
    expect(s1.orders.open).toBe(1);
    expect(s1.overdue.rows.every((r) => r.stationId === 'HQ-S1')).toBe(true);
    expect(s1.approvals.total).toBe(1);
    expect(s1.stations.map((s) => s.id)).toEqual(['HQ-S1']);
    expect(s1.workstations.length).toBe(18);
    expect(s1.workstations.find((w) => w.id === 'HQ-W-CL01')).toBeUndefined();
    expect(s1.onShift.map((s) => s.orgUnitId)).toEqual(['HQ-S1']);
    expect(s1.incidents).toHaveLength(1); // the drill is over 合庆村, in the station's area
    const s2 = await ok(ctx.hub, ctx.station2, 'overview.get', {});
    expect(s2.orders.open).toBe(1);
    expect(s2.approvals.total).toBe(0);
    expect(s2.workstations.find((w) => w.id === 'HQ-W-HQ01')).toBeUndefined();
    expect(s2.incidents).toEqual([]);
    const later = await monthLater(ctx);
    const red2 = await ok(ctx.hub, later.station2, 'overview.get', {});
    expect(red2.overdue.rows.map((r) => r.id)).toEqual([ctx.c.id]);
  });

  it('refuses the roles it is not for and hostile input', async () => {
    const ctx = await fixture();
    for (const conn of [ctx.hotline, ctx.grid, ctx.admin]) {
      const r = await call(ctx.hub, conn, 'overview.get', {});
      expect(r.ok ? 'ok' : r.error.code).toBe('E_FORBIDDEN');
    }
    const hostile = await call(ctx.hub, ctx.chief, 'overview.get', {
      stationId: "HQ-S1' OR 1=1 --\u0000",
    } as never);
    expect(hostile.ok ? 'ok' : hostile.error.code).toBe('E_INVALID');
    const coord = await ok(ctx.hub, ctx.coord, 'overview.get', {});
    expect(coord.orders.open).toBe(3);
  });
});
