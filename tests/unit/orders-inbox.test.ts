import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { addSecondStationChief, call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';

// 待办: orders.inbox for each role and kind, and the order list's visibility.

let hub: Hub | undefined;
afterEach(() => hub?.close());

const START = Date.UTC(2026, 10, 25, 1, 0, 0); // Wed 2026-11-25 09:00 Shanghai

const ORDER: MethodInput<'orders.create'> = {
  title: '井盖缺失',
  description: '向东村村口主路井盖缺失',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ01',
  address: '向东村村口',
  source: 'hotline',
  reporterName: '王先生',
  reporterPhone: '13812345678',
  urgency: 'normal',
};

async function setup() {
  const clock = testClock(START);
  hub = await demoHub({ clock, alertSweepMs: 0 });
  await addSecondStationChief(hub, START);
  const names = ['hotline', 'chief', 'station', 'station2', 'grid', 'monitor', 'coord'] as const;
  const conns = await Promise.all(names.map((u) => signedIn(hub!, u)));
  const [hotline, chief, station, station2, grid, monitor, coord] = conns as [
    TestConnection,
    TestConnection,
    TestConnection,
    TestConnection,
    TestConnection,
    TestConnection,
    TestConnection,
  ];
  return { hub, clock, hotline, chief, station, station2, grid, monitor, coord };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

const act = (conn: TestConnection, id: number, action: MethodInput<'orders.act'>['action'], extra = {}) =>
  ok(hub!, conn, 'orders.act', { id, action, ...extra });

/** An order dispatched to 第一联勤站 (or `station` given). */
async function dispatched(ctx: Ctx, title = ORDER.title, station = 'HQ-S1') {
  const order = await ok(hub!, ctx.hotline, 'orders.create', { ...ORDER, title });
  await act(ctx.chief, order.id, 'file');
  await act(ctx.chief, order.id, 'dispatch', { handler: { kind: 'station', id: station } });
  return order;
}

async function inbox(conn: TestConnection) {
  return ok(hub!, conn, 'orders.inbox', {});
}

/** The conn's items on one order, as `kind/request`. */
async function itemsOn(conn: TestConnection, orderId: number) {
  const box = await inbox(conn);
  return box.items
    .filter((i) => i.orderId === orderId)
    .map((i) => `${i.kind}/${i.request ?? '-'}`)
    .sort();
}

describe('orders.inbox', () => {
  it('a dispatch waits in the station’s inbox until received, never in another station’s', async () => {
    const ctx = await setup();
    const order = await dispatched(ctx);
    const box = await inbox(ctx.station);
    const item = box.items.find((i) => i.orderId === order.id);
    expect(item).toMatchObject({ kind: 'dispatched', orderCode: order.code, byName: expect.any(String) as string });
    expect(box.counts.dispatched).toBeGreaterThanOrEqual(1);
    expect(box.counts.total).toBe(box.items.length);
    expect(await itemsOn(ctx.station2, order.id)).toEqual([]);
    // A duty chief dispatched it: it is not the chief's to take.
    expect(await itemsOn(ctx.chief, order.id)).toEqual([]);
    await act(ctx.station, order.id, 'receive');
    expect(await itemsOn(ctx.station, order.id)).toEqual([]);
  });

  it('an extension, a park and a return request wait for the duty chief until decided', async () => {
    const ctx = await setup();
    const a = await dispatched(ctx, '延时的');
    const b = await dispatched(ctx, '挂账的');
    const c = await dispatched(ctx, '退单的');
    for (const o of [a, b, c]) await act(ctx.station, o.id, 'receive');
    ctx.clock.advance(60_000);
    await act(ctx.station, a.id, 'request_extension', { reason: '材料未到', extensionHours: 24 });
    await act(ctx.station, b.id, 'request_park', { reason: '待汛后施工' });
    await act(ctx.station, c.id, 'request_return', { reason: '非本站职责' });
    const box = await inbox(ctx.chief);
    const mine = box.items.filter((i) => [a.id, b.id, c.id].includes(i.orderId));
    expect(mine.map((i) => [i.orderCode, i.kind, i.request, i.note, i.since])).toEqual([
      [a.code, 'approval', 'extension', '材料未到', START + 60_000],
      [b.code, 'approval', 'park', '待汛后施工', START + 60_000],
      [c.code, 'approval', 'return', '非本站职责', START + 60_000],
    ]);
    expect(mine.every((i) => i.byName === '陈静（第一联勤站）')).toBe(true);
    expect(box.counts.approval).toBe(3);
    // The station asked; it has nothing to approve, and another station sees none of it.
    expect(await itemsOn(ctx.station, a.id)).toEqual([]);
    for (const o of [a, b, c]) expect(await itemsOn(ctx.station2, o.id)).toEqual([]);
    await act(ctx.chief, a.id, 'approve_extension');
    await act(ctx.chief, b.id, 'reject_park', { reason: '请按期处置' });
    await act(ctx.chief, c.id, 'approve_return');
    const after = await inbox(ctx.chief);
    expect(after.items.filter((i) => [a.id, b.id, c.id].includes(i.orderId))).toEqual([]);
    expect(after.counts.approval).toBe(0);
  });

  it('a new request after a refused one is a new item (a new key, so a new notification)', async () => {
    const ctx = await setup();
    const o = await dispatched(ctx);
    await act(ctx.station, o.id, 'receive');
    await act(ctx.station, o.id, 'request_extension', { reason: '一', extensionHours: 4 });
    const first = (await inbox(ctx.chief)).items.find((i) => i.orderId === o.id);
    await act(ctx.chief, o.id, 'reject_extension', { reason: '不批' });
    ctx.clock.advance(5 * 60_000);
    await act(ctx.station, o.id, 'request_extension', { reason: '二', extensionHours: 4 });
    const second = (await inbox(ctx.chief)).items.find((i) => i.orderId === o.id);
    expect(second?.note).toBe('二');
    expect(second?.key).not.toBe(first?.key);
  });

  it('a 督办 waits for the station holding the order; the reply clears it', async () => {
    const ctx = await setup();
    const o = await dispatched(ctx);
    await act(ctx.chief, o.id, 'supervise', { reason: '今日内处置' });
    expect(await itemsOn(ctx.station, o.id)).toEqual(['dispatched/-', 'supervision/-']);
    expect((await inbox(ctx.station)).counts.supervision).toBe(1);
    expect(await itemsOn(ctx.station2, o.id)).toEqual([]);
    // A station's order: the chief supervised it and does not answer it.
    expect(await itemsOn(ctx.chief, o.id)).toEqual([]);
    await act(ctx.station, o.id, 'reply_supervision', { reason: '已安排人员' });
    expect(await itemsOn(ctx.station, o.id)).toEqual(['dispatched/-']);
  });

  it('a 督办 on an order no station holds (a department’s) waits for the duty chief', async () => {
    const ctx = await setup();
    const order = await ok(hub!, ctx.hotline, 'orders.create', ORDER);
    await act(ctx.chief, order.id, 'file');
    const departments = hub!.db.prepare('SELECT id FROM departments LIMIT 1').get() as { id: string };
    await act(ctx.chief, order.id, 'dispatch', { handler: { kind: 'department', id: departments.id } });
    await act(ctx.chief, order.id, 'supervise', { reason: '请部门加快' });
    expect(await itemsOn(ctx.chief, order.id)).toEqual(['supervision/-']);
    expect(await itemsOn(ctx.station, order.id)).toEqual([]);
  });

  it('the grid officer verifies, the hotline officer calls back', async () => {
    const ctx = await setup();
    const o = await dispatched(ctx);
    await act(ctx.station, o.id, 'receive');
    await act(ctx.station, o.id, 'complete', { reason: '已更换井盖' });
    expect(await itemsOn(ctx.grid, o.id)).toEqual(['verify/-']);
    await act(ctx.grid, o.id, 'verify_pass');
    expect(await itemsOn(ctx.grid, o.id)).toEqual([]);
    await act(ctx.chief, o.id, 'close');
    expect(await itemsOn(ctx.hotline, o.id)).toEqual(['feedback/-']);
    await act(ctx.hotline, o.id, 'feedback', { reason: '回访满意', feedbackResult: 'satisfied' });
    expect(await itemsOn(ctx.hotline, o.id)).toEqual([]);
  });

  it('an order moved to another station leaves the first station’s inbox and joins the other’s', async () => {
    const ctx = await setup();
    const o = await dispatched(ctx);
    await act(ctx.chief, o.id, 'supervise', { reason: '加快' });
    await act(ctx.chief, o.id, 'redispatch', { handler: { kind: 'station', id: 'HQ-S2' }, reason: '属第二站' });
    expect(await itemsOn(ctx.station, o.id)).toEqual([]);
    expect(await itemsOn(ctx.station2, o.id)).toEqual(['dispatched/-', 'supervision/-']);
    // Its alerts go too: the station sees no alert on an order it no longer holds.
    const alerts = await ok(hub!, ctx.station, 'orders.alerts.list', {});
    expect(alerts.filter((a) => a.orderId === o.id)).toEqual([]);
    // Opened by a stale link, it is refused without naming the internal id (the same as a missing order).
    for (const id of [o.id, 987_654]) {
      const r = await call(hub!, ctx.station, 'orders.get', { id });
      expect(r.ok ? null : [r.error.code, r.error.message]).toEqual([
        'E_NOT_FOUND',
        { zh: '工单不存在或无权查看', en: 'The work order does not exist or you may not see it' },
      ]);
    }
  });

  it('every item a station user sees is on an order of that station', async () => {
    const ctx = await setup();
    for (const s of ['HQ-S1', 'HQ-S2', 'HQ-S1']) {
      const o = await dispatched(ctx, `派往${s}`, s);
      await act(ctx.chief, o.id, 'supervise', { reason: '督办' });
    }
    for (const [conn, station] of [
      [ctx.station, 'HQ-S1'],
      [ctx.station2, 'HQ-S2'],
    ] as const) {
      const box = await inbox(conn);
      expect(box.items.length).toBeGreaterThan(0);
      for (const item of box.items) {
        const row = hub!.db.prepare('SELECT station_id AS s FROM orders WHERE id = ?').get(item.orderId) as {
          s: string;
        };
        expect(row.s).toBe(station);
      }
    }
  });

  it('is refused to roles without an inbox, and to hostile input', async () => {
    const ctx = await setup();
    for (const conn of [ctx.monitor]) {
      const r = await call(hub!, conn, 'orders.inbox', {});
      expect(r.ok ? 'OK' : r.error.code).toBe('E_FORBIDDEN');
    }
    const hostile = await call(hub!, ctx.chief, 'orders.inbox', { filter: '\u0000'.repeat(10_000) } as never);
    expect(hostile.ok ? 'OK' : hostile.error.code).toBe('E_INVALID');
  });

  it('shows hostile text of a request as text, whole', async () => {
    const ctx = await setup();
    const o = await dispatched(ctx);
    await act(ctx.station, o.id, 'receive');
    const reason = `<script>alert(1)</script> ' OR 1=1 -- ${'长'.repeat(1500)}`;
    await act(ctx.station, o.id, 'request_park', { reason });
    const item = (await inbox(ctx.chief)).items.find((i) => i.orderId === o.id);
    expect(item?.note).toBe(reason);
  });
});
