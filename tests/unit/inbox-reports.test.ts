import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { addSecondStationChief, call, ok, signedIn, type TestConnection } from '../helpers/hub';
import { FLOOD_HQ01, INCIDENT_TEST_START, incidentHubs, MIN } from '../helpers/incident-hub';

// 待办: the incident reports the caller must send, in orders.inbox beside the orders.

const setupHub = incidentHubs({ incidentSweepMs: 0 });

async function setup() {
  const ctx = await setupHub('coord', 'chief', 'station', 'monitor', 'hotline');
  await addSecondStationChief(ctx.hub, INCIDENT_TEST_START);
  return { ...ctx, station2: await signedIn(ctx.hub, 'station2') };
}

/** The conn's waiting reports as `kind/status`, and the count the badges show. */
async function reportsOf(hub: Hub, conn: TestConnection) {
  const box = await ok(hub, conn, 'orders.inbox', {});
  expect(box.counts.report).toBe(box.reports.length);
  expect(box.counts.total).toBe(box.items.length + box.reports.length);
  return box.reports.map((r) => `${r.report.kind}/${r.report.status}`);
}

describe('orders.inbox: incident reports due', () => {
  it('lists a report due within 5 minutes or missed for those who send it, until recorded', async () => {
    const { hub, clock, coord, chief, station, station2, hotline } = await setup();
    const { incident, reports } = await ok(hub, coord, 'incidents.activate', FLOOD_HQ01);
    const initial = reports[0]!;
    // Pending (25 minutes to go): nothing to do yet.
    for (const conn of [coord, chief, station]) expect(await reportsOf(hub, conn)).toEqual([]);

    clock.advance(26 * MIN);
    const soon = await ok(hub, coord, 'orders.inbox', {});
    expect(soon.reports).toEqual([
      {
        key: `report:${initial.id}:soon`,
        incidentId: incident.id,
        incidentName: '防台防汛',
        drill: false,
        report: expect.objectContaining({
          id: initial.id,
          kind: 'initial',
          status: 'soon',
          dueAt: initial.dueAt,
        }) as unknown,
      },
    ]);
    // The center's chief and the affected station's chief send reports too; another station does not,
    // nor does the hotline (not an incident actor).
    expect(await reportsOf(hub, chief)).toEqual(['initial/soon']);
    expect(await reportsOf(hub, station)).toEqual(['initial/soon']);
    expect(await reportsOf(hub, station2)).toEqual([]);
    expect(await reportsOf(hub, hotline)).toEqual([]);

    // Past the deadline it stays, as missed, under a new key (a new notice).
    clock.advance(10 * MIN);
    const missed = await ok(hub, coord, 'orders.inbox', {});
    expect(missed.reports.map((r) => [r.key, r.report.status])).toEqual([[`report:${initial.id}:missed`, 'missed']]);

    await ok(hub, station, 'incidents.report.record', { id: incident.id, reportId: initial.id, text: '已电话报告' });
    for (const conn of [coord, chief, station]) expect(await reportsOf(hub, conn)).toEqual([]);
  });

  it('drops reports superseded by a level change and those of a closed incident; a drill’s are marked', async () => {
    const { hub, clock, coord, station } = await setup();
    const real = await ok(hub, coord, 'incidents.activate', FLOOD_HQ01);
    const drill = await ok(hub, coord, 'incidents.activate', { ...FLOOD_HQ01, drill: true, name: '防汛演练' });
    clock.advance(27 * MIN);
    const box = await ok(hub, coord, 'orders.inbox', {});
    expect(box.reports.map((r) => [r.incidentId, r.drill])).toEqual([
      [real.incident.id, false],
      [drill.incident.id, true],
    ]);
    await ok(hub, coord, 'incidents.setLevel', { id: real.incident.id, level: 'III', reason: '加强' });
    await ok(hub, coord, 'incidents.close', { id: drill.incident.id, summary: '演练结束' });
    const after = await ok(hub, station, 'orders.inbox', {});
    // Ⅲ's own 初报 is due later: nothing from the old level, nothing from the closed drill.
    expect(after.reports.filter((r) => r.report.level === 'IV')).toEqual([]);
    expect(after.reports.filter((r) => r.incidentId === drill.incident.id)).toEqual([]);
  });

  it('refuses a role without reports or orders to act on, and shows hostile names as text', async () => {
    const { hub, clock, coord, monitor } = await setup();
    const r = await call(hub, monitor, 'orders.inbox', {});
    expect(r.ok ? 'OK' : r.error.code).toBe('E_FORBIDDEN');
    const name = `<script>alert(1)</script>' OR 1=1 --`;
    await ok(hub, coord, 'incidents.activate', { ...FLOOD_HQ01, name });
    clock.advance(40 * MIN);
    const box = await ok(hub, coord, 'orders.inbox', {});
    expect(box.reports.map((x) => x.incidentName)).toEqual([name]);
    const hostile = await call(hub, coord, 'orders.inbox', { x: '\u0007'.repeat(100_000) } as never);
    expect(hostile.ok ? 'OK' : hostile.error.code).toBe('E_INVALID');
  });
});
