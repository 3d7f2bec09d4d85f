import { afterEach, describe, expect, it } from 'vitest';
import { chiefBreakdown, orderFactsOf, overdueOpen, type OrderFacts } from '../../common/domain/kpi';
import { DAY_MS, dayStart, shanghaiDay } from '../../common/domain/time';
import { openDashboard } from '../../main/api/handlers/dashboard-handlers';
import { OrgRepo } from '../../main/services/org/org-repo';
import { DEFAULT_CHIEF_OPTIONS } from '../../main/config-kpi';
import { kpiCards } from '../../main/services/dashboard/kpi-cards';
import { OrderFactsRepo } from '../../main/services/orders/order-facts-repo';
import {
  ALL_TIME_END,
  factsSpan,
  OrderFactsStore,
  rebuildOrderFacts,
} from '../../main/services/orders/order-facts-store';
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
  const rows = w.hub.db.prepare('SELECT order_id AS id, facts FROM order_facts WHERE stale = 0').all() as {
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

/** Shanghai midnight of START's day. */
const DAY0 = dayStart(shanghaiDay(START));

const RANGES = [
  { from: START - DAY_MS, to: START + 2 * DAY_MS },
  { from: START, to: START + DAY_MS },
  { from: START + DAY_MS, to: START + 4 * DAY_MS },
  { from: START - 10 * DAY_MS, to: START + 20 * DAY_MS },
  // after every step: only the open orders (在办超期) and the deadlines still ahead
  { from: START + 5 * DAY_MS, to: START + 6 * DAY_MS },
  // Whole Shanghai days: the per-day counts (kpi_days) answer these
  ...[
    [-1, 2],
    [0, 1],
    [1, 4],
    [3, 4],
    [-10, 20],
    [5, 6],
    [-40, 40],
  ].map(([a = 0, b = 0]) => ({ from: DAY0 + a * DAY_MS, to: DAY0 + b * DAY_MS })),
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
    // The series too: the counts' answer equals the kept facts' and GROUP BY's over the orders.
    const viewer = { stationId: conn === w.users.station ? 'HQ-S1' : null };
    expect(d).toEqual(referenceDashboard(w).fromFacts({ ...period, ...(stationId ? { stationId } : {}) }, viewer));
  }
}

/** The dashboard of the hub's database read from every order's kept facts (the reference for the counts). */
function referenceDashboard(w: KeptFactsWorld) {
  return openDashboard({ db: w.hub.db, org: new OrgRepo(w.hub.db), clock: w.clock });
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

  it('answers a dashboard narrowed by domain, source, workstation or department exactly too', async () => {
    world = await keptFactsWorld();
    const all = derived(world, null);
    const now = world.clock();
    const filters = [
      { domainId: '02' },
      { source: 'patrol' as const },
      { workstationId: 'HQ-W-CL01' },
      { departmentId: 'DEP-WATER' },
      { domainId: '02', source: 'hotline' as const },
    ];
    for (const filter of filters) {
      const facts = all.filter(
        (f) =>
          (filter.domainId === undefined || f.domainId === filter.domainId) &&
          ('source' in filter ? f.source === filter.source : true) &&
          ('workstationId' in filter ? f.workstationId === filter.workstationId : true) &&
          ('departmentId' in filter ? f.departmentId === filter.departmentId : true),
      );
      expect(facts.length).toBeGreaterThan(0);
      for (const period of RANGES) {
        const d = await ok(world.hub, world.users.chief, 'dashboard.get', { ...period, ...filter });
        expect(d.kpis).toEqual(kpiCards(facts, period, now));
        expect(d.previousKpis).toEqual(kpiCards(facts, d.previousPeriod, now));
        expect(d.overdueNow).toEqual(overdueOpen(facts, now));
        expect(d).toEqual(referenceDashboard(world).fromFacts({ ...period, ...filter }, { stationId: null }));
      }
    }
  });

  it('answers the same when the orders’ days lie in whole blocks of the counts, three weeks later', async () => {
    world = await keptFactsWorld();
    // Every step of the fixture now lies in 16-day blocks wholly before today: the block counts answer.
    world.clock.advance(25 * DAY_MS);
    await expectDashboardExact(world, world.users.chief, null);
    await expectDashboardExact(world, world.users.station, 'HQ-S1');
    const blocks = world.hub.db.prepare("SELECT count(*) FROM kpi_days WHERE family = 'K'").pluck().get() as number;
    expect(blocks).toBeGreaterThan(0);
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
    const stale = hub.db.prepare('SELECT stale, first_at AS f, last_at AS l FROM order_facts WHERE order_id = ?');
    expect(stale.get(ids.full)).toEqual({ stale: 1, f: 0, l: ALL_TIME_END });
    await expectDashboardExact(world, world.users.chief, null);
    await expectDashboardExact(world, world.users.chief, 'HQ-S2');
  });

  it('the migration’s rebuild derives every order’s facts and per-day counts from the existing data', async () => {
    world = await keptFactsWorld();
    const counts = () =>
      world!.hub.db.prepare('SELECT * FROM kpi_days ORDER BY family, day, station, metric, actor').all();
    const handling = () => world!.hub.db.prepare('SELECT * FROM order_handling ORDER BY order_id').all();
    const keptByWrites = counts();
    const handlingByWrites = handling();
    expect(keptByWrites.length).toBeGreaterThan(50);
    world.hub.db.exec('DELETE FROM order_facts; DELETE FROM kpi_days; DELETE FROM order_handling');
    expect(kept(world).size).toBe(0);
    rebuildOrderFacts(world.hub.db);
    expectKeptEqualDerived(world);
    // The counts kept write by write equal those made at once from every order.
    expect(counts()).toEqual(keptByWrites);
    expect(handling()).toEqual(handlingByWrites);
  });

  it('the dashboard of whole days reads the per-day counts (a count changed shows), not the facts', async () => {
    world = await keptFactsWorld();
    const period = { from: DAY0 - DAY_MS, to: DAY0 + 4 * DAY_MS };
    const before = await ok(world.hub, world.users.chief, 'dashboard.get', period);
    world.hub.db.exec("UPDATE kpi_days SET n = n + 1 WHERE family = 'k' AND metric = 'accepted' AND actor = ''");
    const after = await ok(world.hub, world.users.chief, 'dashboard.get', period);
    expect(after.kpis.accepted).toBeGreaterThan(before.kpis.accepted);
    // A period not of whole days is answered from the kept facts, untouched by the counts.
    const partial = { from: START, to: START + DAY_MS };
    expect(await ok(world.hub, world.users.chief, 'dashboard.get', partial)).toEqual(
      referenceDashboard(world).fromFacts(partial, { stationId: null }),
    );
  });

  it('counts made with other chief limits are made again when a hub starts with new limits', async () => {
    world = await keptFactsWorld();
    const { hub, users } = world;
    // One order filed 10 minutes after its report: late under a 5-minute limit, in time under 30.
    const late = await ok(hub, users.hotline, 'orders.create', {
      title: '路灯不亮',
      description: '主路路灯不亮',
      categoryId: '0200201',
      workstationId: 'HQ-W-HQ01',
      address: '主路',
      source: 'hotline',
      urgency: 'normal',
    });
    world.clock.advance(10 * 60_000);
    await ok(hub, users.chief, 'orders.act', { id: late.id, action: 'file' });
    const limits = { fileWithinMinutes: 5, closeWithinMinutes: 1 };
    const store = new OrderFactsStore(world.hub.db);
    expect(store.ensureLimits(DEFAULT_CHIEF_OPTIONS)).toBe(false);
    const dash = openDashboard({
      db: world.hub.db,
      org: new OrgRepo(world.hub.db),
      clock: world.clock,
      chief: { ...DEFAULT_CHIEF_OPTIONS, ...limits },
    });
    expect(store.days.limits()).toEqual(limits);
    const period = { from: DAY0 - DAY_MS, to: DAY0 + 5 * DAY_MS };
    const facts = derived(world, null);
    const actors = new OrderFactsRepo(world.hub.db).stepActors(facts.map((f) => f.id));
    const chief = chiefBreakdown(facts, actors, period, { ...DEFAULT_CHIEF_OPTIONS, ...limits });
    const d = dash.get(period, { stationId: null });
    expect({ rows: d.chiefScore.rows, total: d.chiefScore.total }).toEqual(chief);
    expect(d.chiefScore.total.onTimeFiling.numerator).toBeLessThan(
      chiefBreakdown(facts, actors, period, DEFAULT_CHIEF_OPTIONS).total.onTimeFiling.numerator,
    );
  });
});
