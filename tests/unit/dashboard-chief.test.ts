import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { dashboardWorld, PERIOD, PREVIOUS, type DashboardWorld } from '../helpers/dashboard-fixture';
import { call, ok, type TestConnection } from '../helpers/hub';

// dashboard.get's chiefScore (issue 14 item 1) over the dashboard's hand-built center: the duty
// chief filed B (10 min after its report) and D (at once) in the period, A in the one before; the
// drill E and the station's own C were never filed; nothing was closed.

let world: DashboardWorld | undefined;
afterEach(() => world?.hub.close());

const get = (hub: Hub, conn: TestConnection, input: Partial<MethodInput<'dashboard.get'>> = {}) =>
  ok(hub, conn, 'dashboard.get', { ...PERIOD, ...input });

const r = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

/** The name the history recorded for the 立案 of the order with that code. */
async function filerOf(hub: Hub, conn: TestConnection, code: string): Promise<string | undefined> {
  const list = await ok(hub, conn, 'orders.list', { filter: {} });
  const id = list.rows.find((row) => row.code === code)?.id;
  if (id === undefined) return undefined;
  const detail = await ok(hub, conn, 'orders.get', { id });
  return detail.history.find((h) => h.action === 'file')?.actorName;
}

describe('dashboard.get chiefScore', () => {
  it('scores the chief who filed in the period, with the default limits and weights', async () => {
    world = await dashboardWorld();
    const { hub, users, codes } = world;
    const d = await get(hub, users.chief);
    expect(d.chiefScore).toMatchObject({
      fileWithinMinutes: 30,
      closeWithinMinutes: 60,
      weights: { onTimeFiling: 0.25, accurateFiling: 0.4, onTimeClosing: 0.35 },
    });
    expect(d.chiefScore.rows).toHaveLength(1);
    const [row] = d.chiefScore.rows;
    expect(row?.actor.name).toBe(await filerOf(hub, users.chief, codes.B));
    expect(row?.actor.id).toEqual(expect.any(Number));
    // Nothing closed: no 按时结案率, so no score — "—", never 0 or 100.
    const expected = { onTimeFiling: r(2, 2), accurateFiling: r(2, 2), onTimeClosing: r(0, 0), score: null };
    expect(row).toMatchObject({ ...expected, grade: null });
    expect(d.chiefScore.total).toEqual({ ...expected, grade: null });
    // The period before: A alone.
    const before = await get(hub, users.chief, PREVIOUS);
    expect(before.chiefScore.total.onTimeFiling).toEqual(r(1, 1));
  });

  it('applies the hub’s configured step limit: B filed 10 min after its report is late at 5', async () => {
    const chiefScore = {
      fileWithinMinutes: 5,
      closeWithinMinutes: 60,
      weights: { onTimeFiling: 0.5, accurateFiling: 0.25, onTimeClosing: 0.25 },
    };
    world = await dashboardWorld({ chiefScore });
    const { hub, users } = world;
    const d = await get(hub, users.chief);
    expect(d.chiefScore).toMatchObject({ fileWithinMinutes: 5, weights: chiefScore.weights });
    expect(d.chiefScore.rows[0]?.onTimeFiling).toEqual(r(1, 2));
    expect(d.chiefScore.total.onTimeFiling).toEqual(r(1, 2));
  });

  it('shows a station chief their own station only, whatever the filter asks', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    // The first station has none of the filed orders; D went to the second.
    const s1 = await get(hub, users.station);
    expect(s1.chiefScore.rows).toEqual([]);
    expect(s1.chiefScore.total.onTimeFiling).toEqual(r(0, 0));
    expect((await get(hub, users.station, { stationId: 'HQ-S2' })).chiefScore.rows).toEqual([]);
    const s2 = await get(hub, users.station2);
    expect(s2.chiefScore.total.onTimeFiling).toEqual(r(1, 1));
    expect(s2.chiefScore.rows.map((row) => row.onTimeFiling)).toEqual([r(1, 1)]);
    // The center narrows to a station the same way.
    const center = await get(hub, users.chief, { stationId: 'HQ-S2' });
    expect(center.chiefScore).toEqual(s2.chiefScore);
  });

  it('is refused to the wrong roles, as the rest of the dashboard', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    for (const conn of [users.hotline, users.monitor, users.grid]) {
      const res = await call(hub, conn, 'dashboard.get', PERIOD);
      expect(res.ok ? res.value.chiefScore : res.error.code).toBe('E_FORBIDDEN');
    }
    expect((await get(hub, users.coord)).chiefScore.total.onTimeFiling).toEqual(r(2, 2));
  });
});
