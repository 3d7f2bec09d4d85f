import type { OrderSummary } from '../../../common/contract';
import type { OrderState } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';
import { rowsById } from '../../db/statements';

/** How another domain names an order it links to (the duty log's linked orders). */
export interface OrderRef {
  id: number;
  code: string;
  title: string;
}

/**
 * The code and title of each existing order among `ids`, by id (unknown ids are left out). No
 * visibility check: callers that echo refs to a user filter them with order-visibility.ts.
 */
export function orderRefs(db: Db, ids: readonly number[]): Map<number, OrderRef> {
  return rowsById<number, OrderRef>(
    db,
    'SELECT id, code, title FROM orders WHERE id IN (SELECT value FROM json_each(?))',
    ids,
  );
}

/** An order as a link to it is checked: its ref and its station (the rule is order-visibility.ts's). */
export interface ScopedOrderRef extends OrderRef {
  stationId: string | null;
}

/** The order `id` as another domain links it (an incident's linked orders), or undefined when there is none. */
export function scopedOrderRef(db: Db, id: number): ScopedOrderRef | undefined {
  return db.prepare('SELECT id, code, title, station_id AS stationId FROM orders WHERE id = ?').get(id) as
    ScopedOrderRef | undefined;
}

/** An order as the wall's alarm routing places it: its ref, station, camera and workstation. */
export interface PlacedOrderRef extends ScopedOrderRef {
  cameraId: string | null;
  workstationId: string | null;
}

/** The order `id` with where it happens (the wall's alarm of a 特急 order), or undefined when there is none. */
export function placedOrderRef(db: Db, id: number): PlacedOrderRef | undefined {
  return db
    .prepare(
      `SELECT id, code, title, station_id AS stationId, camera_id AS cameraId, workstation_id AS workstationId
       FROM orders WHERE id = ?`,
    )
    .get(id) as PlacedOrderRef | undefined;
}

/** An order as a list of links shows it (an incident's linked orders): its ref, state and times. */
export interface LinkedOrderFacts extends ScopedOrderRef {
  state: OrderState;
  urgency: OrderSummary['urgency'];
  createdAt: number;
  closedAt: number | null;
}

/** Each existing order among `ids`, by id (unknown ids are left out); no visibility check. */
export function linkedOrderFacts(db: Db, ids: readonly number[]): Map<number, LinkedOrderFacts> {
  return rowsById<number, LinkedOrderFacts>(
    db,
    `SELECT id, code, title, state, urgency, created_at AS createdAt, closed_at AS closedAt, station_id AS stationId
     FROM orders WHERE id IN (SELECT value FROM json_each(?))`,
    ids,
  );
}
