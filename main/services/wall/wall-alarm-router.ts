import { INCIDENT_LEVEL_NAMES, INCIDENT_LEVELS, type IncidentLevel } from '../../../common/domain/incidents/types';
import { wallAlarmWords, type Bilingual } from '../audit/notes-ops';
import type { WallAlarm, WallAlarmReason, WallIncidentView } from '../../../common/contract';
import { WALL_MAX_TILES, type WallLayoutId } from '../../../common/domain/wall';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { AuditRepo } from '../audit/audit-repo';
import type { CamerasService } from '../cameras/cameras-service';
import type { OrgRepo } from '../org/org-repo';
import { viewerOf } from '../org/viewer';
import { placedOrderRef, type PlacedOrderRef } from '../orders/order-refs';
import { canSeeOrder } from '../orders/order-visibility';
import { UsersRepo } from '../users/users-repo';
import type { WallAlarms } from './wall-alarms';
import type { WallRepo } from './wall-repo';
import type { WallWindowEntry, WallWindows } from './wall-windows';

/** Who caused an alarm; null when the hub itself did. */
const levelName = (level: string) =>
  (INCIDENT_LEVELS as readonly string[]).includes(level)
    ? INCIDENT_LEVEL_NAMES[level as IncidentLevel]
    : { zh: `${level} 级`, en: `level ${level}` };

export type AlarmCause = { userId: number; userName: string } | null;

/** An active incident as the wall needs it: what to say, and where its cameras are. */
export interface WallIncident {
  incidentId: number;
  title: string;
  level: string;
  drill: boolean;
  /** Affected org units (workstations, grids, stations): their cameras. */
  unitIds: readonly string[];
  /** The plan level's preset view: used instead of the units' cameras when it exists. */
  presetViewId: number | null;
}

/** An incident activated or escalated, for the alarm windows. */
export interface IncidentAlarm extends WallIncident {
  what: 'activated' | 'level';
}

export interface WallAlarmRouterDeps {
  db: Db;
  org: OrgRepo;
  windows: WallWindows;
  alarms: WallAlarms;
  cameras: CamerasService;
  repo: WallRepo;
  audit: AuditRepo;
  clock: Clock;
  /** Sends the alarm to the window's connection only, and only while its user is signed in on it. */
  send(alarm: WallAlarm, window: WallWindowEntry): void;
}

/** A camera as the routing needs it: where it is. */
interface PlacedCamera {
  id: string;
  workstationId: string;
  gridId: string | null;
  stationId: string | null;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Alarm to the wall: resolves a new 特急 order's or an incident's cameras, finds
 * the alarm windows whose user may see it, and sends each its cameras with the reason. Every push a
 * person caused is audited (one row per window, as a wall.push is).
 */
export class WallAlarmRouter {
  /** Who caused an alarm is asked of the users domain. */
  private readonly users: UsersRepo;

  constructor(private readonly deps: WallAlarmRouterDeps) {
    this.users = new UsersRepo(deps.db);
  }

  /**
   * A 特急 order: its own camera, else its workstation's; to alarm windows that may see the order.
   * Sends at once: call it after the order is committed (drainOrders is the way the hub does).
   */
  order(orderId: number, by: AlarmCause): WallAlarm[] {
    const sent = this.deps.db.transaction(() => this.orderAlarms(orderId, by))();
    for (const { alarm, window } of sent) this.deps.send(alarm, window);
    return sent.map((s) => s.alarm);
  }

  /**
   * Sends the alarms of every 特急 order queued since the last call (wall_alarm_orders, filled by
   * the database whichever way the order came: console, Open311, an urgency raised later), once
   * each. Records them in one transaction, sends after its commit; returns what was sent.
   */
  drainOrders(): WallAlarm[] {
    const sent = this.deps.db.transaction(() => {
      const due = this.deps.repo.takeQueuedAlarmOrders(this.deps.clock());
      return due
        .sort((a, b) => a.orderId - b.orderId)
        .flatMap(({ orderId, byUserId }) => this.orderAlarms(orderId, this.causeOf(byUserId), '系统'));
    })();
    for (const { alarm, window } of sent) this.deps.send(alarm, window);
    return sent.map((s) => s.alarm);
  }

  /**
   * The owner's alarms still unacknowledged for a window of this name that closed (a reload, a hub
   * restart), sent again to `window` — only when it is marked for alarms. Not audited again: they
   * were when first pushed.
   */
  redeliver(window: WallWindowEntry): WallAlarm[] {
    const again = this.pendingFor(window);
    for (const alarm of again) this.deps.send(alarm, window);
    return again;
  }

  /** The same alarms as redeliver, moved to `window` and returned rather than sent (the window asks). */
  pendingFor(window: WallWindowEntry): WallAlarm[] {
    if (!window.alarm) return [];
    const live = new Set(this.deps.windows.liveWindowIds());
    return this.deps.db.transaction(() => this.deps.alarms.takeOver(window, live))();
  }

  /** The creator of a queued order as an alarm names them; null when it was none of the users (Open311). */
  private causeOf(userId: number | null): AlarmCause {
    if (userId === null) return null;
    const user = this.users.byId(userId);
    return user ? { userId, userName: user.displayName } : null;
  }

  private orderAlarms(
    orderId: number,
    by: AlarmCause,
    auditName?: string,
  ): { alarm: WallAlarm; window: WallWindowEntry }[] {
    const order = placedOrderRef(this.deps.db, orderId);
    if (!order) return [];
    const cameras = this.orderCameras(order);
    if (cameras.length === 0) return [];
    const reason: WallAlarmReason = {
      kind: 'order',
      orderId: order.id,
      orderCode: order.code,
      orderTitle: order.title,
    };
    const windows = this.deps.windows.alarmWindows().filter((w) => canSeeOrder(order, this.stationOf(w)));
    const what = {
      zh: `特急工单 ${order.code}「${clip(order.title, 40)}」`,
      en: `critical order ${order.code} “${clip(order.title, 40)}”`,
    };
    return windows.map((window) => ({
      window,
      alarm: this.record(window, reason, cameras, null, by, what, auditName),
    }));
  }

  /**
   * An incident activated or escalated: the plan's preset view, else the cameras of the affected
   * units. A station's window gets only the cameras of its own area (none: no alarm there).
   */
  incident(incident: IncidentAlarm, by: AlarmCause): WallAlarm[] {
    const { cameras, layout } = this.incidentCameras(incident);
    if (cameras.length === 0) return [];
    const { incidentId, what, title, level, drill } = incident;
    const reason: WallAlarmReason = { kind: 'incident', incidentId, what, title, level, drill };
    const said = {
      zh: `${drill ? '演练' : ''}事件 #${incidentId}「${clip(title, 40)}」${what === 'level' ? '升级为' : '启动'} ${levelName(level).zh}`,
      en: `${drill ? 'drill ' : ''}incident #${incidentId} “${clip(title, 40)}” ${what === 'level' ? 'raised to' : 'started at'} ${levelName(level).en}`,
    };
    const sent: WallAlarm[] = [];
    for (const w of this.deps.windows.alarmWindows()) {
      const mine = this.forArea(cameras, layout, this.stationOf(w).stationId);
      if (mine.cameras.length === 0) continue;
      sent.push(this.push(w, reason, mine.cameras, mine.layout, by, said));
    }
    return sent;
  }

  /** What a wall of `viewer` switches to for an active incident; null when none of its cameras are theirs. */
  incidentView(incident: WallIncident, viewer: { id: number; orgUnitId: string }): WallIncidentView | null {
    const all = this.incidentCameras(incident);
    const stationId = viewerOf(this.deps.org, { ...viewer, roles: [] }).stationId;
    const { cameras, layout } = this.forArea(all.cameras, all.layout, stationId);
    if (cameras.length === 0) return null;
    const { incidentId, title, level, drill } = incident;
    return { incidentId, title, level, drill, layout, cameras };
  }

  /** The plan's preset view (with its layout), else the cameras of the affected units. */
  private incidentCameras(incident: WallIncident): { cameras: PlacedCamera[]; layout: WallLayoutId | null } {
    const preset = incident.presetViewId === null ? undefined : this.deps.repo.view(incident.presetViewId);
    const placed = this.placedCameras();
    if (preset && preset.slots.some((s) => s !== null)) {
      const byId = new Map(placed.map((c) => [c.id.toLowerCase(), c]));
      const cameras = preset.slots.flatMap((s) => (s === null ? [] : (byId.get(s.toLowerCase()) ?? [])));
      return { cameras, layout: preset.layout };
    }
    const units = new Set(incident.unitIds);
    const cameras = placed.filter(
      (c) =>
        units.has(c.workstationId) ||
        (c.gridId !== null && units.has(c.gridId)) ||
        (c.stationId !== null && units.has(c.stationId)),
    );
    return { cameras, layout: null };
  }

  /**
   * A station's wall gets the cameras of its own area only (in a fitting layout when that is fewer
   * than the preset view's); the center's gets them all. At most a full wall.
   */
  private forArea(
    cameras: readonly PlacedCamera[],
    layout: WallLayoutId | null,
    stationId: string | null,
  ): { cameras: string[]; layout: WallLayoutId | null } {
    const mine = stationId === null ? cameras : cameras.filter((c) => c.stationId === stationId);
    return {
      cameras: mine.slice(0, WALL_MAX_TILES).map((c) => c.id),
      layout: mine.length === cameras.length ? layout : null,
    };
  }

  private orderCameras(order: PlacedOrderRef): string[] {
    if (order.cameraId !== null) {
      const own = this.deps.cameras.repo.byId(order.cameraId);
      if (own?.enabled) return [own.id];
    }
    if (order.workstationId === null) return [];
    return this.deps.cameras
      .list({ workstationId: order.workstationId, enabled: true }, WALL_MAX_TILES)
      .rows.map((c) => c.id);
  }

  private placedCameras(): PlacedCamera[] {
    return this.deps.cameras
      .list({ enabled: true }, 100_000)
      .rows.map(({ id, workstationId, gridId, stationId }) => ({ id, workstationId, gridId, stationId }));
  }

  /** The window's user as the order and area rules see them (a station user: that station only). */
  private stationOf(w: WallWindowEntry) {
    return viewerOf(this.deps.org, { id: w.userId, orgUnitId: w.orgUnitId, roles: [] });
  }

  /** Records the alarm for the window and audits it (in the caller's transaction); sending is the caller's. */
  private record(
    window: WallWindowEntry,
    reason: WallAlarmReason,
    cameras: string[],
    layout: WallLayoutId | null,
    by: AlarmCause,
    what: Bilingual,
    auditName?: string,
  ): WallAlarm {
    const at = this.deps.clock();
    const alarm = this.deps.alarms.add(window, { reason, cameras, layout, by, at });
    const actorName = by?.userName ?? auditName;
    if (actorName !== undefined) {
      this.deps.audit.append({
        at,
        actorId: by?.userId ?? null,
        actorName,
        method: 'wall.alarm',
        target: `wall-window:${window.windowId}`,
        ...wallAlarmWords(what, cameras.length, window),
        ok: true,
        errorCode: null,
      });
    }
    return alarm;
  }

  /** Records, audits and sends — for alarms raised after their cause was committed. */
  private push(
    window: WallWindowEntry,
    reason: WallAlarmReason,
    cameras: string[],
    layout: WallLayoutId | null,
    by: AlarmCause,
    what: Bilingual,
  ): WallAlarm {
    const alarm = this.deps.db.transaction(() => this.record(window, reason, cameras, layout, by, what))();
    this.deps.send(alarm, window);
    return alarm;
  }
}
