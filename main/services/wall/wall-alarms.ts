import { randomUUID } from 'node:crypto';
import { apiError, type WallAlarmReason } from '../../../common/contract';
import { canPushToWallWindow } from '../../../common/domain/wall';
import type { WallUser } from './wall-items';
import type { WallWindowEntry } from './wall-windows';

/** An alarm shown on a wall window and not yet acknowledged. */
export interface PendingAlarm {
  alarmId: string;
  windowId: string;
  windowName: string;
  /** The window's owner when it was pushed: who (or whose chief) may acknowledge it, even after a reload. */
  userId: number;
  orgUnitId: string;
  reason: WallAlarmReason;
  at: number;
}

/** Alarms kept at most; the oldest unacknowledged go first (a wall that is never acknowledged must not grow the hub). */
const MAX_PENDING = 500;

/**
 * The alarms pushed to wall windows and not yet acknowledged (issue 11 item 8). In memory like the
 * windows themselves: an alarm exists for a window on a live connection. It is kept by the window's
 * owner rather than its connection, so a wall page reloaded during an alarm (a new connection) can
 * still acknowledge it.
 */
export class WallAlarms {
  private readonly pending = new Map<string, PendingAlarm>();

  constructor(private readonly newId: () => string = () => `alarm-${randomUUID()}`) {}

  add(window: WallWindowEntry, reason: WallAlarmReason, at: number): PendingAlarm {
    const alarm: PendingAlarm = {
      alarmId: this.newId(),
      windowId: window.windowId,
      windowName: window.name,
      userId: window.userId,
      orgUnitId: window.orgUnitId,
      reason,
      at,
    };
    this.pending.set(alarm.alarmId, alarm);
    while (this.pending.size > MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    return alarm;
  }

  /** Acknowledges an alarm the actor may act on (the same rule as a push); others answer as missing. */
  ack(alarmId: string, actor: WallUser): PendingAlarm {
    const alarm = this.pending.get(alarmId);
    if (!alarm || !canPushToWallWindow(alarm, actor)) {
      throw apiError(
        'E_NOT_FOUND',
        `电视墙报警 ${alarmId} 不存在或已确认`,
        `No wall alarm ${alarmId}: it does not exist or was acknowledged`,
      );
    }
    this.pending.delete(alarmId);
    return alarm;
  }

  get size(): number {
    return this.pending.size;
  }
}
