import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type ApiResult, type MethodInput, type MethodName } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { hashPassword } from '../../main/services/auth/passwords';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { connection, demoHub, ok, testClock, type TestConnection } from '../helpers/hub';

/*
 * Issue 9 item 4: every method that takes an id checks that the caller may see that object, with the
 * same rule as the list it came from. The station chief of 第一联勤站 (demo user `station`) asks for
 * objects of 第二联勤站 and of the center by id; each answer must be a refusal that carries none of
 * their data, and the owner asking the same must succeed (so a check that refuses everyone fails too).
 */

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Id-ish keys (`id`, `…Id`, `…Ids`) anywhere in a method's input, as dotted paths. */
function idKeys(schema: z.ZodType, path = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => {
      const p = path ? `${path}.${key}` : key;
      return [...(/(^id$|Id$|Ids$)/.test(key) ? [p] : []), ...idKeys(value, p)];
    });
  }
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (const key of ['innerType', 'element', 'in', 'schema']) {
    const inner = def[key];
    if (inner instanceof z.ZodType) return idKeys(inner, path);
  }
  if (Array.isArray(def.options)) return (def.options as z.ZodType[]).flatMap((o) => idKeys(o, path));
  return [];
}

/**
 * Ids of reference data every signed-in user may list (org units, categories, departments — see
 * org.*), the caller's own checklist items, and ids that are stored but never resolved or echoed.
 * Everything else must have a row in the matrix below.
 */
const REFERENCE = new Set([
  'orders.create categoryId',
  'orders.create workstationId',
  'orders.create cameraId',
  'orders.duplicates categoryId',
  'orders.duplicates workstationId',
  'orders.act handler.id',
  'sla.limits.set categoryId',
  'admin.users.create orgUnitId',
  'admin.users.update orgUnitId',
  'cameras.create workstationId',
  'cameras.update workstationId',
  'duty.handover.start checklist.id',
  'duty.checklist.set items.id',
  'duty.log.append links.incidentId',
  // Org units, picked on the org tree every signed-in user may list.
  'incidents.activate areaIds',
  ...['orders.list', 'orders.export'].flatMap((m) =>
    ['domainId', 'categoryId', 'workstationId', 'departmentId'].map((k) => `${m} filter.${k}`),
  ),
  // Grids are org units (the camera tree's top level, listed to everyone); the method is admin-only.
  'wall.lossAlarms.set gridId',
  'contacts.search orgUnitId',
  'contacts.save orgUnitId',
  ...['cameras.list', 'cameras.tree', 'cameras.export'].flatMap((m) =>
    ['workstationId', 'gridId'].map((k) => `${m} filter.${k}`),
  ),
]);

type Conn = TestConnection;
type Input = Record<string, unknown>;

/** Everything the rows refer to, made once through the API by its owners. */
interface World {
  users: Record<'station' | 'station2' | 'chief' | 'spare', number>;
  conns: Record<string, Conn>;
  orders: Record<'center' | 's2' | 's1' | 'dup', { id: number; code: string; title: string }>;
  files: Record<'centerOrder' | 'centerLog' | 's2' | 's1', number>;
  entries: Record<'center' | 's2', { id: number; shiftId: number }>;
  alerts: Record<'center' | 's2', number>;
  roster: Record<'center' | 's2', number>;
  camera: string;
  cameraViews: Record<'center' | 's2', number>;
  views: Record<'center' | 's2', number>;
  tours: Record<'center' | 's2', number>;
  windows: Record<'center' | 's2' | 's1', string>;
  /** A 特急 order's alarm on each unit's alarm window. */
  alarms: Record<'center' | 's2' | 's1', string>;
  upload: string;
  apiKey: number;
  /** A real incident in 第二联勤站's area and a drill there (a station sees its own area's only). */
  incidents: Record<'s2' | 'drill', { id: number; itemId: number; reportId: number }>;
  /** 通讯录 rows (shared reference data, changed by administrators only). */
  contacts: Record<'s2Dept' | 'centerDept' | 's2Person' | 's2Spare', number>;
  /** Phone notifications on 第二联勤站's incident and on the drill there. */
  notifications: Record<'s2' | 'drill', number>;
}

/** Strings of the other units' objects that no refused answer may contain. */
const SECRETS = [
  '中心专用工单·井盖',
  '二站专用工单·路灯',
  '中心值班日志机密',
  '二站值班日志机密',
  '中心现场照片',
  '二站现场照片',
  '二站应急事件机密',
];

interface Row {
  method: MethodName;
  /** The id keys of the method this row covers. */
  covers: string[];
  /** What the station user sends: against 第二联勤站's object and against the center's. */
  other: (w: World) => Input;
  center: (w: World) => Input;
  /** The refusal expected (default: E_NOT_FOUND). */
  denied?: string | string[];
  /** The owner's own call, which must succeed (or, with `ownerMayFail`, fail only for other reasons). */
  owner: (w: World) => { as: string; input: Input };
  ownerMayFail?: boolean;
}

const week = { date: '2026-11-26', shiftCode: 'early' };

const ROWS: Row[] = [
  // Orders: station users see their station's orders (order-visibility.ts).
  {
    method: 'orders.get',
    covers: ['id'],
    other: (w) => ({ id: w.orders.s2.id }),
    center: (w) => ({ id: w.orders.center.id }),
    owner: (w) => ({ as: 'station2', input: { id: w.orders.s2.id } }),
  },
  {
    method: 'orders.act',
    covers: ['id'],
    other: (w) => ({ id: w.orders.s2.id, action: 'accept' }),
    center: (w) => ({ id: w.orders.center.id, action: 'accept' }),
    owner: (w) => ({ as: 'station2', input: { id: w.orders.s2.id, action: 'self_handle', reason: '站内处理' } }),
  },
  {
    // Stations may not merge at all; the parent is checked with the same rule all the same.
    method: 'orders.act',
    covers: ['parentId'],
    other: (w) => ({ id: w.orders.s1.id, action: 'merge', parentId: w.orders.s2.id, reason: '重复' }),
    center: (w) => ({ id: w.orders.s1.id, action: 'merge', parentId: w.orders.center.id, reason: '重复' }),
    denied: ['E_FORBIDDEN', 'E_NOT_FOUND'],
    owner: (w) => ({
      as: 'chief',
      input: { id: w.orders.dup.id, action: 'merge', parentId: w.orders.center.id, reason: '重复' },
    }),
  },
  {
    method: 'orders.act',
    covers: ['attachmentIds'],
    other: (w) => ({ id: w.orders.s1.id, action: 'self_handle', reason: '附图', attachmentIds: [w.files.s2] }),
    center: (w) => ({ id: w.orders.s1.id, action: 'self_handle', reason: '附图', attachmentIds: [w.files.centerLog] }),
    owner: (w) => ({
      as: 'station',
      input: { id: w.orders.s1.id, action: 'self_handle', reason: '附图', attachmentIds: [w.files.s1] },
    }),
  },
  {
    method: 'orders.create',
    covers: ['attachmentIds'],
    other: (w) => ({ ...orderInput('借图工单'), attachmentIds: [w.files.s2] }),
    center: (w) => ({ ...orderInput('借图工单'), attachmentIds: [w.files.centerOrder] }),
    owner: (w) => ({ as: 'station', input: { ...orderInput('本站带图工单'), attachmentIds: [w.files.s1] } }),
  },
  {
    method: 'orders.alerts.ack',
    covers: ['id'],
    other: (w) => ({ id: w.alerts.s2 }),
    center: (w) => ({ id: w.alerts.center }),
    owner: (w) => ({ as: 'chief', input: { id: w.alerts.center } }),
  },
  {
    method: 'orders.list',
    covers: ['filter.stationId'],
    other: () => ({ filter: { stationId: 'HQ-S2' } }),
    center: () => ({ filter: { text: '中心专用工单' } }),
    denied: 'EMPTY',
    owner: () => ({ as: 'station2', input: { filter: { stationId: 'HQ-S2' } } }),
  },
  {
    method: 'orders.export',
    covers: ['filter.stationId'],
    other: () => ({ filter: { stationId: 'HQ-S2' }, format: 'csv' }),
    center: () => ({ filter: {}, format: 'csv' }),
    denied: 'NO_SECRETS',
    owner: () => ({ as: 'station2', input: { filter: { stationId: 'HQ-S2' }, format: 'csv' } }),
  },
  // Attachments: the uploader, and whoever may see an order or duty log entry they hang on.
  {
    method: 'attachments.read',
    covers: ['id'],
    other: (w) => ({ id: w.files.s2 }),
    center: (w) => ({ id: w.files.centerOrder }),
    owner: (w) => ({ as: 'monitor', input: { id: w.files.centerOrder } }),
  },
  {
    method: 'attachments.read',
    covers: ['id'],
    other: (w) => ({ id: w.files.s2 }),
    center: (w) => ({ id: w.files.centerLog }),
    owner: (w) => ({ as: 'monitor', input: { id: w.files.centerLog } }),
  },
  {
    method: 'attachments.chunk',
    covers: ['uploadId'],
    other: (w) => ({ uploadId: w.upload, index: 0, dataBase64: PNG_1x1.toString('base64') }),
    center: () => ({ uploadId: "' OR 1=1 --", index: 0, dataBase64: '' }),
    owner: (w) => ({ as: 'chief', input: { uploadId: w.upload, index: 0, dataBase64: PNG_1x1.toString('base64') } }),
  },
  {
    method: 'attachments.finish',
    covers: ['uploadId'],
    other: (w) => ({ uploadId: w.upload }),
    center: () => ({ uploadId: '0'.repeat(32) }),
    owner: (w) => ({ as: 'chief', input: { uploadId: w.upload } }),
  },
  // Duty log: center users see every unit's, everyone else their own unit's (duty-visibility.ts).
  {
    method: 'duty.log.append',
    covers: ['correctsId'],
    other: (w) => ({ kind: 'duty', text: '更正', correctsId: w.entries.s2.id }),
    center: (w) => ({ kind: 'duty', text: '更正', correctsId: w.entries.center.id }),
    owner: (w) => ({ as: 'chief', input: { kind: 'duty', text: '更正中心记录', correctsId: w.entries.center.id } }),
  },
  {
    method: 'duty.log.append',
    covers: ['links.orderIds'],
    other: (w) => ({ kind: 'duty', text: '关联', links: { orderIds: [w.orders.s2.id] } }),
    center: (w) => ({ kind: 'duty', text: '关联', links: { orderIds: [w.orders.s1.id, w.orders.center.id] } }),
    owner: (w) => ({ as: 'chief', input: { kind: 'duty', text: '关联二站', links: { orderIds: [w.orders.s2.id] } } }),
  },
  {
    method: 'duty.log.append',
    covers: ['links.attachmentIds'],
    other: (w) => ({ kind: 'duty', text: '附图', links: { attachmentIds: [w.files.s2] } }),
    center: (w) => ({ kind: 'duty', text: '附图', links: { attachmentIds: [w.files.s1, w.files.centerOrder] } }),
    owner: (w) => ({
      as: 'station',
      input: { kind: 'duty', text: '本站附图', links: { attachmentIds: [w.files.s1] } },
    }),
  },
  {
    // The camera registry is shared by every camera-viewing role; a role without video sees none.
    method: 'duty.log.append',
    covers: ['links.cameraIds'],
    other: (w) => ({ kind: 'duty', text: '摄像机', links: { cameraIds: [w.camera.replace('9', '8')] } }),
    center: () => ({ kind: 'duty', text: '摄像机', links: { cameraIds: ["CAM'; DROP TABLE cameras;--"] } }),
    owner: (w) => ({ as: 'station', input: { kind: 'duty', text: '本站摄像机', links: { cameraIds: [w.camera] } } }),
  },
  {
    method: 'duty.log.search',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2' }),
    center: () => ({ orgUnitId: 'HQ-C' }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'chief', input: { orgUnitId: 'HQ-S2' } }),
  },
  {
    method: 'duty.log.export',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2' }),
    center: () => ({ orgUnitId: 'HQ-C' }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2' } }),
  },
  // Handover: the same rule as the duty log, per shift.
  ...(['duty.handover.get', 'duty.handover.report', 'duty.handover.cancel'] as const).map((method): Row => ({
    method,
    covers: ['shiftId'],
    other: (w) => ({ shiftId: w.entries.s2.shiftId }),
    center: (w) => ({ shiftId: w.entries.center.shiftId }),
    owner: (w) => ({ as: 'chief', input: { shiftId: w.entries.center.shiftId } }),
    // Calling off a handover that was never started is refused for that reason, not for scope.
    ownerMayFail: method === 'duty.handover.cancel',
  })),
  {
    method: 'duty.handover.start',
    covers: ['shiftId'],
    other: (w) => ({ shiftId: w.entries.s2.shiftId, checklist: [], notes: '', doneAssigned: [] }),
    center: (w) => ({ shiftId: w.entries.center.shiftId, checklist: [], notes: '', doneAssigned: [] }),
    owner: (w) => ({
      as: 'chief',
      input: { shiftId: w.entries.center.shiftId, checklist: [], notes: '', doneAssigned: [] },
    }),
    ownerMayFail: true,
  },
  {
    method: 'duty.handover.sign',
    covers: ['shiftId'],
    other: (w) => ({ shiftId: w.entries.s2.shiftId, side: 'outgoing', username: 'station', password: DEMO_PASSWORD }),
    center: (w) => ({
      shiftId: w.entries.center.shiftId,
      side: 'outgoing',
      username: 'station',
      password: DEMO_PASSWORD,
    }),
    owner: (w) => ({
      as: 'chief',
      input: { shiftId: w.entries.center.shiftId, side: 'outgoing', username: 'chief', password: DEMO_PASSWORD },
    }),
    ownerMayFail: true,
  },
  // Roster: center users read every unit's; chiefs edit their own unit's.
  ...(['duty.pattern.get', 'duty.roster.people'] as const).map((method): Row => ({
    method,
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2' }),
    center: () => ({ orgUnitId: 'HQ-C' }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2' } }),
  })),
  {
    method: 'duty.pattern.set',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', shifts: [] }),
    center: () => ({ orgUnitId: 'HQ-C', shifts: [] }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'admin', input: { orgUnitId: 'HQ-S2', shifts: [] } }),
    ownerMayFail: true,
  },
  {
    method: 'duty.roster.week',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', date: week.date }),
    center: () => ({ orgUnitId: 'HQ-C', date: week.date }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2', date: week.date } }),
  },
  {
    method: 'duty.roster.month',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', year: 2026, month: 11 }),
    center: () => ({ orgUnitId: 'HQ-C', year: 2026, month: 11 }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'chief', input: { orgUnitId: 'HQ-S2', year: 2026, month: 11 } }),
  },
  {
    method: 'duty.roster.copyWeek',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', fromMonday: '2026-11-23', weeks: 1 }),
    center: () => ({ orgUnitId: 'HQ-C', fromMonday: '2026-11-23', weeks: 1 }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2', fromMonday: '2026-11-23', weeks: 1 } }),
  },
  {
    method: 'duty.roster.assign',
    covers: ['orgUnitId'],
    other: (w) => ({ orgUnitId: 'HQ-S2', ...week, postCode: 'station_duty_chief', userId: w.users.station }),
    center: (w) => ({ orgUnitId: 'HQ-C', ...week, postCode: 'duty_chief', userId: w.users.station }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({
      as: 'station2',
      input: {
        orgUnitId: 'HQ-S2',
        date: '2026-11-27',
        shiftCode: 'early',
        postCode: 'station_duty_chief',
        userId: w.users.station2,
      },
    }),
  },
  {
    // Another unit's person is named by id only: the refusal does not say who they are.
    method: 'duty.roster.assign',
    covers: ['userId'],
    other: (w) => ({ orgUnitId: 'HQ-S1', ...week, postCode: 'station_duty_chief', userId: w.users.station2 }),
    center: (w) => ({ orgUnitId: 'HQ-S1', ...week, postCode: 'station_duty_chief', userId: w.users.chief }),
    denied: 'E_INVALID',
    owner: (w) => ({
      as: 'station',
      input: { orgUnitId: 'HQ-S1', ...week, postCode: 'station_duty_chief', userId: w.users.station },
    }),
  },
  {
    method: 'duty.roster.unassign',
    covers: ['id'],
    other: (w) => ({ id: w.roster.s2 }),
    center: (w) => ({ id: w.roster.center }),
    owner: (w) => ({ as: 'chief', input: { id: w.roster.center } }),
  },
  // Cameras: shared reference data for every camera-viewing role; viewing records are personal.
  {
    method: 'cameras.get',
    covers: ['id'],
    other: () => ({ id: 'CAM-8999' }),
    center: () => ({ id: `CAM-"'<script>` }),
    owner: (w) => ({ as: 'station', input: { id: w.camera } }),
  },
  {
    method: 'cameras.viewStart',
    covers: ['cameraId'],
    other: () => ({ cameraId: 'CAM-8999' }),
    center: () => ({ cameraId: "x' OR '1'='1" }),
    owner: (w) => ({ as: 'station', input: { cameraId: w.camera } }),
  },
  {
    method: 'cameras.viewEnd',
    covers: ['viewId'],
    other: (w) => ({ viewId: w.cameraViews.s2 }),
    center: (w) => ({ viewId: w.cameraViews.center }),
    owner: (w) => ({ as: 'chief', input: { viewId: w.cameraViews.center } }),
  },
  {
    // The video-loss alarm's 确认: on the shared registry, like cameras.get.
    method: 'wall.lossAlarms.ack',
    covers: ['cameraId'],
    other: () => ({ cameraId: 'CAM-8999', stream: 'main' }),
    center: () => ({ cameraId: `CAM-"'<script>`, stream: 'sub' }),
    owner: (w) => ({ as: 'station', input: { cameraId: w.camera, stream: 'sub' } }),
  },
  ...(['cameras.list', 'cameras.tree', 'cameras.export'] as const).map((method): Row => ({
    method,
    covers: ['filter.stationId'],
    // Not scoped by station (the registry is shared): a station chief gets the same list.
    other: () => ({ filter: { stationId: 'HQ-S2' }, ...(method === 'cameras.export' ? { format: 'csv' } : {}) }),
    center: () => ({ filter: {}, ...(method === 'cameras.export' ? { format: 'csv' } : {}) }),
    denied: method === 'cameras.export' ? 'E_FORBIDDEN' : 'SHARED',
    owner: () => ({
      as: 'admin',
      input: { filter: { stationId: 'HQ-S2' }, ...(method === 'cameras.export' ? { format: 'csv' } : {}) },
    }),
  })),
  ...(['cameras.update', 'cameras.setEnabled', 'cameras.create', 'cameras.delete'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => cameraWrite(method, w.camera),
    center: (w) => cameraWrite(method, w.camera),
    denied: 'E_FORBIDDEN',
    // The new camera is the one deleted: the shared one stays for the wall rows.
    owner: (w) => ({
      as: 'admin',
      input: cameraWrite(method, ['cameras.create', 'cameras.delete'].includes(method) ? 'CAM-9002' : w.camera),
    }),
  })),
  {
    method: 'cameras.viewsReport',
    covers: ['cameraId', 'userId'],
    other: (w) => ({ from: 0, to: 1, cameraId: w.camera, userId: w.users.station2 }),
    center: (w) => ({ from: 0, to: 1, cameraId: w.camera, userId: w.users.chief }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({
      as: 'chief',
      input: { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), cameraId: w.camera },
    }),
  },
  // Wall: personal views and tours are their owner's; windows their user's (and their unit chiefs').
  {
    method: 'wall.views.save',
    covers: ['id'],
    other: (w) => ({ id: w.views.s2, name: '改名', layout: '1', slots: [null] }),
    center: (w) => ({ id: w.views.center, name: '改名', layout: '1', slots: [null] }),
    owner: (w) => ({ as: 'chief', input: { id: w.views.center, name: '中心画面2', layout: '1', slots: [null] } }),
  },
  {
    method: 'wall.tours.save',
    covers: ['id'],
    other: (w) => ({ id: w.tours.s2, name: '改名', mode: 'tile', cameras: [w.camera], dwellSeconds: 10 }),
    center: (w) => ({ id: w.tours.center, name: '改名', mode: 'tile', cameras: [w.camera], dwellSeconds: 10 }),
    owner: (w) => ({
      as: 'chief',
      input: { id: w.tours.center, name: '中心轮巡2', mode: 'tile', cameras: [w.camera], dwellSeconds: 10 },
    }),
  },
  {
    method: 'wall.push',
    covers: ['windowId', 'target.cameraId'],
    other: (w) => ({ windowId: w.windows.s2, target: { kind: 'camera', cameraId: w.camera } }),
    center: (w) => ({ windowId: w.windows.center, target: { kind: 'camera', cameraId: w.camera } }),
    owner: (w) => ({
      as: 'station',
      input: { windowId: w.windows.s1, target: { kind: 'camera', cameraId: w.camera } },
    }),
  },
  {
    method: 'wall.push',
    covers: ['target.viewId', 'target.tourId'],
    other: (w) => ({ windowId: w.windows.s1, target: { kind: 'view', viewId: w.views.s2 } }),
    center: (w) => ({ windowId: w.windows.s1, target: { kind: 'tour', tourId: w.tours.center } }),
    owner: (w) => ({
      as: 'chief',
      input: { windowId: w.windows.center, target: { kind: 'view', viewId: w.views.center } },
    }),
  },
  {
    method: 'wall.windows.setAlarm',
    covers: ['windowId'],
    other: (w) => ({ windowId: w.windows.s2, alarm: false }),
    center: (w) => ({ windowId: w.windows.center, alarm: false }),
    owner: (w) => ({ as: 'station', input: { windowId: w.windows.s1, alarm: true } }),
  },
  {
    method: 'wall.alarm.ack',
    covers: ['alarmId'],
    other: (w) => ({ alarmId: w.alarms.s2 }),
    center: (w) => ({ alarmId: w.alarms.center }),
    owner: (w) => ({ as: 'station', input: { alarmId: w.alarms.s1 } }),
  },
  ...(['wall.views.delete', 'wall.tours.delete'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => ({ id: method === 'wall.views.delete' ? w.views.s2 : w.tours.s2 }),
    center: (w) => ({ id: method === 'wall.views.delete' ? w.views.center : w.tours.center }),
    owner: (w) => ({ as: 'station2', input: { id: method === 'wall.views.delete' ? w.views.s2 : w.tours.s2 } }),
  })),
  // The camera gateway: cameras are shared like cameras.get; transports and consumers
  // belong to the connection that made them (the engine is asked with the caller's connection as
  // owner). This hub runs no WebRTC engine, so those calls are refused as a conflict for everyone.
  ...(['media.open', 'media.release'] as const).map((method): Row => ({
    method,
    covers: ['cameraId'],
    other: () => ({ cameraId: 'CAM-8999', stream: 'main' }),
    center: () => ({ cameraId: "x' OR '1'='1", stream: 'sub' }),
    owner: (w) => ({ as: 'station', input: { cameraId: w.camera, stream: 'main' } }),
  })),
  {
    method: 'media.rtc.consume',
    covers: ['cameraId', 'transportId'],
    other: () => ({ transportId: 'transport-of-another', cameraId: 'CAM-8999', stream: 'main', rtpCapabilities: {} }),
    center: () => ({ transportId: 'x', cameraId: `CAM-"'<script>`, stream: 'main', rtpCapabilities: {} }),
    owner: (w) => ({
      as: 'station',
      input: { transportId: 'own', cameraId: w.camera, stream: 'main', rtpCapabilities: {} },
    }),
    ownerMayFail: true,
  },
  {
    method: 'media.rtc.connect',
    covers: ['transportId'],
    other: () => ({ transportId: 'transport-of-another', dtlsParameters: {} }),
    center: () => ({ transportId: "x' OR '1'='1", dtlsParameters: {} }),
    denied: ['E_NOT_FOUND', 'E_CONFLICT'],
    owner: () => ({ as: 'station', input: { transportId: 'own', dtlsParameters: {} } }),
    ownerMayFail: true,
  },
  ...(['media.rtc.pause', 'media.rtc.resume', 'media.rtc.closeConsumer'] as const).map((method): Row => ({
    method,
    covers: ['consumerId'],
    other: () => ({ consumerId: 'consumer-of-another' }),
    center: () => ({ consumerId: '../../x' }),
    denied: ['E_NOT_FOUND', 'E_CONFLICT'],
    owner: () => ({ as: 'station', input: { consumerId: 'own' } }),
    ownerMayFail: true,
  })),
  // The demo stream control: administrators and duty chiefs only, and only with the control on (this
  // hub runs without demo media, so the chief's own call is refused as a conflict).
  {
    method: 'demo.setRunning',
    covers: ['cameraId'],
    other: (w) => ({ cameraId: w.camera, running: false }),
    center: () => ({ cameraId: "x' OR '1'='1", running: true }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { cameraId: w.camera, running: false } }),
    ownerMayFail: true,
  },
  // Administration: administrators only.
  ...(['admin.users.update', 'admin.users.setDisabled', 'admin.users.resetPassword'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => adminUserInput(method, w.users.spare),
    center: (w) => adminUserInput(method, w.users.chief),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: adminUserInput(method, w.users.spare) }),
  })),
  {
    method: 'admin.apiKeys.revoke',
    covers: ['id'],
    other: (w) => ({ id: w.apiKey }),
    center: (w) => ({ id: w.apiKey }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: { id: w.apiKey } }),
  },
  {
    method: 'contacts.save',
    covers: ['id', 'parentId', 'userId'],
    other: (w) => contactInput(w.contacts.s2Person, w.contacts.s2Dept, w.users.station2),
    center: (w) => contactInput(w.contacts.s2Person, w.contacts.centerDept, w.users.chief),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: contactInput(w.contacts.s2Person, w.contacts.s2Dept, w.users.station2) }),
  },
  {
    method: 'contacts.delete',
    covers: ['id'],
    other: (w) => ({ id: w.contacts.s2Spare }),
    center: (w) => ({ id: w.contacts.centerDept }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: { id: w.contacts.s2Spare } }),
  },
  {
    method: 'incidents.notify',
    covers: ['id', 'contactId'],
    other: (w) => ({ id: w.incidents.s2.id, contactId: w.contacts.s2Person, channel: 'phone', note: '越权通知' }),
    center: (w) => ({ id: w.incidents.drill.id, contactId: w.contacts.centerDept, channel: 'phone' }),
    owner: (w) => ({
      as: 'station2',
      input: { id: w.incidents.s2.id, contactId: w.contacts.s2Person, channel: 'sms' },
    }),
  },
  {
    method: 'incidents.notify.confirm',
    covers: ['notificationId'],
    other: (w) => ({ notificationId: w.notifications.s2 }),
    center: (w) => ({ notificationId: w.notifications.drill }),
    owner: (w) => ({ as: 'station2', input: { notificationId: w.notifications.s2, note: '已回电确认' } }),
  },
  {
    method: 'audit.list',
    covers: ['beforeId'],
    other: () => ({ beforeId: 1000 }),
    center: () => ({ beforeId: 1 }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'admin', input: { beforeId: 1000 } }),
  },
  // Incident mode: a station sees the incidents of its own area; the switches are the center's.
  ...(['incidents.get', 'incidents.note'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, ...(method === 'incidents.note' ? { text: '越权记录' } : {}) }),
    center: (w) => ({ id: w.incidents.drill.id, ...(method === 'incidents.note' ? { text: '越权记录' } : {}) }),
    owner: (w) => ({
      as: 'station2',
      input: { id: w.incidents.s2.id, ...(method === 'incidents.note' ? { text: '二站记录' } : {}) },
    }),
  })),
  // The incident report: what incidents.get shows, so the same rule.
  {
    method: 'incidents.export',
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, format: 'pdf' }),
    center: (w) => ({ id: w.incidents.drill.id, format: 'xlsx' }),
    owner: (w) => ({ as: 'station2', input: { id: w.incidents.s2.id, format: 'pdf' } }),
  },
  {
    method: 'incidents.checklist.tick',
    covers: ['id', 'itemId'],
    other: (w) => ({ id: w.incidents.s2.id, itemId: w.incidents.s2.itemId, done: true }),
    center: (w) => ({ id: w.incidents.drill.id, itemId: w.incidents.s2.itemId, done: true }),
    owner: (w) => ({ as: 'station2', input: { id: w.incidents.s2.id, itemId: w.incidents.s2.itemId, done: true } }),
  },
  {
    method: 'incidents.report.record',
    covers: ['id', 'reportId', 'attachmentIds'],
    other: (w) => ({
      id: w.incidents.s2.id,
      reportId: w.incidents.s2.reportId,
      text: '越权',
      attachmentIds: [w.files.s2],
    }),
    center: (w) => ({
      id: w.incidents.drill.id,
      reportId: w.incidents.s2.reportId,
      text: '越权',
      attachmentIds: [w.files.centerLog],
    }),
    owner: (w) => ({
      as: 'station2',
      input: {
        id: w.incidents.s2.id,
        reportId: w.incidents.s2.reportId,
        text: '二站初报',
        attachmentIds: [w.files.s2],
      },
    }),
  },
  {
    method: 'incidents.orders.link',
    covers: ['id', 'orderId'],
    other: (w) => ({ id: w.incidents.s2.id, orderId: w.orders.s2.id }),
    center: (w) => ({ id: w.incidents.drill.id, orderId: w.orders.center.id }),
    owner: (w) => ({ as: 'station2', input: { id: w.incidents.s2.id, orderId: w.orders.s2.id } }),
  },
  ...(['orders.list', 'orders.export'] as const).map((method): Row => ({
    method,
    covers: ['filter.incidentId'],
    other: (w) => ({
      filter: { incidentId: w.incidents.s2.id },
      ...(method === 'orders.export' ? { format: 'csv' } : {}),
    }),
    center: (w) => ({
      filter: { incidentId: w.incidents.drill.id },
      ...(method === 'orders.export' ? { format: 'csv' } : {}),
    }),
    owner: (w) => ({
      as: 'station2',
      input: { filter: { incidentId: w.incidents.s2.id }, ...(method === 'orders.export' ? { format: 'csv' } : {}) },
    }),
  })),
  {
    // Plans are the administrators' (contacts are ids only here; the preset view must be a shared one).
    method: 'incidents.plans.save',
    covers: (['IV', 'III', 'II', 'I'] as const).flatMap((l) => [
      `levels.${l}.notify.contactId`,
      `levels.${l}.presetViewId`,
    ]),
    other: (w) => ({ type: 'fire', name: '越权预案', levels: planLevels(w.views.s2) }),
    center: (w) => ({ type: 'fire', name: '越权预案', levels: planLevels(w.views.center) }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'admin', input: { type: 'fire', name: '火灾预案', levels: planLevels(null) } }),
  },
  {
    method: 'incidents.activate',
    covers: ['commanderUserId'],
    other: (w) => ({ ...incidentInput(true), commanderUserId: w.users.station2 }),
    center: (w) => ({ ...incidentInput(true), commanderUserId: w.users.chief }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { ...incidentInput(true), commanderUserId: w.users.chief } }),
  },
  {
    method: 'incidents.setLevel',
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, level: 'I', reason: '越权' }),
    center: (w) => ({ id: w.incidents.drill.id, level: 'I', reason: '越权' }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { id: w.incidents.drill.id, level: 'III', reason: '演练升级' } }),
  },
  {
    method: 'incidents.close',
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, summary: '越权' }),
    center: (w) => ({ id: w.incidents.drill.id, summary: '越权' }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { id: w.incidents.drill.id, summary: '演练结束' } }),
  },
];

function contactInput(id: number, parentId: number, userId: number): Input {
  return { id, kind: 'person', name: '二站联系人', parentId, userId, phone: '021-5811 0000' };
}

function orderInput(
  title: string,
  urgency: MethodInput<'orders.create'>['urgency'] = 'normal',
): MethodInput<'orders.create'> {
  return { title, description: '', categoryId: '0200201', workstationId: 'HQ-W-HQ01', source: 'hotline', urgency };
}

function incidentInput(drill: boolean): MethodInput<'incidents.activate'> {
  return {
    type: 'flood',
    level: 'IV',
    drill,
    areaIds: ['HQ-W-CL01'],
    commanderName: '指挥',
    situation: '二站应急事件机密',
  };
}

function planLevels(presetViewId: number | null): Input {
  const level = {
    checklist: [{ key: 'duty24h', text: '启动24小时值守' }],
    notify: [{ contactId: 1 }],
    reports: { initialMinutes: 30, writtenMinutes: 60, updateEveryMinutes: 60 },
    presetViewId,
  };
  return { IV: level, III: level, II: level, I: level };
}

function cameraWrite(method: string, id: string): Input {
  if (method === 'cameras.create') {
    return { id, name: '矩阵新摄像机', workstationId: 'HQ-W-HQ01', mainUrl: 'http://127.0.0.1/x/main.m3u8' };
  }
  if (method === 'cameras.update') return { id, name: '改名摄像机' };
  if (method === 'cameras.setEnabled') return { id, enabled: true };
  return { id };
}

function adminUserInput(method: string, id: number): Input {
  if (method === 'admin.users.update') return { id, displayName: '备用人员' };
  if (method === 'admin.users.setDisabled') return { id, disabled: false };
  return { id, newPassword: 'Spare#2026xyz' };
}

let hub: Hub;
let w: World;

async function signIn(username: string, id = `conn-${username}`): Promise<Conn> {
  const conn = connection(id);
  hub.attach(conn);
  await ok(hub, conn, 'auth.login', { username, password: DEMO_PASSWORD });
  return conn;
}

async function upload(conn: Conn, name: string): Promise<number> {
  const { uploadId } = await ok(hub, conn, 'attachments.begin', { name, size: PNG_1x1.length });
  await ok(hub, conn, 'attachments.chunk', { uploadId, index: 0, dataBase64: PNG_1x1.toString('base64') });
  return (await ok(hub, conn, 'attachments.finish', { uploadId })).id;
}

const run = (as: string, method: MethodName, input: Input): Promise<ApiResult<unknown>> =>
  hub.call(w.conns[as]!, method, input);

beforeAll(async () => {
  // Wed 2026-11-25 09:00 Shanghai: the center's early shift and the stations' day shift are open.
  hub = await demoHub({ clock: testClock(Date.UTC(2026, 10, 25, 1, 0, 0)), alertSweepMs: 0 });
  const repo = new UsersRepo(hub.db);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [username, displayName] of [
    ['station2', '吴站长（第二联勤站）'],
    ['spare', '备用（第二联勤站）'],
  ] as const) {
    const user = { username, displayName, passwordHash: hash, orgUnitId: 'HQ-S2', mustChangePassword: false };
    repo.insert({ ...user, roles: ['station_chief'] }, Date.now());
  }
  const idOf = (username: string): number => {
    const row = hub.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number } | undefined;
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  };
  const users = { station: idOf('station'), station2: idOf('station2'), chief: idOf('chief'), spare: idOf('spare') };
  const conns: Record<string, Conn> = {};
  for (const u of ['station', 'station2', 'chief', 'hotline', 'monitor', 'grid', 'admin']) conns[u] = await signIn(u);
  const c = (u: string) => conns[u]!;

  const camera = (
    await ok(hub, c('admin'), 'cameras.create', {
      id: 'CAM-9001',
      name: '矩阵摄像机',
      workstationId: 'HQ-W-HQ01',
      mainUrl: 'http://127.0.0.1/m/main.m3u8',
    })
  ).id;

  const files = {
    centerOrder: await upload(c('hotline'), '中心现场照片.png'),
    centerLog: await upload(c('chief'), '中心现场照片-日志.png'),
    s2: await upload(c('station2'), '二站现场照片.png'),
    s1: await upload(c('station'), '一站现场照片.png'),
  };
  const create = async (as: string, title: string, attachmentIds: number[]) => {
    const o = await ok(hub, c(as), 'orders.create', { ...orderInput(title, 'critical'), attachmentIds });
    return { id: o.id, code: o.code, title: o.title };
  };
  const orders = {
    center: await create('hotline', '中心专用工单·井盖', [files.centerOrder]),
    s2: await create('station2', '二站专用工单·路灯', [files.s2]),
    s1: await create('station', '一站工单·积水', []),
    dup: await create('hotline', '重复登记', []),
  };
  const alertOf = async (as: string, orderId: number) =>
    (await ok(hub, c(as), 'orders.alerts.list', {})).find((a) => a.orderId === orderId)!.id;
  const alerts = { center: await alertOf('chief', orders.center.id), s2: await alertOf('station2', orders.s2.id) };

  const center = await ok(hub, c('chief'), 'duty.log.append', {
    kind: 'duty',
    text: '中心值班日志机密',
    links: { orderIds: [orders.center.id], attachmentIds: [files.centerLog] },
  });
  const s2 = await ok(hub, c('station2'), 'duty.log.append', { kind: 'duty', text: '二站值班日志机密' });
  const entries = { center: { id: center.id, shiftId: center.shiftId }, s2: { id: s2.id, shiftId: s2.shiftId } };

  const assign = async (as: string, orgUnitId: string, postCode: string, userId: number) =>
    (await ok(hub, c(as), 'duty.roster.assign', { orgUnitId, ...week, postCode, userId })).id;
  const roster = {
    center: await assign('chief', 'HQ-C', 'duty_chief', users.chief),
    s2: await assign('station2', 'HQ-S2', 'station_duty_chief', users.station2),
  };

  const cameraViews = {
    center: (await ok(hub, c('chief'), 'cameras.viewStart', { cameraId: camera })).viewId,
    s2: (await ok(hub, c('station2'), 'cameras.viewStart', { cameraId: camera })).viewId,
  };
  const view = async (as: string, name: string) =>
    (await ok(hub, c(as), 'wall.views.save', { name, layout: '1', slots: [camera] })).id;
  const tour = async (as: string, name: string) =>
    (await ok(hub, c(as), 'wall.tours.save', { name, mode: 'tile', cameras: [camera], dwellSeconds: 10 })).id;
  const views = { center: await view('chief', '中心私人画面'), s2: await view('station2', '二站私人画面') };
  const tours = { center: await tour('chief', '中心私人轮巡'), s2: await tour('station2', '二站私人轮巡') };
  const wallWindow = async (as: string) =>
    (await ok(hub, await signIn(as, `wall-${as}`), 'wall.windows.register', { name: `${as} 大屏`, alarm: true }))
      .windowId;
  const windows = {
    center: await wallWindow('chief'),
    s2: await wallWindow('station2'),
    s1: await wallWindow('station'),
  };
  const alarmOn = (orderId: number, windowId: string) =>
    hub.wallAlarms.order(orderId, null).find((a) => a.windowId === windowId)!.alarmId;
  const alarms = {
    center: alarmOn(orders.center.id, windows.center),
    s2: alarmOn(orders.s2.id, windows.s2),
    s1: alarmOn(orders.s1.id, windows.s1),
  };

  const upload0 = await ok(hub, c('chief'), 'attachments.begin', { name: '待传.png', size: PNG_1x1.length });
  const apiKey = (await ok(hub, c('admin'), 'admin.apiKeys.create', { name: '矩阵密钥' })).key.id;
  const incident = async (drill: boolean) => {
    const d = await ok(hub, c('chief'), 'incidents.activate', incidentInput(drill));
    return { id: d.incident.id, itemId: d.checklist[0]!.id, reportId: d.reports[0]!.id };
  };
  const incidents = { s2: await incident(false), drill: await incident(true) };
  const contactOf = async (text: string) =>
    (await ok(hub, c('admin'), 'contacts.search', { text, kind: 'department' })).rows[0]!.id;
  const s2Dept = await contactOf('第二联勤站');
  const addPerson = async (name: string) =>
    (await ok(hub, c('admin'), 'contacts.save', { kind: 'person', name, parentId: s2Dept })).id;
  const contacts = {
    s2Dept,
    centerDept: await contactOf('合庆镇城市运行综合管理中心'),
    s2Person: await addPerson('二站联系人'),
    s2Spare: await addPerson('二站备用联系人'),
  };
  const notifyOn = async (as: string, id: number) =>
    (await ok(hub, c(as), 'incidents.notify', { id, contactId: contacts.s2Dept, channel: 'phone' })).id;
  const notifications = {
    s2: await notifyOn('station2', incidents.s2.id),
    drill: await notifyOn('chief', incidents.drill.id),
  };
  w = {
    users,
    conns,
    orders,
    files,
    entries,
    alerts,
    roster,
    camera,
    cameraViews,
    views,
    tours,
    windows,
    alarms,
    upload: upload0.uploadId,
    apiKey,
    incidents,
    contacts,
    notifications,
  };
}, 60_000);
afterAll(() => hub.close());

describe('scoping matrix: the station chief of 第一联勤站 against 第二联勤站 and the center', () => {
  it('has a row for every id an input names (other than reference data)', () => {
    const covered = new Set(ROWS.flatMap((r) => r.covers.map((k) => `${r.method} ${k}`)));
    const missing = (Object.keys(contract) as MethodName[])
      .flatMap((m) => idKeys(contract[m].input).map((k) => `${m} ${k}`))
      .filter((k) => !REFERENCE.has(k) && !covered.has(k));
    expect(missing).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.method} ${row.covers.join(', ')}`, async () => {
      for (const [against, input] of [
        ['第二联勤站', row.other(w)],
        ['center', row.center(w)],
      ] as const) {
        const result = await run('station', row.method, input);
        const label = `${row.method} against ${against}: ${JSON.stringify(result).slice(0, 300)}`;
        const text = JSON.stringify(result);
        for (const secret of SECRETS) expect(text, label).not.toContain(secret);
        for (const o of [w.orders.center, w.orders.s2]) expect(text, label).not.toContain(o.code);
        const denied = row.denied ?? 'E_NOT_FOUND';
        if (denied === 'EMPTY') {
          expect(result.ok && (result.value as { rows: unknown[] }).rows, label).toEqual([]);
        } else if (denied === 'SHARED' || denied === 'NO_SECRETS') {
          expect(result.ok, label).toBe(true);
        } else {
          expect([denied].flat(), label).toContain(result.ok ? 'ok' : result.error.code);
        }
      }
      const owner = row.owner(w);
      const result = await run(owner.as, row.method, owner.input);
      const code = result.ok ? 'ok' : result.error.code;
      if (row.ownerMayFail) expect(['E_NOT_FOUND', 'E_FORBIDDEN'], `${row.method} as ${owner.as}`).not.toContain(code);
      else expect(code, `${row.method} as ${owner.as}: ${JSON.stringify(result).slice(0, 300)}`).toBe('ok');
    });
  }
});

describe('what the answers carry', () => {
  it('the station never reads the center’s or the other station’s photos, but the uploader and the center do', async () => {
    for (const id of [w.files.centerOrder, w.files.centerLog, w.files.s2]) {
      const r = await run('station', 'attachments.read', { id });
      expect(r.ok ? 'ok' : r.error.code).toBe('E_NOT_FOUND');
      // The same answer as for an id that does not exist: existence does not leak.
      const unknown = await run('station', 'attachments.read', { id: 999_999 });
      expect(JSON.stringify(r).replaceAll(String(id), '#')).toBe(JSON.stringify(unknown).replaceAll('999999', '#'));
    }
    expect((await run('station', 'attachments.read', { id: w.files.s1 })).ok).toBe(true);
    expect((await run('station2', 'attachments.read', { id: w.files.s2 })).ok).toBe(true);
    // On a station's order: the center sees every order, so it sees the photo too.
    expect((await run('chief', 'attachments.read', { id: w.files.s2 })).ok).toBe(true);
    // Uploaded but not linked anywhere: the uploader only.
    const loose = await upload(w.conns.grid!, '未关联.png');
    expect((await run('grid', 'attachments.read', { id: loose })).ok).toBe(true);
    expect((await run('monitor', 'attachments.read', { id: loose })).ok).toBe(false);
  });

  it('duty.log.append echoes the codes of visible orders only, and links nothing on refusal', async () => {
    const count = () => (hub.db.prepare('SELECT count(*) AS n FROM duty_log_entries').get() as { n: number }).n;
    const before = count();
    const refused = await run('station', 'duty.log.append', {
      kind: 'duty',
      text: '关联中心工单',
      links: { orderIds: [w.orders.center.id] },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('E_NOT_FOUND');
    expect(refused.ok ? null : refused.error.details).toMatchObject({ field: 'links.orderIds' });
    expect(count()).toBe(before);
    const own = await ok(hub, w.conns.station!, 'duty.log.append', {
      kind: 'duty',
      text: '关联本站工单',
      links: { orderIds: [w.orders.s1.id] },
    });
    expect(own.orders).toEqual([w.orders.s1]);
    const center = await ok(hub, w.conns.chief!, 'duty.log.append', {
      kind: 'duty',
      text: '关联两站工单',
      links: { orderIds: [w.orders.s1.id, w.orders.s2.id] },
    });
    expect(center.orders.map((o) => o.code)).toEqual([w.orders.s1.code, w.orders.s2.code]);
  });

  it('an order that moves away from the station leaves the station’s log without its code or title', async () => {
    const entry = await ok(hub, w.conns.station!, 'duty.log.append', {
      kind: 'duty',
      text: '稍后移交的工单',
      links: { orderIds: [w.orders.s1.id] },
    });
    hub.db.prepare("UPDATE orders SET station_id = 'HQ-S2' WHERE id = ?").run(w.orders.s1.id);
    try {
      const current = await ok(hub, w.conns.station!, 'duty.log.current', {});
      const echoed = current.entries.find((e) => e.id === entry.id);
      expect(echoed?.links?.orderIds).toEqual([w.orders.s1.id]);
      expect(echoed?.orders).toEqual([]);
      const found = await ok(hub, w.conns.station!, 'duty.log.search', {});
      expect(JSON.stringify(found)).not.toContain(w.orders.s1.code);
    } finally {
      hub.db.prepare("UPDATE orders SET station_id = 'HQ-S1' WHERE id = ?").run(w.orders.s1.id);
    }
  });

  it('the station’s own lists hold none of the other units’ records', async () => {
    const orders = await ok(hub, w.conns.station!, 'orders.list', {});
    expect(orders.rows.map((r) => r.code)).not.toContain(w.orders.center.code);
    expect(orders.rows.map((r) => r.code)).not.toContain(w.orders.s2.code);
    const log = await ok(hub, w.conns.station!, 'duty.log.search', {});
    expect(JSON.stringify(log)).not.toMatch(/中心值班日志机密|二站值班日志机密/);
    const alerts = await ok(hub, w.conns.station!, 'orders.alerts.list', {});
    expect(alerts.map((a) => a.orderId)).not.toContain(w.orders.center.id);
    const supervisions = await ok(hub, w.conns.station!, 'orders.supervisions.list', { onlyOpen: false });
    expect(JSON.stringify(supervisions)).not.toContain(w.orders.center.code);
  });

  it('hostile text in string ids and links is refused cleanly', async () => {
    const hostile = [
      "' OR 1=1 --",
      '"; DROP TABLE orders; --',
      "CAM-0001' UNION SELECT code, title FROM orders --",
      '%_%',
      '\\"\\\\',
      '中'.repeat(64),
      'x'.repeat(65),
      'x'.repeat(100_000),
    ];
    for (const text of hostile) {
      const tries: [MethodName, Input][] = [
        ['duty.log.append', { kind: 'duty', text: '摄像机', links: { cameraIds: [text] } }],
        ['cameras.get', { id: text }],
        ['cameras.viewStart', { cameraId: text }],
        ['attachments.chunk', { uploadId: text, index: 0, dataBase64: '' }],
        ['attachments.finish', { uploadId: text }],
        ['wall.push', { windowId: text, target: { kind: 'camera', cameraId: w.camera } }],
        ['wall.push', { windowId: w.windows.s1, target: { kind: 'camera', cameraId: text } }],
        ['wall.windows.setAlarm', { windowId: text, alarm: true }],
        ['wall.alarm.ack', { alarmId: text }],
        ['duty.log.search', { orgUnitId: text }],
        ['duty.roster.week', { orgUnitId: text, date: week.date }],
        ['orders.list', { filter: { stationId: text } }],
      ];
      for (const [method, input] of tries) {
        const result = await run('station', method, input);
        const label = `${method} ${text.slice(0, 40)}`;
        if (method === 'orders.list') {
          expect(result.ok ? (result.value as { rows: unknown[] }).rows : result.error.code, label).toSatisfy(
            (v: unknown) => v === 'E_INVALID' || (Array.isArray(v) && v.length === 0),
          );
          continue;
        }
        expect(result.ok ? 'ok' : result.error.code, label).toMatch(/^E_(NOT_FOUND|INVALID|FORBIDDEN)$/);
        expect(JSON.stringify(result), label).not.toContain(w.orders.center.code);
      }
    }
  });
});
