import type { HandoverOrder } from '../../../common/contract/duty-handover';
import { FINISHED_STATES, ORDER_STATES, type OrderState } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';

const FINISHED_SQL = FINISHED_STATES.map((s) => `'${s}'`).join(', ');

/** A list of the handover summary: how many orders match, and the first `max` of them. */
export interface OrderList {
  total: number;
  rows: HandoverOrder[];
}

/** The open orders a shift hands over: counts by state, and the overdue, supervised and parked ones. */
export interface OpenOrdersOverview {
  byState: { state: OrderState; count: number }[];
  overdue: OrderList;
  supervised: OrderList;
  parked: OrderList;
}

/**
 * The unfinished orders of the whole center (`stationId` null) or of the orders a station holds
 * (orders.station_id) at `now`, each list at most `max` rows. The conditions are fixed here.
 */
export function openOrdersOverview(db: Db, stationId: string | null, now: number, max: number): OpenOrdersOverview {
  const where = `state NOT IN (${FINISHED_SQL})${stationId ? ' AND station_id = @station' : ''}`;
  const params = { station: stationId, now, max };
  const counts = db.prepare(`SELECT state, count(*) AS n FROM orders WHERE ${where} GROUP BY state`).all(params) as {
    state: OrderState;
    n: number;
  }[];
  const byState = ORDER_STATES.flatMap((state) => {
    const found = counts.find((c) => c.state === state);
    return found ? [{ state, count: found.n }] : [];
  });
  const list = (condition: string, order: string): OrderList => {
    const total = (
      db.prepare(`SELECT count(*) AS n FROM orders WHERE ${where} AND ${condition}`).get(params) as { n: number }
    ).n;
    const rows = db
      .prepare(
        `SELECT id, code, title, state, deadline_at AS deadlineAt FROM orders
         WHERE ${where} AND ${condition} ORDER BY ${order} LIMIT @max`,
      )
      .all(params) as HandoverOrder[];
    return { total, rows };
  };
  return {
    byState,
    overdue: list(`state <> 'parked' AND deadline_at IS NOT NULL AND deadline_at < @now`, 'deadline_at, id'),
    supervised: list('supervised = 1', 'deadline_at IS NULL, deadline_at, id'),
    parked: list(`state = 'parked'`, 'id'),
  };
}
