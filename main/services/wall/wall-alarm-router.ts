import type { WallAlarm, WallAlarmReason } from '../../../common/contract';
import { WALL_MAX_TILES, type WallLayoutId } from '../../../common/domain/wall';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { AuditRepo } from '../audit/audit-repo';
import type { CamerasService } from '../cameras/cameras-service';
import type { OrgRepo } from '../org/org-repo';
import { viewerOf } from '../org/viewer';
import { canSeeOrder } from '../orders/order-visibility';
import type { WallAlarms } from './wall-alarms';
import type { WallRepo } from './wall-repo';
import type { WallWindowEntry, WallWindows } from './wall-windows';

/** Who caused an alarm; null when the hub itself did. */
export type AlarmCause = { userId: number; userName: string } | null;

/** An incident as the wall needs it: what to say, and where its cameras are. */
export interface IncidentAlarm {
  incidentId: number;
  what: 'activated' | 'level';
  title: string;
  level: string;
  drill: boolean;
  /** Affected org units (workstations, grids, stations): their cameras. */
  unitIds: readonly string[];
  /** The plan level's preset view: used instead of the units' cameras when it exists. */
  presetViewId: number | null;
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

interface OrderFacts {
  id: number;
  code: string;
  title: string;
  stationId: string | null;
  cameraId: string | null;
  workstationId: string | null;
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
 * Alarm to the wall (issue 11 item 8): resolves a new 特急 order's or an incident's cameras, finds
 * the alarm windows whose user may see it, and sends each its cameras with the reason. Every push a
 * person caused is audited (one row per window, as a wall.push is).
 */
export class WallAlarmRouter {
  constructor(private readonly deps: WallAlarmRouterDeps) {}

  /** A new 特急 order: its own camera, else its workstation's; to alarm windows that may see the order. */
  order(orderId: number, by: AlarmCause): WallAlarm[] {
    const order = this.deps.db
      .prepare(
        `SELECT id, code, title, station_id AS stationId, camera_id AS cameraId, workstation_id AS workstationId
         FROM orders WHERE id = ?`,
      )
      .get(orderId) as OrderFacts | undefined;
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
    const what = `特急工单 ${order.code}「${clip(order.title, 40)}」`;
    return windows.map((w) => this.push(w, reason, cameras, null, by, what));
  }

  /**
   * An incident activated or escalated: the plan's preset view, else the cameras of the affected
   * units. A station's window gets only the cameras of its own area (none: no alarm there).
   */
  incident(incident: IncidentAlarm, by: AlarmCause): WallAlarm[] {
    const preset = incident.presetViewId === null ? undefined : this.deps.repo.view(incident.presetViewId);
    const placed = this.placedCameras();
    let cameras: PlacedCamera[];
    let layout: WallLayoutId | null = null;
    if (preset && preset.slots.some((s) => s !== null)) {
      const byId = new Map(placed.map((c) => [c.id.toLowerCase(), c]));
      cameras = preset.slots.flatMap((s) => (s === null ? [] : (byId.get(s.toLowerCase()) ?? [])));
      layout = preset.layout;
    } else {
      const units = new Set(incident.unitIds);
      cameras = placed.filter(
        (c) =>
          units.has(c.workstationId) ||
          (c.gridId !== null && units.has(c.gridId)) ||
          (c.stationId !== null && units.has(c.stationId)),
      );
    }
    if (cameras.length === 0) return [];
    const { incidentId, what, title, level, drill } = incident;
    const reason: WallAlarmReason = { kind: 'incident', incidentId, what, title, level, drill };
    const said = `${drill ? '演练' : ''}事件 #${incidentId}「${clip(title, 40)}」${what === 'level' ? '升级' : '启动'}（${level} 级）`;
    const sent: WallAlarm[] = [];
    for (const w of this.deps.windows.alarmWindows()) {
      const { stationId } = this.stationOf(w);
      const mine = stationId === null ? cameras : cameras.filter((c) => c.stationId === stationId);
      if (mine.length === 0) continue;
      sent.push(
        this.push(
          w,
          reason,
          mine.slice(0, WALL_MAX_TILES).map((c) => c.id),
          mine.length === cameras.length ? layout : null,
          by,
          said,
        ),
      );
    }
    return sent;
  }

  private orderCameras(order: OrderFacts): string[] {
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

  private push(
    window: WallWindowEntry,
    reason: WallAlarmReason,
    cameras: string[],
    layout: WallLayoutId | null,
    by: AlarmCause,
    what: string,
  ): WallAlarm {
    const at = this.deps.clock();
    const pending = this.deps.alarms.add(window, reason, at);
    const alarm: WallAlarm = { alarmId: pending.alarmId, windowId: window.windowId, reason, cameras, layout, by, at };
    if (by) {
      this.deps.audit.append({
        at,
        actorId: by.userId,
        actorName: by.userName,
        method: 'wall.alarm',
        target: `wall-window:${window.windowId}`,
        summary: `${what}报警：推送 ${cameras.length} 路摄像机到电视墙报警窗口“${window.name}”（${window.userName}）`,
        ok: true,
        errorCode: null,
      });
    }
    this.deps.send(alarm, window);
    return alarm;
  }
}
