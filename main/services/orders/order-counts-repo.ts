import type { OrderState, Urgency } from '../../../common/domain/orders/states';
import { SqlRepo } from '../../db/statements';
import { drillOrderSql } from './order-drill';

/** The traffic light of an open order as the list's filter has it (order-conditions.ts). */
export type OpenLight = 'green' | 'yellow' | 'red' | 'paused';

/** One group of open orders with the same state, light, place and pending approval. */
export interface OpenGroup {
  state: OrderState;
  light: OpenLight;
  stationId: string | null;
  workstationId: string | null;
  approval: 'extension' | 'park' | 'return' | null;
  count: number;
}

export interface OverdueRow {
  id: number;
  code: string;
  title: string;
  urgency: Urgency;
  state: OrderState;
  stationId: string | null;
  workstationId: string | null;
  handlerName: string | null;
  deadlineAt: number;
}

const NOT_DRILL = `NOT ${drillOrderSql('o')}`;
/** Open orders are the partial deadline index (WHERE closed_at IS NULL): walked, never the whole table. */
const OPEN = `FROM orders o INDEXED BY orders_deadline WHERE o.closed_at IS NULL AND ${NOT_DRILL}`;
/** The same open orders through the partial index that holds every column a count reads (migration 0250). */
const OPEN_COUNTED = `FROM orders o INDEXED BY orders_open_counts WHERE o.closed_at IS NULL AND ${NOT_DRILL}`;

const SCOPE = '(@station IS NULL OR o.station_id = @station)';
/** Red as the list's light filter: running (not parked) and past the deadline. */
const RED = 'o.paused_at IS NULL AND o.deadline_at <= @now';

/**
 * Counts over the orders for the situation overview, grouped in SQL so that a million orders cost
 * what the few thousand open ones cost: open orders by (state, light, station, workstation,
 * approval), the overdue list, and orders created since an instant. Drills never count.
 */
export class OrderCountsRepo extends SqlRepo {
  /** Open orders of the scope (null: all) at `now`, one row per group. */
  openGroups(now: number, stationId: string | null): OpenGroup[] {
    return this.sql(
      `SELECT o.state, CASE WHEN o.paused_at IS NOT NULL THEN 'paused' WHEN o.deadline_at <= @now THEN 'red'
                WHEN o.warn_at <= @now THEN 'yellow' ELSE 'green' END AS light,
              o.station_id AS stationId, o.workstation_id AS workstationId,
              CASE WHEN o.state = 'return_pending' THEN 'return'
                   WHEN o.pending_request IN ('extension', 'park') THEN o.pending_request END AS approval,
              COUNT(*) AS count
       ${OPEN_COUNTED} AND ${SCOPE}
       GROUP BY 1, 2, 3, 4, 5`,
    ).all({ now, station: stationId }) as OpenGroup[];
  }

  /** Red open orders, most overdue first (the list's 灯=红 sorted by deadline), and how many in all. */
  overdue(now: number, stationId: string | null, limit: number): { total: number; rows: OverdueRow[] } {
    const where = `${OPEN} AND ${SCOPE} AND ${RED}`;
    const total = (
      this.sql(`SELECT COUNT(*) AS n ${OPEN_COUNTED} AND ${SCOPE} AND ${RED}`).get({ now, station: stationId }) as {
        n: number;
      }
    ).n;
    const rows = this.sql(
      `SELECT o.id, o.code, o.title, o.urgency, o.state, o.station_id AS stationId,
              o.workstation_id AS workstationId, o.handler_name AS handlerName, o.deadline_at AS deadlineAt
       ${where} ORDER BY o.deadline_at, o.id LIMIT @limit`,
    ).all({ now, station: stationId, limit }) as OverdueRow[];
    return { total, rows };
  }

  /** Orders created at or after `from` (any state), drills left out: a range of the creation index. */
  createdSince(from: number, stationId: string | null): number {
    const row = this.sql(
      `SELECT COUNT(*) AS n FROM orders o INDEXED BY orders_created
       WHERE o.created_at >= @from AND ${SCOPE} AND ${NOT_DRILL}`,
    ).get({ from, station: stationId }) as { n: number };
    return row.n;
  }
}
