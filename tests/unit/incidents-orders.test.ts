import { describe, expect, it } from 'vitest';
import { call, ok } from '../helpers/hub';
import { FLOOD_HQ01, INCIDENT_TEST_START, incidentHubs, MIN, orderOnHQ01 } from '../helpers/incident-hub';

const START = INCIDENT_TEST_START;

const setupHub = incidentHubs({ incidentSweepMs: 0 });
const setup = () => setupHub('coord', 'chief', 'monitor', 'hotline', 'station');

const FLOOD = FLOOD_HQ01;
const order = orderOnHQ01;

describe('orders in incident mode', () => {
  it('new orders default to 联动响应 and link to the active real incident; a chosen level is kept and not linked', async () => {
    const { hub, clock, coord, hotline, station } = await setup();
    const before = await ok(hub, hotline, 'orders.create', order('平时路灯不亮'));
    expect(before.responseLevel).toBe('patrol');
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    clock.advance(5 * MIN);
    const linked = await ok(hub, hotline, 'orders.create', order('海塘路积水没过脚踝'));
    expect(linked.responseLevel).toBe('linkage');
    expect(coord.events).toContainEqual({ event: 'incidents.changed', payload: { id: incident.id, what: 'orders' } });
    const chosen = await ok(hub, hotline, 'orders.create', order('井盖缺失', { responseLevel: 'patrol' }));
    expect(chosen.responseLevel).toBe('patrol');
    // A station outside the incident's area links too: the link is the hub's.
    const fromS1 = await ok(hub, station, 'orders.create', order('站内积水', { source: 'patrol' }));
    clock.advance(10 * MIN);
    const d = await ok(hub, coord, 'incidents.get', { id: incident.id });
    expect(d.orders.map((o) => [o.code, o.auto, o.linkedByName])).toEqual([
      [fromS1.code, true, '陈静（第一联勤站）'],
      [linked.code, true, '刘洋（热线信息员）'],
    ]);
    expect(d.orders.find((o) => o.id === linked.id)?.durationMs).toBe(10 * MIN);
    expect(d.timeline.filter((e) => e.kind === 'order_linked').map((e) => e.text)).toEqual([
      `新建并关联工单 ${linked.code}「海塘路积水没过脚踝」`,
      `新建并关联工单 ${fromS1.code}「站内积水」`,
    ]);
    const list = await ok(hub, coord, 'orders.list', { filter: { incidentId: incident.id } });
    expect(list.rows.map((r) => r.id).sort()).toEqual([linked.id, fromS1.id].sort());
    expect(list.total).toBe(2);
    const page = await ok(hub, coord, 'orders.list', { filter: { incidentId: incident.id }, limit: 1 });
    const next = await ok(hub, coord, 'orders.list', {
      filter: { incidentId: incident.id },
      limit: 1,
      cursor: page.nextCursor,
    });
    expect([...page.rows, ...next.rows].map((r) => r.id)).toEqual([fromS1.id, linked.id]);
    const exported = await ok(hub, coord, 'orders.export', { filter: { incidentId: incident.id }, format: 'csv' });
    expect(exported.rows).toBe(2);
  });

  it('a drill alone changes no order defaults; its orders are linked only by hand', async () => {
    const { hub, coord, hotline } = await setup();
    const drill = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true });
    const o = await ok(hub, hotline, 'orders.create', order('演练期间的真实投诉'));
    expect(o.responseLevel).toBe('patrol');
    expect((await ok(hub, coord, 'incidents.get', { id: drill.incident.id })).orders).toEqual([]);
    const d = await ok(hub, coord, 'incidents.orders.link', { id: drill.incident.id, orderId: o.id });
    expect(d.orders.map((x) => [x.id, x.auto, x.linkedByName])).toEqual([[o.id, false, '赵磊（应急协调）']]);
    expect(d.timeline.at(-1)).toMatchObject({ kind: 'order_linked', text: `关联工单 ${o.code}「演练期间的真实投诉」` });
  });

  it('links by hand once; refuses other stations’ orders and incidents, wrong roles, and closed incidents', async () => {
    const { hub, coord, chief, monitor, hotline, station } = await setup();
    const real = await ok(hub, coord, 'incidents.activate', FLOOD);
    const s2drill = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true, areaIds: ['HQ-W-CL01'] });
    const centerOrder = await ok(hub, hotline, 'orders.create', order('中心工单', { responseLevel: 'joint' }));
    const stationOrder = await ok(
      hub,
      station,
      'orders.create',
      order('一站工单', { responseLevel: 'joint', source: 'patrol' }),
    );
    await ok(hub, station, 'incidents.orders.link', { id: real.incident.id, orderId: stationOrder.id });
    const twice = await call(hub, chief, 'incidents.orders.link', { id: real.incident.id, orderId: stationOrder.id });
    expect(twice.ok ? null : twice.error.code).toBe('E_CONFLICT');
    const elsewhere = await call(hub, chief, 'incidents.orders.link', {
      id: s2drill.incident.id,
      orderId: stationOrder.id,
    });
    expect(elsewhere.ok ? null : elsewhere.error.message.zh).toContain(`已关联到另一应急事件（#${real.incident.id}）`);
    // The station cannot see the center's order, nor the other station's incident.
    const hidden = await call(hub, station, 'incidents.orders.link', { id: real.incident.id, orderId: centerOrder.id });
    expect(hidden.ok ? null : hidden.error.code).toBe('E_NOT_FOUND');
    expect(JSON.stringify(hidden)).not.toContain(centerOrder.code);
    const other = await call(hub, station, 'incidents.orders.link', {
      id: s2drill.incident.id,
      orderId: stationOrder.id,
    });
    expect(other.ok ? null : other.error.code).toBe('E_NOT_FOUND');
    for (const conn of [monitor, hotline]) {
      const r = await call(hub, conn, 'incidents.orders.link', { id: real.incident.id, orderId: centerOrder.id });
      expect(r.ok ? null : r.error.code).toBe('E_FORBIDDEN');
    }
    const missing = await call(hub, coord, 'incidents.orders.link', { id: real.incident.id, orderId: 987_654 });
    expect(missing.ok ? null : missing.error.code).toBe('E_NOT_FOUND');
    // The order list's incident filter follows incidents.get's rule.
    for (const method of ['orders.list', 'orders.export'] as const) {
      const r = await call(hub, station, method, {
        filter: { incidentId: s2drill.incident.id },
        format: 'csv',
      } as never);
      expect(r.ok ? null : r.error.code).toBe('E_NOT_FOUND');
    }
    const mine = await ok(hub, station, 'orders.list', { filter: { incidentId: real.incident.id } });
    expect(mine.rows.map((r) => r.id)).toEqual([stationOrder.id]);
    await ok(hub, coord, 'incidents.close', { id: real.incident.id, summary: '结束' });
    const closed = await call(hub, coord, 'incidents.orders.link', { id: real.incident.id, orderId: centerOrder.id });
    expect(closed.ok ? null : closed.error.code).toBe('E_CONFLICT');
    // Closed: new orders are back to the everyday default.
    expect((await ok(hub, hotline, 'orders.create', order('平时工单'))).responseLevel).toBe('patrol');
  });
});

describe('handover summary: the incident section', () => {
  it('names the shift’s incident: active, then closed during the shift; a station only its own area’s', async () => {
    const { hub, clock, coord, chief, station } = await setup();
    expect((await ok(hub, chief, 'duty.handover.preview', {})).incident).toBeNull();
    const { incident } = await ok(hub, coord, 'incidents.activate', FLOOD);
    await ok(hub, coord, 'incidents.setLevel', { id: incident.id, level: 'III', reason: '加强' });
    expect((await ok(hub, chief, 'duty.handover.preview', {})).incident).toEqual({
      id: incident.id,
      name: '防台防汛',
      level: 'Ⅲ级（较大）',
      startedAt: START,
      closedAt: null,
    });
    expect((await ok(hub, station, 'duty.handover.preview', {})).incident?.id).toBe(incident.id);
    clock.advance(30 * MIN);
    await ok(hub, coord, 'incidents.close', { id: incident.id, summary: '结束' });
    const drill = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true, areaIds: ['HQ-W-CL01'] });
    // The real incident, though closed, comes before the drill.
    expect((await ok(hub, chief, 'duty.handover.preview', {})).incident).toMatchObject({
      id: incident.id,
      closedAt: START + 30 * MIN,
    });
    await ok(hub, coord, 'incidents.close', { id: drill.incident.id, summary: '演练结束' });
    // The next shift (16:00–24:00) began after both closed: nothing.
    clock.advance(8 * 60 * MIN);
    expect((await ok(hub, chief, 'duty.handover.preview', {})).incident).toBeNull();
  });

  it('marks a drill in the section', async () => {
    const { hub, coord, chief, station } = await setup();
    const drill = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true, areaIds: ['HQ-W-CL01'] });
    expect((await ok(hub, chief, 'duty.handover.preview', {})).incident).toMatchObject({
      id: drill.incident.id,
      name: '【演练】防台防汛',
    });
    // Not the first station's area.
    expect((await ok(hub, station, 'duty.handover.preview', {})).incident).toBeNull();
  });
});
