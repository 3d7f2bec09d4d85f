import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { feedbackCounts } from '../../main/services/orders/feedback-stats';
import { call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';

let hub: Hub | undefined;
afterEach(() => hub?.close());

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

const CALL: MethodInput<'orders.create'> = {
  title: '井盖缺失',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ01', // 向东村, 第一联勤站's area
  source: 'hotline',
  urgency: 'normal',
};

async function setup() {
  const clock = testClock(Date.UTC(2026, 10, 25, 1, 0, 0));
  hub = await demoHub({ clock, alertSweepMs: 0 });
  const [hotline, chief, station, grid] = await Promise.all(
    ['hotline', 'chief', 'station', 'grid'].map((u) => signedIn(hub!, u)),
  );
  return { clock, hotline: hotline!, chief: chief!, station: station!, grid: grid! };
}

/** An order taken in, sent to `stationId`, handled and closed: ready for the call back. */
async function closedOrder(s: Awaited<ReturnType<typeof setup>>, stationId = 'HQ-S1', title = CALL.title) {
  const act = (conn: TestConnection, id: number, action: MethodInput<'orders.act'>['action'], extra = {}) =>
    ok(hub!, conn, 'orders.act', { id, action, ...extra });
  const o = await ok(hub!, s.hotline, 'orders.create', { ...CALL, title });
  await act(s.chief, o.id, 'file');
  await act(s.chief, o.id, 'dispatch', { handler: { kind: 'station', id: stationId } });
  // Handling and verification are not what these tests are about (orders-lifecycle covers them): to 已结案.
  hub!.db.prepare("UPDATE orders SET state = 'closed', closed_at = ? WHERE id = ?").run(s.clock(), o.id);
  return o;
}

describe('feedback (回访) with a result', () => {
  it('requires a result and notes, stores them, and shows them in the detail and the timeline', async () => {
    const s = await setup();
    const o = await closedOrder(s);
    const noResult = await call(hub!, s.hotline, 'orders.act', { id: o.id, action: 'feedback', reason: '已回访' });
    expect(code(noResult)).toBe('E_INVALID');
    if (!noResult.ok) {
      expect(noResult.error.message.zh).toBe('请选择回访结果');
      expect(noResult.error.details).toMatchObject({ field: 'feedbackResult' });
    }
    const noNotes = await call(hub!, s.hotline, 'orders.act', {
      id: o.id,
      action: 'feedback',
      feedbackResult: 'satisfied',
    });
    expect(code(noNotes)).toBe('E_INVALID');
    const odd = await call(hub!, s.hotline, 'orders.act', {
      id: o.id,
      action: 'feedback',
      reason: '回访',
      feedbackResult: 'happy' as 'satisfied',
    });
    expect(code(odd)).toBe('E_INVALID');
    const row = () =>
      hub!.db.prepare('SELECT state, feedback_result AS r FROM orders WHERE id = ?').get(o.id) as {
        state: string;
        r: string | null;
      };
    expect(row()).toEqual({ state: 'closed', r: null }); // nothing half-written

    const done = await ok(hub!, s.hotline, 'orders.act', {
      id: o.id,
      action: 'feedback',
      reason: '回访王先生，认为处理及时',
      feedbackResult: 'basically_satisfied',
    });
    expect(done.state).toBe('fed_back');
    expect(done.feedbackResult).toBe('basically_satisfied');
    const last = done.history.at(-1);
    expect(last?.action).toBe('feedback');
    expect(last?.reason).toBe('回访王先生，认为处理及时');
    expect(last?.detail).toMatchObject({ feedbackResult: 'basically_satisfied' });
    expect(row()).toEqual({ state: 'fed_back', r: 'basically_satisfied' });
  });

  it('refuses the wrong role, another station’s order and hostile notes', async () => {
    const s = await setup();
    const o = await closedOrder(s, 'HQ-S2');
    const input = { id: o.id, action: 'feedback' as const, reason: '回访', feedbackResult: 'satisfied' as const };
    const monitor = await signedIn(hub!, 'monitor');
    expect(code(await call(hub!, monitor, 'orders.act', input))).toBe('E_FORBIDDEN');
    expect(code(await call(hub!, s.station, 'orders.act', input))).toBe('E_NOT_FOUND'); // 第二联勤站's order
    expect(code(await call(hub!, s.hotline, 'orders.act', { ...input, reason: '回访\u0000' }))).toBe('E_INVALID');
    expect(code(await call(hub!, s.hotline, 'orders.act', { ...input, reason: '回'.repeat(5000) }))).toBe('E_INVALID');
    expect(code(await call(hub!, s.hotline, 'orders.act', input))).toBe('OK');
  });

  it('the order list filters by result, within the caller’s scope', async () => {
    const s = await setup();
    const a = await closedOrder(s, 'HQ-S1', '甲井盖');
    const b = await closedOrder(s, 'HQ-S1', '乙井盖');
    const c = await closedOrder(s, 'HQ-S2', '丙井盖');
    const fb = (id: number, feedbackResult: 'satisfied' | 'dissatisfied') =>
      ok(hub!, s.hotline, 'orders.act', { id, action: 'feedback', reason: '回访', feedbackResult });
    await fb(a.id, 'dissatisfied');
    await fb(b.id, 'satisfied');
    await fb(c.id, 'dissatisfied');
    const list = await ok(hub!, s.chief, 'orders.list', { filter: { feedbackResult: 'dissatisfied' } });
    expect(list.rows.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect(list.rows.every((r) => r.feedbackResult === 'dissatisfied')).toBe(true);
    const mine = await ok(hub!, s.station, 'orders.list', { filter: { feedbackResult: 'dissatisfied' } });
    expect(mine.rows.map((r) => r.id)).toEqual([a.id]);
    const bad = await call(hub!, s.chief, 'orders.list', {
      filter: { feedbackResult: 'meh' as 'satisfied' },
    });
    expect(code(bad)).toBe('E_INVALID');
  });

  it('counts per result over a period (the satisfaction KPI’s query), by the time of the call', async () => {
    const s = await setup();
    const orders = [];
    for (const n of ['一', '二', '三', '四']) orders.push(await closedOrder(s, 'HQ-S1', `${n}号井盖`));
    const [o1, o2, o3, o4] = orders.map((o) => o.id) as [number, number, number, number];
    const from = s.clock();
    const fb = (id: number, feedbackResult: MethodInput<'orders.act'>['feedbackResult']) =>
      ok(hub!, s.hotline, 'orders.act', { id, action: 'feedback', reason: '回访', feedbackResult });
    await fb(o1, 'satisfied');
    await fb(o2, 'satisfied');
    await fb(o3, 'unreachable');
    s.clock.advance(3600_000);
    const to = s.clock();
    await fb(o4, 'dissatisfied'); // at `to`: outside [from, to)
    expect(feedbackCounts(hub!.db, { from, to }, { stationId: null })).toEqual({
      counts: { satisfied: 2, basically_satisfied: 0, dissatisfied: 0, unreachable: 1 },
      total: 3,
    });
    expect(feedbackCounts(hub!.db, { from, to: to + 1 }, { stationId: null }).counts.dissatisfied).toBe(1);
    // A station counts its own orders only.
    hub!.db.prepare("UPDATE orders SET station_id = 'HQ-S2' WHERE id = ?").run(o1);
    expect(feedbackCounts(hub!.db, { from, to }, { stationId: 'HQ-S1' }).counts.satisfied).toBe(1);
    expect(feedbackCounts(hub!.db, { from, to }, { stationId: 'HQ-S2' }).total).toBe(1);
    expect(feedbackCounts(hub!.db, { from: to + 1, to: to + 2 }, { stationId: null }).total).toBe(0);
  });
});
