import { randomUUID } from 'node:crypto';
import { apiError } from '../../../common/contract';
import { canPushToWallWindow } from '../../../common/domain/wall';
import type { Role } from '../../../common/domain/roles';
import type { Clock } from '../../clock';
import type { WallUser } from './wall-items';

/** A registered wall window; `connId` is the hub connection that shows it. */
export interface WallWindowEntry {
  windowId: string;
  name: string;
  connId: string;
  userId: number;
  userName: string;
  orgUnitId: string;
  /** The roles of the user signed in on it: what the window itself may show (the big screen needs a reader's). */
  roles: readonly Role[];
  registeredAt: number;
  /** Marked for alarms: 特急 orders and incidents push their cameras here. */
  alarm: boolean;
}

/**
 * The wall windows open right now. Kept in memory, not in the database: a window
 * exists exactly as long as its connection, and the hub that holds the connection is the one that
 * can deliver to it. One window per connection: a browser window or an Electron window each have
 * their own connection. Keyed by connection id only — this service never sees a Connection.
 */
export class WallWindows {
  private readonly byConn = new Map<string, WallWindowEntry>();

  constructor(
    private readonly clock: Clock,
    private readonly newId: () => string = () => `wall-${randomUUID()}`,
  ) {}

  /**
   * Lists the connection as a wall window. Again on the same connection renames it and keeps its id
   * (a wall page reloading in the same Electron window stays the same target); a different user
   * signed in on the connection gets a new id, so pushes aimed at the old user's window never reach it.
   */
  register(connId: string, user: WallUser, name: string, alarm?: boolean): WallWindowEntry {
    const old = this.byConn.get(connId);
    const same = old?.userId === user.id;
    const entry: WallWindowEntry = {
      windowId: same ? old.windowId : this.newId(),
      name,
      connId,
      userId: user.id,
      userName: user.displayName,
      orgUnitId: user.orgUnitId,
      roles: user.roles,
      registeredAt: same ? old.registeredAt : this.clock(),
      alarm: alarm ?? (same ? old.alarm : false),
    };
    this.byConn.set(connId, entry);
    return entry;
  }

  /** Forgets the connection's window (the wall route closed, or the connection went away). */
  detach(connId: string): WallWindowEntry | undefined {
    const entry = this.byConn.get(connId);
    this.byConn.delete(connId);
    return entry;
  }

  /** The windows `actor` may push to, oldest first. */
  visibleTo(actor: WallUser): WallWindowEntry[] {
    return [...this.byConn.values()]
      .filter((w) => canPushToWallWindow(w, actor))
      .sort((a, b) => a.registeredAt - b.registeredAt || a.windowId.localeCompare(b.windowId));
  }

  /** The window `actor` may push to; one they may not is answered as missing (ids are not for guessing). */
  target(windowId: string, actor: WallUser): WallWindowEntry {
    const entry = [...this.byConn.values()].find((w) => w.windowId === windowId);
    if (!entry || !canPushToWallWindow(entry, actor)) {
      throw apiError(
        'E_NOT_FOUND',
        `电视墙窗口 ${windowId} 不存在或已关闭`,
        `No wall window ${windowId}: it does not exist or was closed`,
      );
    }
    return entry;
  }

  /** Marks or unmarks a window the actor may push to (the same rule as a push). */
  setAlarm(windowId: string, actor: WallUser, alarm: boolean): WallWindowEntry {
    const entry = this.target(windowId, actor);
    entry.alarm = alarm;
    return entry;
  }

  /** Every window marked for alarms, oldest first. */
  alarmWindows(): WallWindowEntry[] {
    return [...this.byConn.values()]
      .filter((w) => w.alarm)
      .sort((a, b) => a.registeredAt - b.registeredAt || a.windowId.localeCompare(b.windowId));
  }

  /** The window open now with this id, whoever may see it (for the hub's own use). */
  byWindowId(windowId: string): WallWindowEntry | undefined {
    return [...this.byConn.values()].find((w) => w.windowId === windowId);
  }

  /** The window shown on this connection, if any. */
  ofConnection(connId: string): WallWindowEntry | undefined {
    return this.byConn.get(connId);
  }

  /** The ids of the windows open now. */
  liveWindowIds(): string[] {
    return [...this.byConn.values()].map((w) => w.windowId);
  }

  get size(): number {
    return this.byConn.size;
  }
}
