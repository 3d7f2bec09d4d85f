import type { WallLayoutId, WallScope, WallTourMode } from '../../../common/domain/wall';
import type { Db } from '../../db/connection';

/** What views and tours have in common: a name, a scope, a creator and the times. */
export interface WallItemRow {
  id: number;
  name: string;
  scope: WallScope;
  ownerId: number;
  ownerName: string;
  createdAt: number;
  updatedAt: number;
  updatedByName: string;
}

export interface WallViewRow extends WallItemRow {
  layout: WallLayoutId;
  slots: (string | null)[];
}

export interface WallTourRow extends WallItemRow {
  mode: WallTourMode;
  layout: WallLayoutId | null;
  cameras: string[];
  dwellSeconds: number;
}

/** The fields a save writes; the creator is written only when the row is inserted. */
export type WallViewFields = Omit<WallViewRow, 'id' | 'createdAt' | 'updatedAt' | 'ownerId' | 'ownerName'>;
export type WallTourFields = Omit<WallTourRow, 'id' | 'createdAt' | 'updatedAt' | 'ownerId' | 'ownerName'>;
export interface WallOwner {
  ownerId: number;
  ownerName: string;
}

export type WallTable = 'wall_views' | 'wall_tours';

/** A 特急 order waiting for its wall alarm, and who created it (null: none of the users, e.g. Open311). */
export interface QueuedAlarmOrder {
  orderId: number;
  byUserId: number | null;
}

const ITEM_COLUMNS = `id, name, scope, owner_id AS ownerId, owner_name AS ownerName, created_at AS createdAt,
  updated_at AS updatedAt, updated_by_name AS updatedByName`;
const VIEW_COLUMNS = `${ITEM_COLUMNS}, layout, slots`;
const TOUR_COLUMNS = `${ITEM_COLUMNS}, mode, layout, cameras, dwell_s AS dwellSeconds`;

type RawView = Omit<WallViewRow, 'slots'> & { slots: string };
type RawTour = Omit<WallTourRow, 'cameras'> & { cameras: string };

const toView = (r: RawView): WallViewRow => ({ ...r, slots: JSON.parse(r.slots) as (string | null)[] });
const toTour = (r: RawTour): WallTourRow => ({ ...r, cameras: JSON.parse(r.cameras) as string[] });

/** Listing order: shared items first (the room's), then by name (code point order; the UI may re-sort). */
const ORDER = "ORDER BY scope = 'personal', name, id";

/** SQL of saved views and tours, and the queue of 特急 orders for the alarm (docs/architecture.md#one-hub-many-consoles: kept here so a second store needs no service change). */
export class WallRepo {
  constructor(private readonly db: Db) {}

  /** The views `userId` may see: every shared one and their own personal ones. */
  views(userId: number): WallViewRow[] {
    const rows = this.db
      .prepare(`SELECT ${VIEW_COLUMNS} FROM wall_views WHERE scope = 'shared' OR owner_id = ? ${ORDER}`)
      .all(userId) as RawView[];
    return rows.map(toView);
  }

  view(id: number): WallViewRow | undefined {
    const row = this.db.prepare(`SELECT ${VIEW_COLUMNS} FROM wall_views WHERE id = ?`).get(id) as RawView | undefined;
    return row && toView(row);
  }

  tours(userId: number): WallTourRow[] {
    const rows = this.db
      .prepare(`SELECT ${TOUR_COLUMNS} FROM wall_tours WHERE scope = 'shared' OR owner_id = ? ${ORDER}`)
      .all(userId) as RawTour[];
    return rows.map(toTour);
  }

  tour(id: number): WallTourRow | undefined {
    const row = this.db.prepare(`SELECT ${TOUR_COLUMNS} FROM wall_tours WHERE id = ?`).get(id) as RawTour | undefined;
    return row && toTour(row);
  }

  /**
   * The id of the item already holding `name` in the list a new or changed item would join: the
   * shared list, or the owner's personal list (the unique indexes of migration 0110).
   */
  nameHolder(table: WallTable, scope: WallScope, name: string, ownerId: number): number | undefined {
    const sql =
      scope === 'shared'
        ? `SELECT id FROM ${table} WHERE scope = 'shared' AND name = ?`
        : `SELECT id FROM ${table} WHERE scope = 'personal' AND name = ? AND owner_id = ?`;
    const args = scope === 'shared' ? [name] : [name, ownerId];
    const row = this.db.prepare(sql).get(...args) as { id: number } | undefined;
    return row?.id;
  }

  insertView(f: WallViewFields, owner: WallOwner, now: number): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO wall_views (name, scope, owner_id, owner_name, layout, slots, created_at, updated_at,
                                 updated_by_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.name,
        f.scope,
        owner.ownerId,
        owner.ownerName,
        f.layout,
        JSON.stringify(f.slots),
        now,
        now,
        f.updatedByName,
      );
    return Number(lastInsertRowid);
  }

  updateView(id: number, f: WallViewFields, now: number): void {
    this.db
      .prepare(
        `UPDATE wall_views SET name = ?, scope = ?, layout = ?, slots = ?, updated_at = ?, updated_by_name = ?
         WHERE id = ?`,
      )
      .run(f.name, f.scope, f.layout, JSON.stringify(f.slots), now, f.updatedByName, id);
  }

  insertTour(f: WallTourFields, owner: WallOwner, now: number): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO wall_tours (name, scope, owner_id, owner_name, mode, layout, cameras, dwell_s, created_at,
                                 updated_at, updated_by_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.name,
        f.scope,
        owner.ownerId,
        owner.ownerName,
        f.mode,
        f.layout,
        JSON.stringify(f.cameras),
        f.dwellSeconds,
        now,
        now,
        f.updatedByName,
      );
    return Number(lastInsertRowid);
  }

  updateTour(id: number, f: WallTourFields, now: number): void {
    this.db
      .prepare(
        `UPDATE wall_tours SET name = ?, scope = ?, mode = ?, layout = ?, cameras = ?, dwell_s = ?, updated_at = ?,
                               updated_by_name = ?
         WHERE id = ?`,
      )
      .run(f.name, f.scope, f.mode, f.layout, JSON.stringify(f.cameras), f.dwellSeconds, now, f.updatedByName, id);
  }

  delete(table: WallTable, id: number): void {
    this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  }

  /**
   * The 特急 orders queued for the wall's alarm since the last call (wall_alarm_orders, filled by the
   * database's triggers), marked sent at `now`: each is answered once. Call inside the transaction
   * that records their alarms.
   */
  takeQueuedAlarmOrders(now: number): QueuedAlarmOrder[] {
    return this.db
      .prepare(
        `UPDATE wall_alarm_orders SET alarmed_at = ? WHERE alarmed_at IS NULL
         RETURNING order_id AS orderId, by_user_id AS byUserId`,
      )
      .all(now) as QueuedAlarmOrder[];
  }
}
