import type { Role } from '../../../common/domain/roles';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { OrderActor } from './actor';
import { canSeeOrder, orderScopeSql } from './order-visibility';

export type AlertKind = 'yellow' | 'red' | 'critical';

export interface AlertRecord {
  id: number;
  orderId: number;
  orderCode: string;
  orderTitle: string;
  kind: AlertKind;
  at: number;
  stationId: string | null;
}

/** Who must see an alert: the duty chiefs, and the chiefs of the station holding the order. */
export const ALERTED_ROLES: readonly Role[] = ['duty_chief', 'station_chief'];

/** How far back an unacknowledged alert is still shown to someone signing in. */
const ALERT_WINDOW_MS = 3 * 24 * 3600_000;

const SELECT_ALERT = `
  SELECT a.id, a.order_id AS orderId, o.code AS orderCode, o.title AS orderTitle, a.kind, a.at,
         o.station_id AS stationId
  FROM order_alerts a JOIN orders o ON o.id = a.order_id`;

/** Marks the open, running orders that crossed a mark by `now` (the parameter) as alerted; their ids. */
const CROSSED = {
  red: `UPDATE orders SET alerted_red = 1, alerted_yellow = 1
        WHERE closed_at IS NULL AND paused_at IS NULL AND alerted_red = 0 AND deadline_at <= ? RETURNING id`,
  yellow: `UPDATE orders SET alerted_yellow = 1
           WHERE closed_at IS NULL AND paused_at IS NULL AND alerted_yellow = 0 AND warn_at <= ? RETURNING id`,
} as const;

/** Deadline alerts (an order turning yellow or red) and new 特急 orders, acknowledged per user. */
export class OrderAlerts {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  raise(orderId: number, kind: AlertKind): AlertRecord {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO order_alerts (order_id, kind, at) VALUES (?, ?, ?)')
      .run(orderId, kind, this.clock());
    return this.db.prepare(`${SELECT_ALERT} WHERE a.id = ?`).get(Number(lastInsertRowid)) as AlertRecord;
  }

  /**
   * Finds open, running orders that crossed their 80 % or 100 % mark since the last sweep, marks
   * them alerted and records the alerts. One transaction; returns what to push.
   */
  sweep(): AlertRecord[] {
    const now = this.clock();
    // Red first: an order that crossed both marks since the last sweep gets only the red alert.
    const crossed = (kind: 'red' | 'yellow') => this.db.prepare(CROSSED[kind]).all(now) as { id: number }[];
    return this.db.transaction(() => [
      ...crossed('red').map(({ id }) => this.raise(id, 'red')),
      ...crossed('yellow').map(({ id }) => this.raise(id, 'yellow')),
    ])();
  }

  /** Unacknowledged alerts the actor is responsible for. */
  pendingFor(actor: OrderActor): AlertRecord[] {
    if (!actor.roles.some((r) => ALERTED_ROLES.includes(r)) || actor.id === null) return [];
    const since = this.clock() - ALERT_WINDOW_MS;
    const scoped = orderScopeSql(actor);
    return this.db
      .prepare(
        `${SELECT_ALERT}
         WHERE a.at >= ? ${scoped ? `AND ${scoped.sql}` : ''}
           AND NOT EXISTS (SELECT 1 FROM order_alert_acks k WHERE k.alert_id = a.id AND k.user_id = ?)
         ORDER BY a.id DESC LIMIT 200`,
      )
      .all(since, ...(scoped?.params ?? []), actor.id) as AlertRecord[];
  }

  /** The alert if the actor is one it is for (an alerted role, and the order visible to them), else undefined. */
  visibleTo(alertId: number, actor: OrderActor): AlertRecord | undefined {
    if (!actor.roles.some((r) => ALERTED_ROLES.includes(r))) return undefined;
    const alert = this.db.prepare(`${SELECT_ALERT} WHERE a.id = ?`).get(alertId) as AlertRecord | undefined;
    return alert && canSeeOrder(alert, actor) ? alert : undefined;
  }

  ack(alertId: number, userId: number): boolean {
    const exists = this.db.prepare('SELECT 1 FROM order_alerts WHERE id = ?').get(alertId);
    if (!exists) return false;
    this.db
      .prepare('INSERT OR IGNORE INTO order_alert_acks (alert_id, user_id, at) VALUES (?, ?, ?)')
      .run(alertId, userId, this.clock());
    return true;
  }
}
