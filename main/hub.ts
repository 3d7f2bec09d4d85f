import type { ApiResult } from '../common/contract';
import type { Connection } from './api/connection';
import { EventBus } from './api/event-bus';
import { adminHandlers } from './api/handlers/admin-handlers';
import { authHandlers } from './api/handlers/auth-handlers';
import { apiKeyHandlers } from './api/handlers/apikey-handlers';
import { open311Handlers } from './api/handlers/open311-handlers';
import { attachmentHandlers } from './api/handlers/attachment-handlers';
import { cameraHandlers } from './api/handlers/camera-handlers';
import { contactHandlers, notifyHandlers } from './api/handlers/contact-handlers';
import { dutyHandoverHandlers } from './api/handlers/duty-handover-handlers';
import { dutyLogHandlers } from './api/handlers/duty-log-handlers';
import { dutyRosterHandlers } from './api/handlers/duty-roster-handlers';
import { orderHandlers, publishAlert } from './api/handlers/order-handlers';
import { inboxHandlers } from './api/handlers/inbox-handlers';
import { referenceHandlers } from './api/handlers/reference-handlers';
import { slaHandlers } from './api/handlers/sla-handlers';
import { closeWallWindow, wallHandlers } from './api/handlers/wall-handlers';
import { wallAlarmHandlers } from './api/handlers/wall-alarm-handlers';
import { wallLossHandlers } from './api/handlers/wall-loss-handlers';
import { LossAlarmSettings } from './services/wall/loss-alarm-settings';
import { drainAlarmsAfter, redeliverAlarmsAfter } from './api/handlers/wall-alarm-hooks';
import { alarmAfterIncident, wallIncidentHandlers } from './api/handlers/wall-incident-handlers';
import { mediaHandlers, refreshGatewayAfter } from './api/handlers/media-handlers';
import { demoHandlers, forgetDemoAfter } from './api/handlers/demo-handlers';
import { incidentHandlers } from './api/handlers/incident-handlers';
import { incidentReportHandlers } from './api/handlers/incident-report-handlers';
import type { HandlerMap } from './api/handler-types';
import { Router } from './api/router';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { openDatabase, type Db } from './db/connection';
import { DEMO_MEDIA_BASE, type DemoMedia } from './media';
import { demoOnline } from './media/demo-online';
import { DemoRtc } from './media/demo-rtc';
import type { MediaEngine } from './media/engine/types';
import { CameraGateway, mediaSessionCheck, routeSignedMedia, type GatewayOptions } from './media/gateway';
import { createHlsProxy } from './media/hls-proxy';
import type { MediaAnswer, MediaRequest } from './media/media-routes';
import type { CameraOnline } from '../common/domain/cameras';
import { schemaVersion } from './db/migrate';
import type { HubPort } from './hub-types';
import { AttachmentsService } from './services/attachments/attachments-service';
import type { OnlineState } from './services/cameras/camera-dto';
import { CamerasService } from './services/cameras/cameras-service';
import { ContactsRepo } from './services/contacts/contacts-repo';
import { seedContacts } from './services/contacts/contacts-seed';
import { ContactsService } from './services/contacts/contacts-service';
import { IncidentNotifications } from './services/contacts/notifications';
import { seedDemoCameras } from './services/cameras/demo-cameras';
import { AuditRepo } from './services/audit/audit-repo';
import { Checklists } from './services/duty/checklist';
import { DutyLog } from './services/duty/duty-log';
import { CHIEF_ROLE as HANDOVER_CHIEF_ROLE, HandoverService } from './services/duty/handover-service';
import { dutyStore } from './services/duty/duty-store';
import { upgradeLegacySeals } from './services/duty/seal-upgrade';
import { RosterService } from './services/duty/roster-service';
import { logCameraOnline, logIncident, logMissingCheckIn, logOrderOverdue } from './services/duty/system-entries';
import { IncidentsService } from './services/incidents/incidents-service';
import { PlansRepo, seedIncidentPlans } from './services/incidents/plans';
import { sweepReports } from './services/incidents/report-sweep';
import { incidentForShift } from './services/incidents/handover-section';
import { INCIDENT_READERS } from '../common/contract/incidents';
import { ApiKeysService } from './services/open311/api-keys';
import { Open311Repo } from './services/open311/open311-repo';
import { OrderAlerts } from './services/orders/order-alerts';
import { OrderQuery } from './services/orders/order-query';
import { OrdersService } from './services/orders/orders-service';
import { SlaService } from './services/sla/sla-service';
import { createWallServices, WallAlarmRouter } from './services/wall';
import { seedSla } from './services/sla/seed';
import { AuthService } from './services/auth/auth-service';
import { SessionsRepo } from './services/auth/sessions-repo';
import { OrgRepo } from './services/org/org-repo';
import { unitAndCenter } from './services/org/audience';
import { seedReferenceData } from './services/org/seed';
import { bootstrapUsers, DEMO_PASSWORD, demoAccounts, isDemo, type BootstrapResult } from './services/users/bootstrap';
import { UsersRepo } from './services/users/users-repo';
import { UsersService } from './services/users/users-service';
import { seedDemoCenter } from './services/demo/seed-demo';
import { openHubKeys } from './security/at-rest';
import type { HubKeys, KeyProtector } from './security/hub-keys';
import { APP_VERSION } from './version';

export interface HubOptions {
  dataDir: string;
  demo: boolean;
  adminPassword?: string | undefined;
  /** better_sqlite3.node built for Electron's ABI; Node's own build when absent. */
  sqliteNativeBinding?: string | undefined;
  sessionLifetimeMs?: number;
  /** How many days back intake looks for possible duplicates. */
  duplicateWindowDays?: number;
  /** The handover of a shift may start this many minutes before its end (default 30). */
  handoverOpensBeforeMinutes?: number;
  /** Largest attachment accepted, in bytes. */
  maxAttachmentBytes?: number;
  /** How often deadlines are checked for yellow/red alerts; 0 = never by itself (tests call sweepAlerts). */
  alertSweepMs?: number;
  /** How often missing check-ins are looked for; 0 = never by itself (tests call sweepDuty). */
  dutySweepMs?: number;
  /** How often incident report deadlines are checked; 0 = never by itself (tests call sweepIncidents). */
  incidentSweepMs?: number;
  /**
   * How often 特急 orders queued by the database (any path: Open311, an urgency raised later) are sent
   * to the alarm windows; orders.create sends its own at once. 0 = never by itself (tests call sweepWallAlarms).
   */
  wallAlarmSweepMs?: number;
  /**
   * Demo mode's working center (main/services/demo): staff, this week's and next week's roster and
   * 60 days of orders on the first start of a demo database. Off unless set (tests open empty hubs).
   */
  demoHistory?: boolean | undefined;
  /** The demo cameras' live HLS (main/media): registered as cameras in demo mode, their state as online. */
  demoMedia?: DemoMedia | undefined;
  clock?: Clock;
  /** Electron's safeStorage: protects the hub key file (main/security/hub-keys); the file's 0600 alone otherwise. */
  keyProtector?: KeyProtector | undefined;
  /** Accept a new hub.key for a database made with another (`--new-key`; main/security/at-rest.ts). */
  newKey?: boolean | undefined;
  onInternalError?: (method: string, err: unknown) => void;
  /** The WebRTC engine (main/media/engine); none: the gateway serves HLS only. */
  engine?: MediaEngine | null | undefined;
  /** The camera gateway's ffmpeg, idle stop and (tests) process and clock (main/media/gateway). */
  gateway?: Omit<GatewayOptions, 'dataDir' | 'cameras' | 'engine'> | undefined;
}

export interface Hub extends HubPort {
  readonly db: Db;
  readonly router: Router;
  readonly bus: EventBus;
  readonly bootstrap: BootstrapResult;
  readonly dataDir: string;
  readonly services: HubServices;
  /** Seal and secret-store keys, kept outside the database. */
  readonly keys: HubKeys;
  /** Checks deadlines now and pushes the alerts raised (also runs on a timer). */
  sweepAlerts(): number;
  /** Looks for rostered people not checked in 10 minutes into their shift and alerts their chief (also on a timer). */
  sweepDuty(): number;
  /** Announces incident report deadlines 5 minutes away, reached or missed (also on a timer). */
  sweepIncidents(): number;
  /** Alarm to the wall: what 特急 orders and incidents push to alarm windows. */
  readonly wallAlarms: WallAlarmRouter;
  /** Sends the alarms of 特急 orders queued since the last sweep; returns how many alarms went out. */
  sweepWallAlarms(): number;
  /** RTSP cameras' ingests: closed, every ffmpeg with it, by close(). */
  readonly gateway: CameraGateway;
  /** Signed media paths (/media/s/…, main/media/gateway/signed-routes.ts) for both shells. */
  routeMedia(request: MediaRequest): MediaAnswer | null;
}

export interface HubServices {
  orders: OrdersService;
  query: OrderQuery;
  alerts: OrderAlerts;
  sla: SlaService;
  attachments: AttachmentsService;
  apiKeys: ApiKeysService;
  cameras: CamerasService;
  audit: AuditRepo;
  org: OrgRepo;
  incidents: IncidentsService;
  clock: Clock;
}

/** The hub options a shell takes from the resolved configuration. */
export function hubOptionsFrom(config: Config): HubOptions {
  return {
    dataDir: config.dataDir,
    demo: config.demo,
    demoHistory: config.demoHistory,
    adminPassword: config.adminPassword,
    sessionLifetimeMs: config.sessionLifetimeMs,
    maxAttachmentBytes: config.maxAttachmentBytes,
    duplicateWindowDays: config.duplicateWindowDays,
    handoverOpensBeforeMinutes: config.handoverOpensBeforeMinutes,
    gateway: { ffmpegPath: config.ffmpegPath, idleStopMs: config.gatewayIdleMs },
  };
}

/** Opens the database and wires services, router and event bus: everything a shell serves. */
export async function openHub(options: HubOptions): Promise<Hub> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.dataDir, { nativeBinding: options.sqliteNativeBinding });
  try {
    const keys = openHubKeys(db, options);
    seedReferenceData(db);
    seedSla(db);
    seedIncidentPlans(db, clock());
    const usersRepo = new UsersRepo(db);
    const orgRepo = new OrgRepo(db);
    const auditRepo = new AuditRepo(db);
    const auth = new AuthService(usersRepo, new SessionsRepo(db), clock, {
      sessionLifetimeMs: options.sessionLifetimeMs ?? 12 * 3600_000,
    });
    const bootstrap = await bootstrapUsers(db, usersRepo, clock(), {
      demo: options.demo,
      adminPassword: options.adminPassword,
    });
    const bus = new EventBus(auth);
    // After the users: console users are in the 通讯录 under their unit.
    seedContacts(db, clock());
    const contacts = new ContactsService(new ContactsRepo(db), clock);
    const sla = new SlaService(db);
    const services: HubServices = {
      orders: new OrdersService(db, orgRepo, sla, clock),
      query: new OrderQuery(db, sla, clock),
      alerts: new OrderAlerts(db, clock),
      sla,
      attachments: new AttachmentsService(db, options.dataDir, clock, {
        maxBytes: options.maxAttachmentBytes ?? 50 * 1024 * 1024,
      }),
      apiKeys: new ApiKeysService(db, clock),
      cameras: new CamerasService(db, orgRepo, clock, { secretKey: keys.secretKey }),
      audit: auditRepo,
      org: orgRepo,
      incidents: new IncidentsService(db, orgRepo, new PlansRepo(db), clock),
      clock,
    };
    const demoMedia = options.demoMedia;
    if (demoMedia && isDemo(db)) {
      // The deliberately broken stream is only on the map when a test drives the demo media.
      const streams = demoMedia.control ? [...demoMedia.cameras, demoMedia.broken] : demoMedia.cameras;
      seedDemoCameras(
        db,
        streams.map((c) => ({
          key: c.key,
          name: c.name,
          mainUrl: c.main.url,
          subUrl: c.sub.url,
          workstationId: c.workstationId,
        })),
        clock(),
        keys.secretKey,
      );
    }
    const gateway = new CameraGateway({
      ...options.gateway,
      dataDir: options.dataDir,
      cameras: services.cameras,
      engine: options.engine ?? null,
      log: options.gateway?.log ?? ((line) => console.warn(`[gateway] ${line}`)),
    });
    // Demo cameras over WebRTC: the clips packetized into the engine while someone watches.
    const demoRtc = demoMedia
      ? new DemoRtc({
          media: demoMedia,
          engine: options.engine ?? null,
          ...(options.gateway?.idleStopMs === undefined ? {} : { idleStopMs: options.gateway.idleStopMs }),
          log: (line) => console.warn(`[demo] ${line}`),
        })
      : null;
    // The hub knows its own demo streams and the cameras its gateway ingests; others read unknown.
    const cameraOnline: OnlineState = (camera) => {
      if (!camera.enabled) return 'unknown';
      const ingested = gateway.online(camera.id);
      if (ingested !== 'unknown') return ingested;
      return demoMedia ? demoOnline(demoMedia, camera.mainUrl) : 'unknown';
    };
    const roster = new RosterService(db, orgRepo, clock);
    // The duty log finds "the current shift" in the unit's own pattern (its default until edited).
    const dutyLog = new DutyLog(db, clock, (id) => roster.pattern(id));
    const checklists = new Checklists(db, clock);
    const handover = new HandoverService(
      db,
      clock,
      dutyLog,
      roster,
      checklists,
      auth,
      keys.sealKey,
      {
        incident: (scope, now) => incidentForShift(db, scope.unit, scope.shift.startsAt, now),
        camerasOffline: () =>
          services.cameras
            .list({ enabled: true }, 10_000, cameraOnline)
            .rows.filter((c) => c.online === 'offline')
            .map((c) => ({ id: c.id, name: c.name })),
      },
      (options.handoverOpensBeforeMinutes ?? 30) * 60_000,
    );
    // Seals made before keyed seals existed are re-sealed once, if intact (seal-upgrade.ts).
    upgradeLegacySeals(dutyStore(db), keys.sealKey, clock(), auditRepo);
    // Demo mode's working center (main/services/demo), on the first start only; printed with its time.
    if (options.demoHistory) {
      const demo = await seedDemoCenter(db, clock(), keys.sealKey);
      if (demo.seeded) {
        console.info(
          `[demo] 演示数据 / demo center ${demo.date}: ${demo.staff} staff, ${demo.assignments} roster entries, ` +
            `${demo.orders} orders (${demo.steps} steps), ${demo.logEntries} duty log entries, ` +
            `${demo.handovers} sealed handovers in ${demo.ms} ms`,
        );
      }
    }
    const orderDeps = { ...services, bus, duplicateWindowDays: options.duplicateWindowDays ?? 7 };
    const wall = createWallServices(db, services.cameras, clock);
    /** Other consoles refetch the duty log of units that got system entries. */
    const announceLog = (unitIds: readonly string[]) => {
      for (const orgUnitId of new Set(unitIds)) {
        bus.publish('duty.changed', { orgUnitId, what: 'log' }, unitAndCenter(orgRepo, orgUnitId));
      }
    };
    const cameraApi = cameraHandlers({ cameras: services.cameras, online: cameraOnline });
    // Alarm to the wall: 特急 orders and incidents to the windows marked for alarms.
    const wallAlarms = new WallAlarmRouter({
      ...wall,
      db,
      org: orgRepo,
      audit: auditRepo,
      send: (alarm, window) =>
        bus.publish('wall.alarm', alarm, { connectionIds: [window.connId], userIds: [window.userId] }),
    });
    const orderApi = orderHandlers(orderDeps);
    const wallApi = wallHandlers(wall);
    const logAlarmError = (err: unknown) => console.error('[hub] wall alarm failed:', err);
    // Notifications (the 通讯录 part) fill incidents.get's list through the incidents' port.
    const notifications = new IncidentNotifications(db, services.incidents, contacts, clock);
    const incidentApi = incidentHandlers({
      incidents: services.incidents,
      org: orgRepo,
      clock,
      ports: { notifications: (id) => notifications.forIncident(id) },
      onSwitch: (incident, what, detail) => logIncident(dutyLog, orgRepo, incident, what, detail),
      announceLog,
      sharedViewExists: (id) =>
        db.prepare("SELECT 1 FROM wall_views WHERE id = ? AND scope = 'shared'").get(id) !== undefined,
    });
    const handlers = {
      ...referenceHandlers(orgRepo, auditRepo, clock, {
        name: '合庆城运',
        version: APP_VERSION,
        demo: () => isDemo(db),
        demoAccounts: () => demoAccounts(usersRepo),
        demoPassword: DEMO_PASSWORD,
        schemaVersion: () => schemaVersion(db),
      }),
      ...authHandlers(auth, bus),
      ...adminHandlers(new UsersService(usersRepo, orgRepo, clock), auth, bus),
      ...apiKeyHandlers(services.apiKeys),
      ...open311Handlers({
        orders: services.orders,
        repo: new Open311Repo(db),
        org: orgRepo,
      }),
      ...orderApi,
      ...inboxHandlers({ db, org: orgRepo, incidents: services.incidents.read, clock }),
      'orders.create': drainAlarmsAfter(orderApi['orders.create'], wallAlarms, logAlarmError),
      ...slaHandlers(sla),
      ...attachmentHandlers(services.attachments, orgRepo),
      ...cameraApi,
      'cameras.update': refreshGatewayAfter(forgetDemoAfter(cameraApi['cameras.update'], demoRtc), gateway),
      'cameras.setEnabled': refreshGatewayAfter(forgetDemoAfter(cameraApi['cameras.setEnabled'], demoRtc), gateway),
      'cameras.delete': refreshGatewayAfter(forgetDemoAfter(cameraApi['cameras.delete'], demoRtc), gateway),
      ...dutyLogHandlers({ dutyLog, roster, db, org: orgRepo, clock, sealKey: keys.sealKey }),
      ...dutyHandoverHandlers({ handover, checklists, dutyLog, roster, org: orgRepo, db, clock }),
      ...dutyRosterHandlers({ roster, org: orgRepo, clock }),
      ...wallApi,
      'wall.windows.register': redeliverAlarmsAfter(
        wallApi['wall.windows.register'],
        wallAlarms,
        wall.windows,
        logAlarmError,
      ),
      ...wallAlarmHandlers(wallAlarms, wall.windows),
      ...wallLossHandlers(new LossAlarmSettings(db, clock), (id) => services.cameras.get(id), clock),
      'wall.windows.setAlarm': redeliverAlarmsAfter(
        wallApi['wall.windows.setAlarm'],
        wallAlarms,
        wall.windows,
        logAlarmError,
      ),
      ...mediaHandlers({
        cameras: services.cameras,
        gateway,
        mediaKey: keys.mediaKey,
        clock,
        online: cameraOnline,
        demo: demoRtc ?? undefined,
        log: (line) => console.warn(`[gateway] ${line}`),
      }),
      ...demoHandlers({ cameras: services.cameras, media: isDemo(db) ? demoMedia : undefined }),
      ...incidentApi,
      // The incident report prints exactly what incidents.get answers the caller.
      ...incidentReportHandlers({ detail: (ctx, id) => incidentApi['incidents.get'](ctx, { id }), clock }),
      ...contactHandlers(contacts),
      ...notifyHandlers({ notifications, org: orgRepo }),
      'incidents.activate': alarmAfterIncident(
        incidentApi['incidents.activate'],
        wallAlarms,
        services.incidents,
        logAlarmError,
      ),
      'incidents.setLevel': alarmAfterIncident(
        incidentApi['incidents.setLevel'],
        wallAlarms,
        services.incidents,
        logAlarmError,
      ),
      ...wallIncidentHandlers(wallAlarms, services.incidents),
    } satisfies HandlerMap;
    const router = new Router({
      db,
      clock,
      auth,
      audit: auditRepo,
      bus,
      handlers,
      onInternalError:
        options.onInternalError ?? ((method, err) => console.error(`[hub] internal error in ${method}:`, err)),
    });
    const sweepAlerts = () => {
      const raised = services.alerts.sweep();
      for (const alert of raised) {
        publishAlert(orderDeps, alert);
        announceLog(logOrderOverdue(dutyLog, orgRepo, alert));
      }
      return raised.length;
    };
    const sweepDuty = () => {
      const missing = roster.missingCheckIns(clock());
      for (const m of missing) {
        const { userId, userName, orgUnitId, date, shiftCode, postCode, startsAt } = m;
        const kind = roster.rosterUnit(orgUnitId).kind;
        // The rostered chief; when none is (or the chief is the one missing), every chief of the unit.
        const audience = m.chief
          ? { userIds: [m.chief.userId] }
          : { orgUnitIds: [orgUnitId], roles: [HANDOVER_CHIEF_ROLE[kind]] };
        bus.publish(
          'duty.missingCheckIn',
          { orgUnitId, date, shiftCode, postCode, userId, userName, startsAt },
          audience,
        );
        announceLog(logMissingCheckIn(dutyLog, roster, m));
      }
      return missing.length;
    };
    const sweepIncidents = () => {
      const alerts = sweepReports(db, services.incidents.read, clock());
      for (const a of alerts) {
        const payload = { incidentId: a.incidentId, reportId: a.reportId, kind: a.kind };
        // Those working the incident: the center's incident roles, the affected stations' chiefs.
        bus.publish('incidents.reportDue', payload, { orgUnitIds: orgRepo.centerIds(), roles: INCIDENT_READERS });
        if (a.stationIds.length > 0) {
          bus.publish('incidents.reportDue', payload, { orgUnitIds: a.stationIds, roles: ['station_chief'] });
        }
      }
      // A missed deadline is a new (red) timeline entry: open views refetch.
      for (const id of new Set(alerts.filter((a) => a.kind !== 'soon').map((a) => a.incidentId))) {
        bus.publish('incidents.changed', { id, what: 'report' });
      }
      return alerts.length;
    };
    // 特急 orders the database queued outside orders.create (Open311, an urgency raised later).
    const sweepWallAlarms = () => {
      try {
        return db.open ? wallAlarms.drainOrders().length : 0;
      } catch (err) {
        logAlarmError(err);
        return 0;
      }
    };
    const timer = (fn: () => unknown, ms: number) => {
      if (ms <= 0) return undefined;
      const t = setInterval(fn, ms);
      t.unref();
      return t;
    };
    const offMedia = demoMedia?.onChange((key, running) => {
      // The registry cameras playing this demo stream (an administrator may have added more).
      const changed = services.cameras
        .list({ enabled: true }, 10_000, cameraOnline)
        .rows.filter((c) => c.mainUrl.startsWith(`${DEMO_MEDIA_BASE}/${key}/`));
      for (const camera of changed) announceLog(logCameraOnline(dutyLog, orgRepo, camera, running));
      bus.publish('cameras.changed', { ids: changed.map((c) => c.id) });
      // Tiles watching it hear it as they hear an RTSP camera's ingest: offline at once, live again.
      for (const camera of changed) {
        for (const stream of ['main', 'sub'] as const) {
          const viewers = demoRtc?.viewers(camera.id, stream) ?? [];
          if (viewers.length === 0) continue;
          const state = running ? 'live' : 'offline';
          const payload = {
            cameraId: camera.id,
            stream,
            state,
            reason: running ? null : 'ended',
            codec: 'h264',
            transcoded: false,
          } as const;
          bus.publish('media.state', payload, { connectionIds: viewers });
        }
      }
    });
    // Stream states to the connections watching; the tree's online state to everyone when it flips.
    const treeOnline = new Map<string, CameraOnline>();
    const offGateway = gateway.onState((state, viewers) => {
      if (viewers.length > 0) bus.publish('media.state', state, { connectionIds: viewers });
      const online = gateway.online(state.cameraId);
      if ((treeOnline.get(state.cameraId) ?? 'unknown') === online) return;
      treeOnline.set(state.cameraId, online);
      bus.publish('cameras.changed', { ids: [state.cameraId] });
    });
    const signedMedia = {
      mediaKey: keys.mediaKey,
      now: clock,
      sessionLive: mediaSessionCheck(db, clock),
      demo: demoMedia,
      liveDir: (cameraId: string, stream: 'main' | 'sub') => gateway.hlsDir(cameraId, stream),
      proxy: createHlsProxy({
        mediaKey: keys.mediaKey,
        streamUrl: (cameraId, stream) => services.cameras.streamUrl(cameraId, stream),
        log: (line) => console.warn(`[media] ${line}`),
      }),
    };
    const sweepers = [
      timer(sweepAlerts, options.alertSweepMs ?? 15_000),
      timer(sweepDuty, options.dutySweepMs ?? 30_000),
      timer(sweepIncidents, options.incidentSweepMs ?? 5_000),
      timer(sweepWallAlarms, options.wallAlarmSweepMs ?? 1_000),
      timer(() => services.cameras.closeStaleViews(), 60_000),
    ];
    return {
      db,
      router,
      services,
      sweepAlerts,
      sweepDuty,
      sweepIncidents,
      sweepWallAlarms,
      wallAlarms,
      bus,
      bootstrap,
      keys,
      gateway,
      routeMedia: (request) => routeSignedMedia(signedMedia, request),
      dataDir: options.dataDir,
      call: (conn: Connection, method: string, input: unknown): Promise<ApiResult<unknown>> =>
        router.call(conn, method, input),
      attach: (conn: Connection) => {
        const detach = bus.attach(conn);
        // A console that goes away stops watching: close its open viewing records.
        return () => {
          detach();
          closeWallWindow(wall, bus, conn.id);
          gateway.releaseAll(conn.id);
          demoRtc?.releaseAll(conn.id);
          options.engine?.closeOwner(conn.id);
          // A shell may drop its sockets after the hub has closed.
          if (db.open) services.cameras.closeConnectionViews(conn.id);
        };
      },
      close: () => {
        for (const t of sweepers) clearInterval(t);
        offMedia?.();
        demoRtc?.close();
        offGateway();
        // Sends every ffmpeg its SIGTERM now (SIGKILL after the grace); await hub.gateway.close() to wait.
        void gateway.close();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
