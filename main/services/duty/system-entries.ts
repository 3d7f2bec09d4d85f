import { postsFor } from '../../../common/domain/duty';
import {
  INCIDENT_LEVEL_NAMES,
  INCIDENT_TYPE_NAMES,
  type IncidentLevel,
  type IncidentType,
} from '../../../common/domain/incidents';
import { formatShanghai } from '../../../common/domain/time';
import type { Camera } from '../../../common/contract/cameras';
import type { Bilingual } from '../../../common/contract/errors';
import type { OrgRepo } from '../org/org-repo';
import { withCenter } from '../org/audience';
import type { AlertRecord } from '../orders/order-alerts';
import type { DutyLog } from './duty-log';
import type { MissingCheckIn, RosterService } from './roster-service';

/**
 * Events the hub knows go into the current shift's log as system entries. Each
 * function answers the org units whose log got an entry.
 */

/** An order turning red is written for the center and for the station holding the order. */
export function logOrderOverdue(dutyLog: DutyLog, org: OrgRepo, alert: AlertRecord): string[] {
  if (alert.kind !== 'red') return [];
  return withCenter(org, [alert.stationId]).filter(
    (unit) =>
      dutyLog.appendSystem(unit, `工单 ${alert.orderCode}「${alert.orderTitle}」已超时（红灯）`, {
        orderIds: [alert.orderId],
      }) !== null,
  );
}

/** A rostered person not checked in 10 minutes into their shift is written into their unit's log. */
export function logMissingCheckIn(dutyLog: DutyLog, roster: RosterService, m: MissingCheckIn): string[] {
  const kind = roster.rosterUnit(m.orgUnitId).kind;
  const post = postsFor(kind).find((p) => p.code === m.postCode)?.name ?? m.postCode;
  const shift = roster.pattern(m.orgUnitId).shifts.find((s) => s.code === m.shiftCode)?.name ?? m.shiftCode;
  const text = `${post} ${m.userName} 未按时签到（${shift}，${formatShanghai(m.startsAt).slice(0, 16)} 开始）`;
  return dutyLog.appendSystem(m.orgUnitId, text) !== null ? [m.orgUnitId] : [];
}

/** A camera going offline, or back online, is written for the center and the station of its area. */
export function logCameraOnline(dutyLog: DutyLog, org: OrgRepo, camera: Camera, online: boolean): string[] {
  const units = withCenter(org, [camera.stationId]);
  const text = online
    ? `摄像机 ${camera.name}（${camera.id}，${camera.workstationName}）恢复在线`
    : `摄像机 ${camera.name}（${camera.id}，${camera.workstationName}）离线`;
  return units.filter((unit) => dutyLog.appendSystem(unit, text, { cameraIds: [camera.id] }) !== null);
}

/**
 * An incident switch (activation, level change, close) is written for the center and every station
 * of the affected area, a drill marked as one.
 */
export function logIncident(
  dutyLog: DutyLog,
  org: OrgRepo,
  incident: {
    id: number;
    name: string;
    type: IncidentType;
    level: IncidentLevel;
    drill: boolean;
    stationIds: readonly string[];
  },
  what: 'activated' | 'level' | 'closed',
  detail: string,
): string[] {
  const units = withCenter(org, incident.stationIds);
  const mark = incident.drill ? '【演练】' : '';
  const level = INCIDENT_LEVEL_NAMES[incident.level].zh;
  const head = `${mark}应急事件「${incident.name}」（${INCIDENT_TYPE_NAMES[incident.type].zh}，#${incident.id}）`;
  const text =
    what === 'activated'
      ? `${head}启动 ${level}：${detail}`
      : what === 'level'
        ? `${head}调整响应级别：${detail}`
        : `${head}结束：${detail}`;
  return units.filter((unit) => dutyLog.appendSystem(unit, text, { incidentId: incident.id }) !== null);
}

/**
 * A failed backup of the hub is written into the center's log, in both languages (whoever is on duty there
 * reads it; the administrators see the same reason on the 备份与恢复 page).
 */
export function logBackupFailed(dutyLog: DutyLog, org: OrgRepo, reason: Bilingual): string[] {
  const text = `数据库自动备份失败：${reason.zh}。请通知系统管理员。/ Backup failed: ${reason.en}. Tell the administrator.`;
  return withCenter(org, []).filter((unit) => dutyLog.appendSystem(unit, text) !== null);
}

/** An automatic KPI report that could not be written (main/services/kpi-reports): for the center. */
export function logReportFailed(dutyLog: DutyLog, org: OrgRepo, what: string, reason: Bilingual): string[] {
  const text = `自动报表生成失败（${what}）：${reason.zh}。请通知系统管理员，或在“统计分析 → 报表”中重新生成。/ Automatic report failed (${what}): ${reason.en}. Tell the administrator, or generate it again under Dashboard → Reports.`;
  return withCenter(org, []).filter((unit) => dutyLog.appendSystem(unit, text) !== null);
}
