import { adminHandlers } from './api/handlers/admin-handlers';
import { apiKeyHandlers } from './api/handlers/apikey-handlers';
import { attachmentHandlers } from './api/handlers/attachment-handlers';
import { authHandlers } from './api/handlers/auth-handlers';
import { backupHandlers } from './api/handlers/backup-handlers';
import { cameraHandlers } from './api/handlers/camera-handlers';
import { clockHandlers } from './api/handlers/clock-handlers';
import { contactHandlers, notifyHandlers } from './api/handlers/contact-handlers';
import { demoHandlers, forgetDemoAfter } from './api/handlers/demo-handlers';
import { dashboardHandlers } from './api/handlers/dashboard-handlers';
import { dutyHandoverHandlers } from './api/handlers/duty-handover-handlers';
import { healthHandlers } from './api/handlers/health-handlers';
import { dutyLogHandlers } from './api/handlers/duty-log-handlers';
import { dutyRosterHandlers } from './api/handlers/duty-roster-handlers';
import { inboxHandlers } from './api/handlers/inbox-handlers';
import { incidentHandlers } from './api/handlers/incident-handlers';
import { incidentReportHandlers } from './api/handlers/incident-report-handlers';
import { mediaHandlers, refreshGatewayAfter } from './api/handlers/media-handlers';
import { open311Handlers } from './api/handlers/open311-handlers';
import { orderHandlers } from './api/handlers/order-handlers';
import { overviewHandlers } from './api/handlers/overview-handlers';
import { referenceHandlers } from './api/handlers/reference-handlers';
import { slaHandlers } from './api/handlers/sla-handlers';
import { wallAlarmHandlers } from './api/handlers/wall-alarm-handlers';
import { drainAlarmsAfter, redeliverAlarmsAfter } from './api/handlers/wall-alarm-hooks';
import { wallHandlers } from './api/handlers/wall-handlers';
import { alarmAfterIncident, wallIncidentHandlers } from './api/handlers/wall-incident-handlers';
import { wallLossHandlers } from './api/handlers/wall-loss-handlers';
import type { Handler, HandlerMap } from './api/handler-types';
import type { Db } from './db/connection';
import { schemaVersion } from './db/migrate';
import type { HubOptions } from './hub';
import type { HubHealthProbe } from './hub-health';
import type { HubMedia } from './hub-media';
import type { CoreServices, DutyServices } from './hub-services';
import type { HubKeys } from './security/hub-keys';
import type { BackupService } from './services/backups/backup-service';
import { IncidentNotifications } from './services/contacts/notifications';
import { Open311Repo } from './services/open311/open311-repo';
import { OrderCountsRepo } from './services/orders/order-counts-repo';
import { OverviewService } from './services/overview/overview-service';
import { UsersService } from './services/users/users-service';
import { DEMO_PASSWORD, demoAccounts, isDemo } from './services/users/bootstrap';
import type { WallAlarmRouter, WallServices } from './services/wall';
import { LossAlarmSettings } from './services/wall/loss-alarm-settings';
import { APP_VERSION } from './version';

/** Everything the handler factories are handed (made in main/hub.ts). */
export interface HandlerDeps {
  db: Db;
  options: HubOptions;
  core: CoreServices;
  duty: DutyServices;
  media: HubMedia;
  keys: HubKeys;
  wall: WallServices;
  wallAlarms: WallAlarmRouter;
  logAlarmError: (err: unknown) => void;
  backups: BackupService;
  health: HubHealthProbe;
}

/** Every method of the contract, by domain; wrapped methods (alarms, the gateway) after their own. */
export function hubHandlers(d: HandlerDeps) {
  return {
    ...accountHandlers(d),
    ...orderFamily(d),
    ...cameraFamily(d),
    ...dutyFamily(d),
    ...wallFamily(d),
    ...incidentFamily(d),
    ...overviewFamily(d),
  } satisfies HandlerMap;
}

/** Reference data, sign-in, users, API keys, backups and the hub's health. */
function accountHandlers({ db, core, backups, health }: HandlerDeps) {
  const { services, users, auth, bus } = core;
  const { org, audit, clock } = services;
  return {
    ...referenceHandlers(org, audit, clock, {
      name: '合庆城运',
      version: APP_VERSION,
      demo: () => isDemo(db),
      demoAccounts: () => demoAccounts(users),
      demoPassword: DEMO_PASSWORD,
      schemaVersion: () => schemaVersion(db),
    }),
    ...authHandlers(auth, bus),
    ...adminHandlers(new UsersService(users, org, clock), auth, bus),
    ...apiKeyHandlers(services.apiKeys),
    ...backupHandlers(backups),
    ...healthHandlers(health),
    ...clockHandlers(core.clockSanity),
  };
}

/** Orders (Open311's too), the inbox, the dashboard, time limits and attachments; a new 特急 order alarms the wall at once. */
function orderFamily({ db, options, core, wallAlarms, logAlarmError }: HandlerDeps) {
  const { services, bus } = core;
  const { org, clock } = services;
  const orderApi = orderHandlers({ ...services, bus, duplicateWindowDays: options.duplicateWindowDays ?? 7 });
  return {
    ...open311Handlers({ orders: services.orders, repo: new Open311Repo(db), org }),
    ...orderApi,
    ...inboxHandlers({ db, org, incidents: services.incidents.read, clock }),
    ...dashboardHandlers({ db, org, clock, chief: options.chiefScore }),
    'orders.create': drainAlarmsAfter(orderApi['orders.create'], wallAlarms, logAlarmError),
    ...slaHandlers(services.sla),
    ...attachmentHandlers(services.attachments, org),
  };
}

/** The camera registry (a change refreshes the gateway's ingests and the demo streams), media, demo control. */
function cameraFamily({ db, options, core, media, keys }: HandlerDeps) {
  const { cameras, clock } = core.services;
  const { gateway, demoRtc } = media;
  const cameraApi = cameraHandlers({ cameras, online: media.cameraOnline });
  return {
    ...cameraApi,
    'cameras.update': refreshGatewayAfter(forgetDemoAfter(cameraApi['cameras.update'], demoRtc), gateway),
    'cameras.setEnabled': refreshGatewayAfter(forgetDemoAfter(cameraApi['cameras.setEnabled'], demoRtc), gateway),
    'cameras.delete': refreshGatewayAfter(forgetDemoAfter(cameraApi['cameras.delete'], demoRtc), gateway),
    ...mediaHandlers({
      cameras,
      gateway,
      mediaKey: keys.mediaKey,
      clock,
      online: media.cameraOnline,
      demo: demoRtc ?? undefined,
      log: (line) => console.warn(`[gateway] ${line}`),
    }),
    ...demoHandlers({ cameras, media: isDemo(db) ? options.demoMedia : undefined }),
  };
}

/** The duty ledger: log, handover, roster. */
function dutyFamily({ db, core, duty, keys }: HandlerDeps) {
  const { org, clock } = core.services;
  const { dutyLog, roster, handover, checklists } = duty;
  return {
    ...dutyLogHandlers({ dutyLog, roster, db, org, clock, sealKey: keys.sealKey, store: duty.store }),
    ...dutyHandoverHandlers({ handover, checklists, dutyLog, roster, org, db, clock }),
    ...dutyRosterHandlers({ roster, org, clock }),
  };
}

/** The video wall: views, tours, windows; a window (re)registered or marked for alarms gets what is pending. */
function wallFamily({ db, core, wall, wallAlarms, logAlarmError }: HandlerDeps) {
  const { cameras, clock } = core.services;
  const wallApi = wallHandlers(wall);
  const redeliver = (method: 'wall.windows.register' | 'wall.windows.setAlarm') =>
    redeliverAlarmsAfter(wallApi[method], wallAlarms, wall.windows, logAlarmError);
  return {
    ...wallApi,
    'wall.windows.register': redeliver('wall.windows.register'),
    ...wallAlarmHandlers(wallAlarms, wall.windows),
    ...wallLossHandlers(new LossAlarmSettings(db, clock), (id) => cameras.get(id), clock),
    'wall.windows.setAlarm': redeliver('wall.windows.setAlarm'),
  };
}

/** Incident mode, its reports and notifications (the 通讯录); switches write the duty log and alarm the wall. */
function incidentFamily({ db, core, duty, wall, wallAlarms, logAlarmError }: HandlerDeps) {
  const { services, contacts } = core;
  const { incidents, org, clock } = services;
  // Notifications (the 通讯录 part) fill incidents.get's list through the incidents' port.
  const notifications = new IncidentNotifications(db, incidents, contacts, clock);
  const incidentApi = incidentHandlers({
    incidents,
    org,
    clock,
    ports: { notifications: (id) => notifications.forIncident(id) },
    onSwitch: (incident, what, detail) => duty.systemLog.incident(incident, what, detail),
    announceLog: (units) => duty.systemLog.announce(units),
    // A plan's preset view must be a shared wall view.
    sharedViewExists: (id) => wall.repo.view(id)?.scope === 'shared',
  });
  // Activation and a level change alarm the wall (wall-incident-handlers.ts).
  const alarm = <M extends 'incidents.activate' | 'incidents.setLevel'>(handler: Handler<M>) =>
    alarmAfterIncident<M>(handler, wallAlarms, incidents, logAlarmError);
  return {
    ...incidentApi,
    // The incident report prints exactly what incidents.get answers the caller.
    ...incidentReportHandlers({ detail: (ctx, id) => incidentApi['incidents.get'](ctx, { id }), clock }),
    ...contactHandlers(contacts),
    ...notifyHandlers({ notifications, org }),
    'incidents.activate': alarm<'incidents.activate'>(incidentApi['incidents.activate']),
    'incidents.setLevel': alarm<'incidents.setLevel'>(incidentApi['incidents.setLevel']),
    ...wallIncidentHandlers(wallAlarms, incidents),
  };
}

/** 态势总览: reads the orders, cameras (with the gateway's online state), the roster and incidents. */
function overviewFamily({ db, core, duty, media }: HandlerDeps) {
  const { org, cameras, incidents, clock } = core.services;
  const overview = new OverviewService({
    counts: new OrderCountsRepo(db),
    org,
    cameras,
    online: (camera) => media.cameraOnline(camera),
    roster: duty.roster,
    incidents: incidents.read,
    clock,
  });
  return overviewHandlers({ overview, org });
}
