/**
 * The scoping matrix's world (tests/unit/scoping-matrix-*.test.ts): everything the rows refer to, made through the
 * API by its owners on a demo hub, with the two station chiefs of 第二联勤站 added.
 */
import type { Hub } from '../../../main/hub';
import { DEMO_PASSWORD } from '../../../main/services/users/bootstrap';
import { UsersRepo } from '../../../main/services/users/users-repo';
import { PNG_1x1 } from '../../helpers/attachment-samples';
import { ok, quickDemoHash, signedIn, type TestConnection } from '../../helpers/hub';
import { incidentInput, orderInput, week } from './inputs';

export type Conn = TestConnection;

/** Everything the rows refer to, made once through the API by its owners. */
export interface World {
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

export async function upload(hub: Hub, conn: Conn, name: string): Promise<number> {
  const { uploadId } = await ok(hub, conn, 'attachments.begin', { name, size: PNG_1x1.length });
  await ok(hub, conn, 'attachments.chunk', { uploadId, index: 0, dataBase64: PNG_1x1.toString('base64') });
  return (await ok(hub, conn, 'attachments.finish', { uploadId })).id;
}

/** Makes the world on a demo hub whose clock stands in the center's early shift and the stations' day shift. */
export async function buildWorld(hub: Hub): Promise<World> {
  const repo = new UsersRepo(hub.db);
  const hash = quickDemoHash();
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
  for (const u of ['station', 'station2', 'chief', 'hotline', 'monitor', 'grid', 'admin'])
    conns[u] = await signedIn(hub, u);
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
    centerOrder: await upload(hub, c('hotline'), '中心现场照片.png'),
    centerLog: await upload(hub, c('chief'), '中心现场照片-日志.png'),
    s2: await upload(hub, c('station2'), '二站现场照片.png'),
    s1: await upload(hub, c('station'), '一站现场照片.png'),
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
    (
      await ok(hub, await signedIn(hub, as, DEMO_PASSWORD, `wall-${as}`), 'wall.windows.register', {
        name: `${as} 大屏`,
        alarm: true,
      })
    ).windowId;
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
  return {
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
}
