import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { defaultSupervisionDue } from '../../main/services/orders/inbox-supervision';
import { addSecondStationChief, call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';

// 督办 rules: one open per order, the default due time, the handler told.

const H = 3600_000;
const NOW = Date.UTC(2026, 10, 25, 1, 0, 0); // Wed 2026-11-25 09:00 Shanghai

describe('defaultSupervisionDue (剩余时限过半)', () => {
  const due = (deadlineAt: number | null, pausedAt: number | null = null) =>
    (defaultSupervisionDue(NOW, { deadlineAt, pausedAt }) - NOW) / H;

  it('is half the remaining time', () => {
    expect(due(NOW + 10 * H)).toBe(5);
    expect(due(NOW + 3 * H)).toBe(1.5);
  });
  it('is at least 1 hour', () => {
    expect(due(NOW + 90 * 60_000)).toBe(1);
  });
  it('is never after the deadline', () => {
    expect(due(NOW + 20 * 60_000)).toBeCloseTo(1 / 3);
  });
  it('gives an overdue order 1 hour and an order without a limit 24 hours', () => {
    expect(due(NOW - 5 * H)).toBe(1);
    expect(due(null)).toBe(24);
  });
  it('counts a parked order’s time as it was when parked', () => {
    expect(due(NOW + 2 * H, NOW - 10 * H)).toBe(6);
  });
});

let hub: Hub | undefined;
afterEach(() => hub?.close());

const ORDER: MethodInput<'orders.create'> = {
  title: '路灯不亮',
  description: '向东村主路路灯连续三盏不亮',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ01',
  address: '向东村主路',
  source: 'hotline',
  reporterName: '王先生',
  reporterPhone: '13812345678',
  urgency: 'normal',
};

async function setup() {
  const clock = testClock(NOW);
  hub = await demoHub({ clock, alertSweepMs: 0 });
  await addSecondStationChief(hub, NOW);
  const [hotline, chief, station, station2] = (await Promise.all(
    ['hotline', 'chief', 'station', 'station2'].map((u) => signedIn(hub!, u)),
  )) as [TestConnection, TestConnection, TestConnection, TestConnection];
  const created = await ok(hub, hotline, 'orders.create', ORDER);
  await ok(hub, chief, 'orders.act', { id: created.id, action: 'file' });
  const order = await ok(hub, chief, 'orders.act', {
    id: created.id,
    action: 'dispatch',
    handler: { kind: 'station', id: 'HQ-S1' },
  });
  return { clock, chief, station, station2, order };
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

describe('督办 through the hub', () => {
  it('defaults the due time from the remaining limit; a second 督办 is a follow-up on the open one', async () => {
    const { clock, chief, order } = await setup();
    const deadline = order.deadlineAt ?? 0;
    const first = await ok(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: '今日内处置' });
    expect(first.supervisions).toHaveLength(1);
    expect(first.supervisions[0]?.dueAt).toBe(defaultSupervisionDue(NOW, { deadlineAt: deadline, pausedAt: null }));
    clock.advance(30 * 60_000);
    const second = await ok(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: '再次催办' });
    expect(second.supervisions).toHaveLength(1);
    const [s] = second.supervisions;
    expect(s?.note).toBe('今日内处置');
    expect(s?.followUps).toEqual([
      { note: '再次催办', dueAt: first.supervisions[0]?.dueAt, byName: '张伟（值班长）', at: NOW + 30 * 60_000 },
    ]);
    // An explicit due time on a follow-up moves the supervision's due time.
    const explicit = NOW + 45 * 60_000;
    const third = await ok(hub!, chief, 'orders.act', {
      id: order.id,
      action: 'supervise',
      reason: '一刻钟内回复',
      supervisionDueAt: explicit,
    });
    expect(third.supervisions).toHaveLength(1);
    expect(third.supervisions[0]?.dueAt).toBe(explicit);
    expect(third.supervisions[0]?.followUps.map((f) => f.dueAt)).toEqual([first.supervisions[0]?.dueAt, explicit]);
    const history = third.history.filter((h) => h.action === 'supervise').map((h) => h.detail?.followUp ?? false);
    expect(history).toEqual([false, true, true]);
  });

  it('opens a new supervision once the last one was answered', async () => {
    const { chief, station, order } = await setup();
    await ok(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: '一' });
    await ok(hub!, station, 'orders.act', { id: order.id, action: 'reply_supervision', reason: '已处理' });
    const again = await ok(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: '二' });
    expect(again.supervisions.map((s) => [s.note, s.reply])).toEqual([
      ['一', '已处理'],
      ['二', null],
    ]);
    const list = await ok(hub!, chief, 'orders.supervisions.list', { onlyOpen: true });
    expect(list.rows.filter((s) => s.orderId === order.id)).toHaveLength(1);
  });

  it('tells the station holding the order, and not another station', async () => {
    const { chief, station, station2, order } = await setup();
    station.events.length = 0;
    station2.events.length = 0;
    await ok(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: '今日内处置' });
    const told = (conn: TestConnection) =>
      conn.events.some((e) => e.event === 'orders.changed' && (e.payload as { id: number }).id === order.id);
    expect(told(station)).toBe(true);
    expect(told(station2)).toBe(false);
    const box = await ok(hub!, station, 'orders.inbox', {});
    expect(box.items.some((i) => i.kind === 'supervision' && i.orderId === order.id)).toBe(true);
  });

  it('refuses the wrong role, another station’s order and hostile text', async () => {
    const { chief, station, station2, order } = await setup();
    expect(code(await call(hub!, station, 'orders.act', { id: order.id, action: 'supervise', reason: 'x' }))).toBe(
      'E_FORBIDDEN',
    );
    await ok(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: '督办' });
    expect(
      code(await call(hub!, station2, 'orders.act', { id: order.id, action: 'reply_supervision', reason: 'x' })),
    ).toBe('E_NOT_FOUND');
    expect(code(await call(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: 'a\u0000b' }))).toBe(
      'E_INVALID',
    );
    expect(
      code(await call(hub!, chief, 'orders.act', { id: order.id, action: 'supervise', reason: '长'.repeat(2001) })),
    ).toBe('E_INVALID');
    expect(
      code(
        await call(hub!, chief, 'orders.act', {
          id: order.id,
          action: 'supervise',
          reason: '过去的期限',
          supervisionDueAt: NOW - 1,
        }),
      ),
    ).toBe('E_INVALID');
    // Nothing half-written: still one supervision, no follow-up from the refused calls.
    const detail = await ok(hub!, chief, 'orders.get', { id: order.id });
    expect(detail.supervisions).toHaveLength(1);
    expect(detail.supervisions[0]?.followUps).toEqual([]);
  });
});
