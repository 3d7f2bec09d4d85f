import { orderFactsOf, type OrderFacts } from '../../../common/domain/kpi';
import { isOpen } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';
import { SqlRepo } from '../../db/statements';
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

/**
 * Writes the kept KPI facts of orders (table order_facts, migration 0260): each order's facts derived
 * by orderFactsOf from its row and its own history, as the dashboard would derive them. OrdersRepo
 * calls `refresh` after each of its writes, inside the caller's transaction, so the facts commit or
 * roll back with the order.
 */
export class OrderFactsStore extends SqlRepo {
  private readonly read: OrderFactsRepo;

  constructor(db: Db) {
    super(db);
    this.read = new OrderFactsRepo(db);
  }

  /** Derives the given orders' facts again from their current row and history and stores them. */
  refresh(ids: readonly number[]): void {
    const rows = this.read.rows(ids);
    const history = this.read.history(ids);
    const put = this.sql('INSERT OR REPLACE INTO order_facts (order_id, facts, first_at, last_at) VALUES (?, ?, ?, ?)');
    for (const row of rows) {
      const { drill: _drill, ...stored } = orderFactsOf(row, history.get(row.id) ?? [], NO_DRILLS);
      const span = factsSpan(stored);
      put.run(row.id, JSON.stringify(stored satisfies StoredFacts), span.first, span.last);
    }
  }

  /** Every order's facts, derived again in batches of ids (migration 0260's rebuild; call inside its transaction). */
  rebuildAll(): number {
    this.sql('DELETE FROM order_facts').run();
    const next = this.sql('SELECT id FROM orders WHERE id > ? ORDER BY id LIMIT ?').pluck();
    let after = 0;
    let count = 0;
    for (;;) {
      const ids = next.all(after, REBUILD_BATCH) as number[];
      const last = ids[ids.length - 1];
      if (last === undefined) return count;
      this.refresh(ids);
      count += ids.length;
      after = last;
    }
  }
}

/** Migration 0260's rebuild step: the facts of every existing order. */
export function rebuildOrderFacts(db: Db): void {
  new OrderFactsStore(db).rebuildAll();
}
