import { describe, expect, it } from 'vitest';
import type { MethodInput, OrderSummary } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { MAX_PINNED_INCIDENTS, pinSegments } from '../../main/services/orders/order-pin';
import { call, ok, type TestConnection } from '../helpers/hub';
import { FLOOD_HQ01, incidentHubs, MIN, orderOnHQ01 } from '../helpers/incident-hub';

const setupHub = incidentHubs({ incidentSweepMs: 0 });
const setup = () => setupHub('coord', 'hotline', 'station');

const FLOOD = FLOOD_HQ01;
const order = orderOnHQ01;

type ListInput = MethodInput<'orders.list'>;

/** Every page of the list, one request per `limit` rows, as the console scrolls. */
async function allPages(h: Hub, conn: TestConnection, input: ListInput): Promise<OrderSummary[]> {
  const page = (cursor: string | null) => ok(h, conn, 'orders.list', { ...input, cursor });
  let current = await page(null);
  const rows = [...current.rows];
  for (let i = 0; i < 200 && current.nextCursor !== null; i++) {
    current = await page(current.nextCursor);
    rows.push(...current.rows);
  }
  if (current.nextCursor === null) return rows;
  throw new Error('the list never ended');
}

function ids(rows: readonly OrderSummary[]): number[] {
  return rows.map((r) => r.id);
}

describe('pinSegments', () => {
  const segments = [
    { where: null, index: 'created' as const, keys: ['o.id'] },
    { where: 'o.closed_at IS NULL', index: 'orders_deadline' as const, keys: ['o.id'] },
  ];

  it('leaves the sort as it is when no incident runs', () => {
    expect(pinSegments(segments, [])).toEqual(segments);
  });

  it('walks each segment twice: the linked orders first (found by id), then the rest on its index', () => {
    const pinned = pinSegments(segments, [3, 7]);
    const linked = 'o.id IN (SELECT order_id FROM incident_orders WHERE incident_id IN (3, 7))';
    expect(pinned.map((s) => [s.where, s.index])).toEqual([
      [linked, null],
      [`o.closed_at IS NULL AND ${linked}`, null],
      [`NOT ${linked}`, 'created'],
      [`o.closed_at IS NULL AND NOT ${linked}`, 'orders_deadline'],
    ]);
  });
});

describe('orders.list in incident mode: linked orders pinned first', () => {
  it('pins the running incidents’ orders first in every sort, pages without gaps, and counts as before', async () => {
    const { hub, clock, coord, hotline } = await setup();
    const before: number[] = [];
    for (const title of ['路灯不亮', '井盖缺失', '占道经营', '垃圾满溢']) {
      before.push((await ok(hub, hotline, 'orders.create', order(title, { responseLevel: 'patrol' }))).id);
      clock.advance(MIN);
    }
    const plain = await allPages(hub, coord, { filter: {}, sort: 'created_desc', cursor: null, limit: 3 });
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    clock.advance(MIN);
    const auto = await ok(hub, hotline, 'orders.create', order('海塘路积水'));
    expect(auto.incidentId).toBe(incident.id);
    // An older order linked by hand is pinned too; a drill's linked orders as well.
    const [older, drilled] = [before[0], before[2]] as [number, number];
    await ok(hub, coord, 'incidents.orders.link', { id: incident.id, orderId: older });
    const drill = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true, areaIds: ['HQ-W-CL01'] });
    await ok(hub, coord, 'incidents.orders.link', { id: drill.incident.id, orderId: drilled });
    const pinned = new Set([auto.id, older, drilled]);

    for (const sort of ['created_desc', 'created_asc', 'deadline_asc', 'updated_desc'] as const) {
      const first = await ok(hub, coord, 'orders.list', { filter: {}, sort, cursor: null, limit: 100 });
      const rows = await allPages(hub, coord, { filter: {}, sort, cursor: null, limit: 2 });
      // Paged two at a time, the same rows in the same order as one page: no gaps, no repeats.
      expect(ids(rows)).toEqual(ids(first.rows));
      expect(new Set(ids(rows)).size).toBe(rows.length);
      expect(rows.slice(0, 3).every((r) => pinned.has(r.id))).toBe(true);
      expect(rows.slice(3).some((r) => pinned.has(r.id))).toBe(false);
      expect(first.total).toBe(plain.length + 1);
    }
    const newest = await ok(hub, coord, 'orders.list', { filter: {}, sort: 'created_desc', cursor: null, limit: 100 });
    // Within the pinned rows and the rest, the chosen sort still holds (newest first).
    expect(ids(newest.rows).slice(0, 3)).toEqual([auto.id, drilled, older]);
    expect(ids(newest.rows).slice(3)).toEqual(ids(plain).filter((id) => !pinned.has(id)));
    expect(newest.rows.find((r) => r.id === drilled)?.incidentId).toBe(drill.incident.id);
    expect(newest.rows.find((r) => r.id === before[1])?.incidentId).toBeNull();

    // Full-text search and other filters keep the pin.
    const lamp = await ok(hub, hotline, 'orders.create', order('又一处路灯不亮', { responseLevel: 'patrol' }));
    const text = await ok(hub, coord, 'orders.list', { filter: { text: '路灯' }, limit: 100 });
    expect(text.rows.length).toBeGreaterThan(1);
    expect(text.rows[0]?.id).toBe(older);
    expect(text.rows.slice(1).some((r) => pinned.has(r.id))).toBe(false);
    const byWorkstation = await ok(hub, coord, 'orders.list', {
      filter: { workstationId: 'HQ-W-HQ01' },
      limit: 100,
    });
    expect(ids(byWorkstation.rows).slice(0, 3)).toEqual([auto.id, drilled, older]);

    // Closing both: the list is back to its plain order.
    await ok(hub, coord, 'incidents.close', { id: incident.id, summary: '结束' });
    await ok(hub, coord, 'incidents.close', { id: drill.incident.id, summary: '演练结束' });
    const after = await ok(hub, coord, 'orders.list', { filter: {}, limit: 100 });
    expect(ids(after.rows)).toEqual([lamp.id, auto.id, ...ids(plain)]);
  });

  it('a list paged while an incident starts or ends keeps the order of its first page', async () => {
    const { hub, coord, hotline } = await setup();
    const a = await ok(hub, hotline, 'orders.create', order('一号', { responseLevel: 'patrol' }));
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    await ok(hub, coord, 'incidents.orders.link', { id: incident.id, orderId: a.id });
    const whole = await ok(hub, coord, 'orders.list', { filter: {}, limit: 500 });
    expect(whole.rows[0]?.id).toBe(a.id);
    const first = await ok(hub, coord, 'orders.list', { filter: {}, limit: 1 });
    await ok(hub, coord, 'incidents.close', { id: incident.id, summary: '结束' });
    const rest: OrderSummary[] = [];
    for (let cursor = first.nextCursor; cursor !== null;) {
      const page = await ok(hub, coord, 'orders.list', { filter: {}, limit: 7, cursor });
      rest.push(...page.rows);
      cursor = page.nextCursor;
    }
    expect(ids([...first.rows, ...rest])).toEqual(ids(whole.rows));
  });

  it('pins only what the caller may see: another station’s orders never appear', async () => {
    const { hub, coord, hotline, station } = await setup();
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    const centerOrder = await ok(hub, hotline, 'orders.create', order('中心受理的积水'));
    const stationOrder = await ok(hub, station, 'orders.create', order('一站巡查积水', { source: 'patrol' }));
    expect([centerOrder.incidentId, stationOrder.incidentId]).toEqual([incident.id, incident.id]);
    const seen = await ok(hub, station, 'orders.list', { filter: {}, limit: 500 });
    expect(seen.rows[0]?.id).toBe(stationOrder.id);
    expect(ids(seen.rows)).not.toContain(centerOrder.id);
    expect(seen.rows.every((r) => r.stationId === stationOrder.stationId)).toBe(true);
    const filtered = await ok(hub, station, 'orders.list', { filter: { incidentId: incident.id } });
    expect(ids(filtered.rows)).toEqual([stationOrder.id]);
    expect(filtered.total).toBe(1);
    const all = await ok(hub, coord, 'orders.list', { filter: { incidentId: incident.id } });
    expect(ids(all.rows)).toEqual([stationOrder.id, centerOrder.id]);
  });
});

describe('orders.list: the 关联事件 filter', () => {
  it('shows the linked orders of a running or a closed incident, newest first', async () => {
    const { hub, clock, coord, hotline } = await setup();
    const first = await ok(hub, coord, 'incidents.activate', FLOOD);
    const a = await ok(hub, hotline, 'orders.create', order('第一次积水'));
    await ok(hub, coord, 'incidents.close', { id: first.incident.id, summary: '结束' });
    clock.advance(MIN);
    const second = await ok(hub, coord, 'incidents.activate', { ...FLOOD, type: 'fire' });
    const b = await ok(hub, hotline, 'orders.create', order('火情'));
    const c = await ok(hub, hotline, 'orders.create', order('火情二'));
    const running = await ok(hub, coord, 'orders.list', { filter: { incidentId: second.incident.id } });
    expect(ids(running.rows)).toEqual([c.id, b.id]);
    expect(running.total).toBe(2);
    const closed = await ok(hub, coord, 'orders.list', { filter: { incidentId: first.incident.id } });
    expect(ids(closed.rows)).toEqual([a.id]);
    expect(closed.rows[0]?.incidentId).toBe(first.incident.id);
  });

  it('refuses an unknown incident (E_NOT_FOUND, zh and en) and hostile ids or cursors (E_INVALID)', async () => {
    const { hub, coord, hotline } = await setup();
    const unknown = await call(hub, coord, 'orders.list', { filter: { incidentId: 987_654 } });
    expect(unknown.ok ? null : unknown.error.code).toBe('E_NOT_FOUND');
    expect(unknown.ok ? '' : unknown.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(unknown.ok ? '' : unknown.error.message.en).toMatch(/incident/i);
    for (const incidentId of [0, -1, 1.5, 2 ** 60, '1 OR 1=1', '1\u0000', 'x'.repeat(100_000), null]) {
      const r = await call(hub, coord, 'orders.list', { filter: { incidentId } } as unknown as ListInput);
      expect(r.ok ? null : r.error.code).toBe('E_INVALID');
    }
    // A cursor naming pinned incidents is checked like the rest of it.
    await ok(hub, coord, 'incidents.activate', FLOOD);
    await ok(hub, hotline, 'orders.create', order('积水'));
    await ok(hub, hotline, 'orders.create', order('又一处积水'));
    const page = await ok(hub, coord, 'orders.list', { filter: {}, limit: 1 });
    const decoded = JSON.parse(Buffer.from(page.nextCursor ?? '', 'base64url').toString('utf8')) as {
      p?: unknown;
    };
    expect(Array.isArray(decoded.p)).toBe(true);
    const forged = [['1) OR (1=1'], [-1], Array.from({ length: MAX_PINNED_INCIDENTS + 1 }, (_, i) => i + 1), 'x'];
    for (const p of forged) {
      const cursor = Buffer.from(JSON.stringify({ ...decoded, p })).toString('base64url');
      const r = await call(hub, coord, 'orders.list', { filter: {}, limit: 1, cursor });
      expect(r.ok ? null : r.error.code).toBe('E_INVALID');
    }
  });
});
