import type { ApiResult, ReportEntry } from '../common/contract';
import type { Connection } from './api/connection';
import type { EventBus } from './api/event-bus';
import { closeWallWindow } from './api/handlers/wall-handlers';
import { Router } from './api/router';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db/connection';
import { openHubDatabase, openUpkeep } from './hub-backups';
import { hubHandlers } from './hub-handlers';
import { hostHub } from './hub-host';
import type { Restorer } from './hub-restore';
import { openReports } from './hub-reports';
import { openMedia, watchMedia, type HubMedia } from './hub-media';
import { openCoreServices, openDutyServices, seedDemoMediaCameras, type CoreServices } from './hub-services';
import { hubSweeps, startSweeps } from './hub-sweeps';
import type { HubPort } from './hub-types';
import type { DemoMedia } from './media';
import type { MediaEngine } from './media/engine/types';
import type { CameraGateway, GatewayOptions } from './media/gateway';
import type { MediaAnswer, MediaRequest } from './media/media-routes';
import { openHubKeys } from './security/at-rest';
import type { HubKeys, KeyProtector } from './security/hub-keys';
import type { AttachmentsService } from './services/attachments/attachments-service';
import type { BackupService, BackupSettings } from './services/backups/backup-service';
import type { KpiReportService, ReportSettings } from './services/kpi-reports/report-service';
import type { AuditRepo } from './services/audit/audit-repo';
import type { CamerasService } from './services/cameras/cameras-service';
import { seedDemoCenter } from './services/demo/seed-demo';
import { upgradeLegacySeals } from './services/duty/seal-upgrade';
import type { IncidentsService } from './services/incidents/incidents-service';
import type { ApiKeysService } from './services/open311/api-keys';
import type { OrderAlerts } from './services/orders/order-alerts';
import type { OrderQuery } from './services/orders/order-query';
import type { OrdersService } from './services/orders/orders-service';
import type { OrgRepo } from './services/org/org-repo';
import type { SlaService } from './services/sla/sla-service';
import type { BootstrapResult } from './services/users/bootstrap';
import { createWallServices, WallAlarmRouter, type WallServices } from './services/wall';
import type { DiskReader, LowDiskPolicy } from './services/system/disk-space';
import type { ChiefOptions } from '../common/domain/kpi';
import { storeHooks } from './hub-health';

export interface HubOptions {
  dataDir: string;
  demo: boolean;
  adminPassword?: string | undefined;
  /** better_sqlite3.node built for Electron's ABI; Node's own build when absent. */
  sqliteNativeBinding?: string | undefined;
  sessionLifetimeMs?: number;
  /** How many days back intake looks for possible duplicates. */
  duplicateWindowDays?: number;
  /** The 值班长 综合指标值's step limits and weights (default: main/config-kpi.ts's). */
  chiefScore?: ChiefOptions | undefined;
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
  /** How often the backup schedule is looked at (default 30 s); 0 = never by itself (tests call sweepBackups). */
  backupSweepMs?: number;
  /** The scheduled backups (default: `<dataDir>/backups`, daily 03:00 Shanghai time, keep 7/4/12). */
  backups?: BackupSettings | undefined;
  /** Low disk space alert (default: below 2048 MB or 5 %, told again every 6 hours while low). */
  lowDisk?: LowDiskPolicy | undefined;
  /** How often the data and backups folders' disks are read (default 60 s); 0 = never by itself (tests call sweepDisk). */
  diskSweepMs?: number;
  /** Reads a folder's disk (tests); statfs otherwise. */
  diskReader?: DiskReader | undefined;
  /** How often the automatic reports' time is looked at (default 30 s); 0 = never by itself (tests call sweepReports). */
  reportSweepMs?: number;
  /** The KPI reports (default: `<dataDir>/reports`, the center's daily/weekly report at 07:00 Shanghai time). */
  reports?: ReportSettings | undefined;
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
  /** The scheduled backups (main/services/backups): status, back up now, the schedule's sweep. */
  readonly backups: BackupService;
  /** Starts the scheduled backup when its time has come (also on a timer); answers that run, else null. */
  sweepBackups(): Promise<unknown> | null;
  /** Reads the data and backups folders' disks and warns administrators of low space (also on a timer). */
  sweepDisk(): void;
  /** The KPI reports (main/services/kpi-reports): generate, list, download. */
  readonly reports: KpiReportService;
  /** Writes the automatic reports when their time has come (also on a timer); answers those written, else null. */
  sweepReports(): ReportEntry[] | null;
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
    chiefScore: config.chiefScore,
    handoverOpensBeforeMinutes: config.handoverOpensBeforeMinutes,
    backups: config.backups,
    lowDisk: config.lowDisk,
    reports: config.reports,
    gateway: { ffmpegPath: config.ffmpegPath, idleStopMs: config.gatewayIdleMs },
  };
}

/**
 * Opens the database and wires services, router and event bus: everything a shell serves. The hub answers
 * through its host (main/hub-host.ts), which can close it and open it again on a restored database.
 */
export function openHub(options: HubOptions): Promise<Hub> {
  return hostHub(options, openHubInstance);
}

/** One hub on the data folder's database as it is now; `restorer` takes a restore from the console to the host. */
export async function openHubInstance(options: HubOptions, restorer: Restorer): Promise<Hub> {
  const clock = options.clock ?? systemClock;
  const { db, releaseLock } = openHubDatabase(options, clock);
  try {
    const keys = openHubKeys(db, options);
    const core = await openCoreServices(db, options, clock, keys);
    const { services, bus, auth } = core;
    seedDemoMediaCameras(db, options, clock, keys);
    const media = openMedia(db, options, services, keys, clock);
    const duty = openDutyServices(db, options, core, keys, media);
    // Seals made before keyed seals existed are re-sealed once, if intact (seal-upgrade.ts).
    upgradeLegacySeals(duty.store, keys.sealKey, clock(), services.audit);
    if (options.demoHistory) await seedDemoHistory(db, clock, keys);
    const wall = createWallServices(db, services.cameras, clock);
    // Alarm to the wall: 特急 orders and incidents to the windows marked for alarms.
    const wallAlarms = new WallAlarmRouter({
      ...wall,
      db,
      org: services.org,
      audit: services.audit,
      send: (alarm, window) =>
        bus.publish('wall.alarm', alarm, { connectionIds: [window.connId], userIds: [window.userId] }),
    });
    const logAlarmError = (err: unknown) => console.error('[hub] wall alarm failed:', err);
    const upkeep = openUpkeep(options, clock, { db, bus, systemLog: duty.systemLog, gateway: media.gateway });
    const reports = openReports(options, clock, { db, org: services.org, systemLog: duty.systemLog });
    const handlers = hubHandlers({
      ...{ db, options, core, duty, media, keys, wall, wallAlarms, logAlarmError, restorer },
      ...upkeep,
      reports,
    });
    const router = new Router({
      db,
      clock,
      auth,
      audit: services.audit,
      bus,
      handlers,
      onInternalError:
        options.onInternalError ?? ((method, err) => console.error(`[hub] internal error in ${method}:`, err)),
      ...storeHooks(upkeep.health),
    });
    const sweeps = hubSweeps({ db, core, duty, wallAlarms, logAlarmError, ...upkeep, reports: reports.schedule });
    const stopSweeps = startSweeps(sweeps, options, (name) => upkeep.health.sweepRan(name));
    const unwatchMedia = watchMedia(options, media, { services, bus, systemLog: duty.systemLog });
    const { gateway, demoRtc } = media;
    return {
      db,
      router,
      services,
      // sweepAlerts, sweepDuty, sweepIncidents, sweepWallAlarms, sweepBackups (and sweepViews).
      ...sweeps,
      backups: upkeep.backups,
      reports: reports.reports,
      health: () => upkeep.health.read(),
      wallAlarms,
      bus,
      bootstrap: core.bootstrap,
      keys,
      gateway,
      routeMedia: media.routeMedia,
      dataDir: options.dataDir,
      call: (conn: Connection, method: string, input: unknown): Promise<ApiResult<unknown>> =>
        router.call(conn, method, input),
      attach: consoleAttacher({ db, core, wall, media, engine: options.engine }),
      close: () => {
        stopSweeps();
        unwatchMedia();
        demoRtc?.close();
        // Sends every ffmpeg its SIGTERM now (SIGKILL after the grace); await hub.gateway.close() to wait.
        void gateway.close();
        db.close();
        releaseLock();
      },
    };
  } catch (err) {
    db.close();
    releaseLock();
    throw err;
  }
}

/** A console's connection on the bus; what it leaves behind is closed when it goes away. */
function consoleAttacher(deps: {
  db: Db;
  core: CoreServices;
  wall: WallServices;
  media: HubMedia;
  engine: MediaEngine | null | undefined;
}): (conn: Connection) => () => void {
  const { db, core, wall, media, engine } = deps;
  return (conn) => {
    const detach = core.bus.attach(conn);
    // A console that goes away stops watching: close its open viewing records.
    return () => {
      detach();
      core.clockSanity.forget(conn.id);
      closeWallWindow(wall, core.bus, conn.id);
      media.gateway.releaseAll(conn.id);
      media.demoRtc?.releaseAll(conn.id);
      engine?.closeOwner(conn.id);
      // A shell may drop its sockets after the hub has closed.
      if (db.open) core.services.cameras.closeConnectionViews(conn.id);
    };
  };
}

/** Demo mode's working center (main/services/demo), on the first start only; printed with its time. */
async function seedDemoHistory(db: Db, clock: Clock, keys: HubKeys): Promise<void> {
  const demo = await seedDemoCenter(db, clock(), keys.sealKey);
  if (!demo.seeded) return;
  console.info(
    `[demo] 演示数据 / demo center ${demo.date}: ${demo.staff} staff, ${demo.assignments} roster entries, ` +
      `${demo.orders} orders (${demo.steps} steps), ${demo.logEntries} duty log entries, ` +
      `${demo.handovers} sealed handovers in ${demo.ms} ms`,
  );
}
