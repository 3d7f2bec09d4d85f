import { afterEach, describe, expect, it } from 'vitest';
import { chiefBreakdown, orderFactsOf, overdueOpen, type OrderFacts } from '../../common/domain/kpi';
import { DAY_MS } from '../../common/domain/time';
import { DEFAULT_CHIEF_OPTIONS } from '../../main/config-kpi';
import { kpiCards } from '../../main/services/dashboard/kpi-cards';
import { OrderFactsRepo } from '../../main/services/orders/order-facts-repo';
import { ALL_TIME_END, factsSpan, rebuildOrderFacts } from '../../main/services/orders/order-facts-store';
import { call, ok, type TestConnection } from '../helpers/hub';
import { keptFactsWorld, START, type KeptFactsWorld } from '../helpers/kept-facts-fixture';

// dashboard.get reads the KPI facts kept at write time (order_facts, migration 0260): they must give
// exactly what the pure functions give over the facts derived from each order's history now.

let world: KeptFactsWorld | undefined;
afterEach(() => world?.hub.close());

/** Every order's facts as orderFactsOf derives them from its row and history now (the drill flag included). */
function derived(w: KeptFactsWorld, stationId: string | null): OrderFacts[] {
  const repo = new OrderFactsRepo(w.hub.db);
  const ids = (
    w.hub.db.prepare('SELECT id, station_id AS s FROM orders ORDER BY id').all() as { id: number; s: string | null }[]
  )
    .filter((o) => stationId === null || o.s === stationId)
    .map((o) => o.id);
  const drills = new Set(w.hub.db.prepare('SELECT id FROM incidents WHERE drill = 1').pluck().all() as number[]);
  const history = repo.history(ids);
  return repo.rows(ids).map((row) => orderFactsOf(row, history.get(row.id) ?? [], drills));
}

/** The kept rows that are not stale, as stored (without the drill flag), by order id. */
function kept(w: KeptFactsWorld): Map<number, unknown> {
  const rows = w.hub.db.prepare('SELECT order_id AS id, facts FROM order_facts WHERE facts IS NOT NULL').all() as {
    id: number;
    facts: string;
  }[];
  return new Map(rows.map((r) => [r.id, JSON.parse(r.facts) as unknown]));
}

function expectKeptEqualDerived(w: KeptFactsWorld): void {
  const stored = kept(w);
  const all = derived(w, null);
  expect(stored.size).toBe(all.length);
  for (const { drill: _drill, ...facts } of all) expect(stored.get(facts.id)).toEqual(facts);
}

const RANGES = [
  { from: START - DAY_MS, to: START + 2 * DAY_MS },
  { from: START, to: START + DAY_MS },
  { from: START + DAY_MS, to: START + 4 * DAY_MS },
  { from: START - 10 * DAY_MS, to: START + 20 * DAY_MS },
  // after every step: only the open orders (在办超期) and the deadlines still ahead
  { from: START + 5 * DAY_MS, to: START + 6 * DAY_MS },
];

/** dashboard.get's KPI parts for each range equal the pure functions over the derived facts. */
async function expectDashboardExact(w: KeptFactsWorld, conn: TestConnection, stationId: string | null) {
  const facts = derived(w, stationId);
  const actors = new OrderFactsRepo(w.hub.db).stepActors(facts.map((f) => f.id));
  const now = w.clock();
  for (const period of RANGES) {
    const d = await ok(w.hub, conn, 'dashboard.get', { ...period, ...(stationId ? { stationId } : {}) });
    expect(d.kpis).toEqual(kpiCards(facts, period, now));
    expect(d.previousKpis).toEqual(kpiCards(facts, d.previousPeriod, now));
    expect(d.overdueNow).toEqual(overdueOpen(facts, now));
    const chief = chiefBreakdown(facts, actors, period, DEFAULT_CHIEF_OPTIONS);
    expect({ rows: d.chiefScore.rows, total: d.chiefScore.total }).toEqual(chief);
  }
}

describe('dashboard.get over the kept KPI facts', () => {
  it('keeps every order’s facts equal to its history through every kind of write', async () => {
    world = await keptFactsWorld();
    expectKeptEqualDerived(world);
    const facts = derived(world, null);
    const byId = new Map(facts.map((f) => [f.id, f]));
    // The fixture did reach what it claims (else the check above proves less than it says).
    expect(byId.get(world.ids.full)?.reworkedAt).toHaveLength(2);
    expect(byId.get(world.ids.full)?.supervisions[0]?.repliedAt).not.toBeNull();
    expect(byId.get(world.ids.full)?.feedbackResult).toBe('basically_satisfied');
    expect(byId.get(world.ids.returned)?.returnedAt).toHaveLength(1);
    expect(byId.get(world.ids.parked)?.parked).toHaveLength(1);
    expect(byId.get(world.ids.voided)?.voidedAt).not.toBeNull();
    expect(byId.get(world.ids.merged)?.mergedAt).not.toBeNull();
    expect(byId.get(world.ids.drill)?.drill).toBe(true);
    expect(byId.get(world.ids.self)?.handledInStation).toBe(true);
    // A finished order spans its instants (its deadline after its closing included); an open one all time.
    const spans = world.hub.db.prepare('SELECT first_at AS first, last_at AS last FROM order_facts WHERE order_id = ?');
    const full = byId.get(world.ids.full)!;
    expect(spans.get(full.id)).toEqual(factsSpan(full));
    expect(factsSpan(full).first).toBe(full.createdAt);
    expect(factsSpan(full).last).toBe(Math.max(full.deadlineAt!, full.feedbackAt!));
    expect(spans.get(world.ids.open)).toEqual({ first: 0, last: ALL_TIME_END });
  });

  it('answers for the center and a station, over several ranges, what the pure KPI functions answer', async () => {
    world = await keptFactsWorld();
    await expectDashboardExact(world, world.users.chief, null);
    await expectDashboardExact(world, world.users.chief, 'HQ-S1');
    // The station's own chief: scoped to the station whatever the filter says.
    await expectDashboardExact(world, world.users.station, 'HQ-S1');
  });

  it('a failed write leaves the facts as they were: they roll back with the order', async () => {
    world = await keptFactsWorld();
    const { hub, users, ids } = world;
    const before = kept(world).get(ids.open);
    // The step's history row fails after the order row was updated (and its facts written again).
    hub.db.exec(`CREATE TEMP TRIGGER fail_dispatch BEFORE INSERT ON order_history WHEN NEW.action = 'dispatch'
                 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const failed = await call(hub, users.chief, 'orders.act', {
      id: ids.open,
      action: 'dispatch',
      handler: { kind: 'station', id: 'HQ-S1' },
    });
    expect(failed.ok).toBe(false);
    hub.db.exec('DROP TRIGGER temp.fail_dispatch');
    expect(kept(world).get(ids.open)).toEqual(before);
    expect((await ok(hub, users.chief, 'orders.get', { id: ids.open })).state).toBe('filed');
    expectKeptEqualDerived(world);
  });

  it('a write outside the orders repository marks the kept row stale; the dashboard derives that order again', async () => {
    world = await keptFactsWorld();
    const { hub, ids } = world;
    hub.db.prepare("UPDATE orders SET station_id = 'HQ-S2' WHERE id = ?").run(ids.full);
    expect(kept(world).has(ids.full)).toBe(false);
    const stale = hub.db.prepare('SELECT facts, first_at AS f, last_at AS l FROM order_facts WHERE order_id = ?');
    expect(stale.get(ids.full)).toEqual({ facts: null, f: 0, l: ALL_TIME_END });
    await expectDashboardExact(world, world.users.chief, null);
    await expectDashboardExact(world, world.users.chief, 'HQ-S2');
  });

  it('the migration’s rebuild derives every order’s facts from the existing data', async () => {
    world = await keptFactsWorld();
    world.hub.db.exec('DELETE FROM order_facts');
    expect(kept(world).size).toBe(0);
    rebuildOrderFacts(world.hub.db);
    expectKeptEqualDerived(world);
  });
});
