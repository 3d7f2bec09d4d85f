import { orderFactsOf, type OrderFacts } from '../../../common/domain/kpi';
import { isOpen } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';
import { SqlRepo } from '../../db/statements';
import {
  addParts,
  grainsOf,
  KpiDaysStore,
  partsOf,
  type ChiefLimits,
  type CountDelta,
  type PartInputs,
} from './kpi-days-store';
import { OrderFactsRepo } from './order-facts-repo';

/** What the order_facts table holds of an order's facts: all but `drill`, which the reader resolves. */
export type StoredFacts = Omit<OrderFacts, 'drill'>;

/** No drill incidents: the stored facts never carry the flag (migration 0260). */
const NO_DRILLS: ReadonlySet<number> = new Set();

/** The end of all time (the largest Date): an open or stale order's span reaches it (migration 0260). */
export const ALL_TIME_END = 8_640_000_000_000_000;

/**
 * The span [first, last] of every instant in the facts: a KPI of a period counts an order only for
 * an instant in that period, so an order whose span misses the period is in none of its KPIs. An
 * open order spans all time: 在办超期 counts it at any `now`, whatever the period.
 */
export function factsSpan(f: StoredFacts): { first: number; last: number } {
  if (isOpen(f.state)) return { first: 0, last: ALL_TIME_END };
  const instants = [
    ...[f.createdAt, f.acceptedAt, f.filedAt, f.finalHandledAt, f.verifiedAt, f.closedAt, f.voidedAt, f.mergedAt],
    ...[f.deadlineAt, f.warnAt, f.feedbackAt, ...f.dispatchedAt, ...f.handledAt, ...f.reworkedAt, ...f.returnedAt],
    ...f.parked.flatMap((p) => [p.from, p.to]),
    ...f.supervisions.flatMap((s) => [s.at, s.dueAt, s.repliedAt]),
  ].filter((t): t is number => t !== null);
  return { first: Math.min(...instants), last: Math.max(...instants) };
}

/** The orders the migration's rebuild derives per batch (their rows and history in memory at once). */
const REBUILD_BATCH = 5000;
/** The rebuild writes its summed counts out once it holds this many. */
const REBUILD_FLUSH = 400_000;

interface KeptRow {
  id: number;
  facts: string | null;
  partInputs: string | null;
}

/**
 * Writes the kept KPI facts of orders (table order_facts, migration 0260): each order's facts derived
 * by orderFactsOf from its row and its own history, as the dashboard would derive them, and the
 * order's parts of the per-day counts (kpi_days, migration 0270: its previous parts taken away, the
 * new ones added). OrdersRepo calls `refresh` after each of its writes, inside the caller's
 * transaction, so the facts and the counts commit or roll back with the order.
 */
export class OrderFactsStore extends SqlRepo {
  private readonly read: OrderFactsRepo;
  readonly days: KpiDaysStore;

  constructor(db: Db) {
    super(db);
    this.read = new OrderFactsRepo(db);
    this.days = new KpiDaysStore(db);
  }

  /** Derives the given orders' facts again from their current row and history and stores them. */
  refresh(ids: readonly number[]): void {
    const deltas = new Map<string, CountDelta>();
    this.derive(ids, deltas, true);
    this.days.apply(deltas.values());
  }

  /**
   * The facts and part inputs of the orders, stored; their change of parts added to `deltas`. With
   * `takeOld` false (the rebuild, after every count was cleared) nothing is taken away.
   */
  private derive(ids: readonly number[], deltas: Map<string, CountDelta>, takeOld: boolean): void {
    const rows = this.read.rows(ids);
    const history = this.read.history(ids);
    const actors = this.read.stepActors(ids);
    const limits = this.days.limits();
    const old = takeOld ? this.kept(ids) : new Map<number, KeptRow>();
    const put = this.sql(
      `INSERT OR REPLACE INTO order_facts (order_id, facts, first_at, last_at, part_inputs, stale)
       VALUES (?, ?, ?, ?, ?, 0)`,
    );
    for (const row of rows) {
      const { drill: _drill, ...stored } = orderFactsOf(row, history.get(row.id) ?? [], NO_DRILLS);
      const span = factsSpan(stored);
      const inputs: PartInputs = {
        station: row.stationId ?? '',
        closedAt: row.closedAt,
        pausedAt: row.pausedAt,
        actors: actors.get(row.id) ?? { filedBy: null, closedBy: null },
      };
      const before = old.get(row.id);
      if (before?.facts && before.partInputs) {
        const inputsBefore = JSON.parse(before.partInputs) as PartInputs;
        const factsBefore = JSON.parse(before.facts) as StoredFacts;
        const at = { station: inputsBefore.station, grains: grainsOf(factsBefore) };
        addParts(deltas, partsOf(factsBefore, inputsBefore, limits), at, -1, true);
      }
      addParts(deltas, partsOf(stored, inputs, limits), { station: inputs.station, grains: grainsOf(stored) }, 1, true);
      put.run(row.id, JSON.stringify(stored satisfies StoredFacts), span.first, span.last, JSON.stringify(inputs));
      this.days.setHandling(row.id, inputs.station, stored);
    }
  }

  /** The kept rows of the orders as they are before this write (a stale row still holds its facts). */
  private kept(ids: readonly number[]): Map<number, KeptRow> {
    const rows = this.sql(
      `SELECT order_id AS id, facts, part_inputs AS partInputs FROM order_facts
       WHERE order_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as KeptRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Every order's facts and parts, derived again in batches of ids (migration 0270's rebuild, and a
   * change of the chief's limits; call inside a transaction). The counts are summed in memory and
   * written once at the end.
   */
  rebuildAll(): number {
    this.sql('DELETE FROM order_facts').run();
    this.days.clear();
    const deltas = new Map<string, CountDelta>();
    const next = this.sql('SELECT id FROM orders WHERE id > ? ORDER BY id LIMIT ?').pluck();
    let after = 0;
    let count = 0;
    for (;;) {
      const ids = next.all(after, REBUILD_BATCH) as number[];
      const last = ids[ids.length - 1];
      if (last === undefined) break;
      this.derive(ids, deltas, false);
      count += ids.length;
      after = last;
      // Written out now and then: the counts of a million orders would not fit in memory at once.
      if (deltas.size > REBUILD_FLUSH) {
        this.days.apply(deltas.values());
        deltas.clear();
      }
    }
    this.days.apply(deltas.values());
    return count;
  }

  /**
   * The chief's step limits the on-time parts count with: when they differ from those the counts
   * were made with (a hub started with other CITYOPS_CHIEF_* minutes), every order's parts are made
   * again. True when it rebuilt.
   */
  ensureLimits(limits: ChiefLimits): boolean {
    const had = this.days.limits();
    if (had.fileWithinMinutes === limits.fileWithinMinutes && had.closeWithinMinutes === limits.closeWithinMinutes) {
      return false;
    }
    this.db.transaction(() => {
      this.days.setLimits(limits);
      this.rebuildAll();
    })();
    return true;
  }
}

/** Migration 0270's rebuild step: the facts and per-day counts of every existing order. */
export function rebuildOrderFacts(db: Db): void {
  new OrderFactsStore(db).rebuildAll();
}
