import { randomUUID } from 'node:crypto';
import { apiError, wallAlarmReasonSchema, type WallAlarm, type WallAlarmReason } from '../../../common/contract';
import { canPushToWallWindow, isWallLayoutId } from '../../../common/domain/wall';
import type { Db } from '../../db/connection';
import type { WallUser } from './wall-items';
import type { WallWindowEntry } from './wall-windows';

/** An alarm pushed to a wall window and not yet acknowledged. */
export interface PendingAlarm {
  alarmId: string;
  windowId: string;
  windowName: string;
  /** The window's owner when it was pushed: who (or whose chief) may acknowledge it, even after a restart. */
  userId: number;
  orgUnitId: string;
  reason: WallAlarmReason;
  at: number;
}

/** An alarm as it is sent to its window: the payload of event `wall.alarm`. */
export type NewAlarm = Omit<WallAlarm, 'alarmId' | 'windowId'>;

/** Alarms given again to a window that registers, at most (the newest; the rest stay pending). */
export const REDELIVER_MAX = 20;

interface AlarmRow {
  id: string;
  windowId: string;
  windowName: string;
  userId: number;
  orgUnitId: string;
  reason: string;
  cameras: string;
  layout: string | null;
  byUserId: number | null;
  byName: string | null;
  at: number;
}

const SELECT = `SELECT id, window_id AS windowId, window_name AS windowName, user_id AS userId,
  org_unit_id AS orgUnitId, reason, cameras, layout, by_user_id AS byUserId, by_name AS byName, at
  FROM wall_alarms`;

function pendingOf(row: AlarmRow): PendingAlarm {
  const { id, windowId, windowName, userId, orgUnitId, at } = row;
  return { alarmId: id, windowId, windowName, userId, orgUnitId, reason: reasonOf(row.reason), at };
}

/** The stored reason, read back through the contract's schema (the row was written from it). */
function reasonOf(json: string): WallAlarmReason {
  return wallAlarmReasonSchema.parse(JSON.parse(json));
}

function alarmOf(row: AlarmRow): WallAlarm {
  const cameras: unknown = JSON.parse(row.cameras);
  return {
    alarmId: row.id,
    windowId: row.windowId,
    reason: reasonOf(row.reason),
    cameras: Array.isArray(cameras) ? cameras.filter((c): c is string => typeof c === 'string') : [],
    layout: row.layout !== null && isWallLayoutId(row.layout) ? row.layout : null,
    by: row.byUserId !== null && row.byName !== null ? { userId: row.byUserId, userName: row.byName } : null,
    at: row.at,
  };
}

const notFound = (alarmId: string) =>
  apiError(
    'E_NOT_FOUND',
    `电视墙报警 ${alarmId} 不存在或已确认`,
    `No wall alarm ${alarmId}: it does not exist or was acknowledged`,
  );

/**
 * The alarms pushed to wall windows, in SQLite (wall_alarms): an unacknowledged
 * alarm outlives the connection that showed it and the hub itself. It belongs to the window's owner
 * and the window's name, so the owner's alarm window of that name gets it again when it registers
 * (a reload or a restart gives it a new window id). Acknowledging records who and when.
 */
export class WallAlarms {
  constructor(
    private readonly db: Db,
    private readonly newId: () => string = () => `alarm-${randomUUID()}`,
  ) {}

  /** Records an alarm for `window` (call inside the transaction that caused it, when there is one). */
  add(window: WallWindowEntry, alarm: NewAlarm): WallAlarm {
    const alarmId = this.newId();
    this.db
      .prepare(
        `INSERT INTO wall_alarms (id, window_id, window_name, user_id, org_unit_id, reason, cameras, layout,
           by_user_id, by_name, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        alarmId,
        window.windowId,
        window.name,
        window.userId,
        window.orgUnitId,
        JSON.stringify(alarm.reason),
        JSON.stringify(alarm.cameras),
        alarm.layout,
        alarm.by?.userId ?? null,
        alarm.by?.userName ?? null,
        alarm.at,
      );
    return { ...alarm, alarmId, windowId: window.windowId };
  }

  /**
   * Acknowledges an alarm the actor may act on (the same rule as a push), recording who and when;
   * another's, an acknowledged one or an unknown id answer as missing.
   */
  ack(alarmId: string, actor: WallUser, at: number): PendingAlarm {
    const row = this.db.prepare(`${SELECT} WHERE id = ? AND acked_at IS NULL`).get(alarmId) as AlarmRow | undefined;
    if (!row || !canPushToWallWindow(row, actor)) throw notFound(alarmId);
    this.db
      .prepare('UPDATE wall_alarms SET acked_at = ?, acked_by = ?, acked_by_name = ? WHERE id = ?')
      .run(at, actor.id, actor.displayName, alarmId);
    return pendingOf(row);
  }

  /**
   * The owner's unacknowledged alarms for a window of this name that is not open any more (`live`:
   * the window ids open now), moved to `window` — newest last, at most REDELIVER_MAX. A window that
   * belongs to someone else, or to the same user in another org unit, gets none.
   */
  takeOver(window: WallWindowEntry, live: ReadonlySet<string>): WallAlarm[] {
    const rows = (
      this.db
        .prepare(
          `${SELECT} WHERE acked_at IS NULL AND user_id = ? AND window_name = ? AND org_unit_id = ?
           ORDER BY at DESC, rowid DESC LIMIT ?`,
        )
        .all(window.userId, window.name, window.orgUnitId, REDELIVER_MAX) as AlarmRow[]
    ).filter((r) => r.windowId === window.windowId || !live.has(r.windowId));
    const move = this.db.prepare('UPDATE wall_alarms SET window_id = ? WHERE id = ?');
    for (const r of rows) move.run(window.windowId, r.id);
    return rows.reverse().map((r) => alarmOf({ ...r, windowId: window.windowId }));
  }

  /** Unacknowledged alarms, all windows. */
  get size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM wall_alarms WHERE acked_at IS NULL').get() as { n: number }).n;
  }
}
