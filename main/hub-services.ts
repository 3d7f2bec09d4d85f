import { EventBus } from './api/event-bus';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { HubOptions, HubServices } from './hub';
import type { HubMedia } from './hub-media';
import type { HubKeys } from './security/hub-keys';
import { AttachmentsService } from './services/attachments/attachments-service';
import { AuditRepo } from './services/audit/audit-repo';
import { AuthService } from './services/auth/auth-service';
import { SessionsRepo } from './services/auth/sessions-repo';
import { CamerasService } from './services/cameras/cameras-service';
import { seedDemoCameras } from './services/cameras/demo-cameras';
import { ContactsRepo } from './services/contacts/contacts-repo';
import { seedContacts } from './services/contacts/contacts-seed';
import { ContactsService } from './services/contacts/contacts-service';
import { Checklists } from './services/duty/checklist';
import { DutyLog } from './services/duty/duty-log';
import { dutyStore, type DutyStore } from './services/duty/duty-store';
import { HandoverService } from './services/duty/handover-service';
import { RosterService } from './services/duty/roster-service';
import { DutySystemLog } from './services/duty/system-log';
import { incidentForShift } from './services/incidents/handover-section';
import { IncidentsService } from './services/incidents/incidents-service';
import { PlansRepo, seedIncidentPlans } from './services/incidents/plans';
import { ApiKeysService } from './services/open311/api-keys';
import { OrderAlerts } from './services/orders/order-alerts';
import { OrderQuery } from './services/orders/order-query';
import { OrdersService } from './services/orders/orders-service';
import { OrgRepo } from './services/org/org-repo';
import { seedReferenceData } from './services/org/seed';
import { seedSla } from './services/sla/seed';
import { SlaService } from './services/sla/sla-service';
import { bootstrapUsers, isDemo, type BootstrapResult } from './services/users/bootstrap';
import { UsersRepo } from './services/users/users-repo';
import { ClockSanity, clockWarningText } from './services/system/clock-sanity';

/** The services every part of the hub shares, with the users bootstrapped and the bus made. */
export interface CoreServices {
  services: HubServices;
  users: UsersRepo;
  auth: AuthService;
  bus: EventBus;
  contacts: ContactsService;
  bootstrap: BootstrapResult;
  /** The hub's clock jumps and the consoles' clocks (main/services/system/clock-sanity.ts). */
  clockSanity: ClockSanity;
}

/** Seeds the reference data and makes the domain services (main/services/<domain>/). */
export async function openCoreServices(
  db: Db,
  options: HubOptions,
  clock: Clock,
  keys: HubKeys,
): Promise<CoreServices> {
  seedReferenceData(db);
  seedSla(db);
  seedIncidentPlans(db, clock());
  const users = new UsersRepo(db);
  const org = new OrgRepo(db);
  const auth = new AuthService(users, new SessionsRepo(db), clock, {
    sessionLifetimeMs: options.sessionLifetimeMs ?? 12 * 3600_000,
  });
  const bootstrap = await bootstrapUsers(db, users, clock(), {
    demo: options.demo,
    adminPassword: options.adminPassword,
  });
  const bus = new EventBus(auth);
  // After the users: console users are in the 通讯录 under their unit.
  seedContacts(db, clock());
  const contacts = new ContactsService(new ContactsRepo(db), clock);
  const sla = new SlaService(db);
  const services: HubServices = {
    orders: new OrdersService(db, org, sla, clock),
    query: new OrderQuery(db, sla, clock),
    alerts: new OrderAlerts(db, clock),
    sla,
    attachments: new AttachmentsService(db, options.dataDir, clock, {
      maxBytes: options.maxAttachmentBytes ?? 50 * 1024 * 1024,
    }),
    apiKeys: new ApiKeysService(db, clock),
    cameras: new CamerasService(db, org, clock, { secretKey: keys.secretKey }),
    audit: new AuditRepo(db),
    org,
    incidents: new IncidentsService(db, org, new PlansRepo(db), clock),
    clock,
  };
  const clockSanity = new ClockSanity({
    wall: () => Date.now(),
    monotonic: () => performance.now(),
    warn: (warning) => {
      console.warn(`[hub] ${clockWarningText(warning)}`);
      bus.publish('system.clockWarning', warning, { roles: ['admin'] });
    },
  });
  return { services, users, auth, bus, contacts, bootstrap, clockSanity };
}

/** The demo cameras' live HLS registered as cameras in a demo database. */
export function seedDemoMediaCameras(db: Db, options: HubOptions, clock: Clock, keys: HubKeys): void {
  const demoMedia = options.demoMedia;
  if (!demoMedia || !isDemo(db)) return;
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

/** The duty domain: roster, duty log, checklists, handover, and the system entries of the log. */
export interface DutyServices {
  /** The duty domain's repositories, built once (the ledger check and the seal upgrade read them too). */
  store: DutyStore;
  roster: RosterService;
  dutyLog: DutyLog;
  checklists: Checklists;
  handover: HandoverService;
  systemLog: DutySystemLog;
}

export function openDutyServices(
  db: Db,
  options: HubOptions,
  core: CoreServices,
  keys: HubKeys,
  media: Pick<HubMedia, 'cameraOnline'>,
): DutyServices {
  const { services, bus, auth } = core;
  const { clock, org } = services;
  // One set of the duty domain's repositories, shared by its services.
  const store = dutyStore(db);
  const roster = new RosterService(store, org, clock);
  // The duty log finds "the current shift" in the unit's own pattern (its default until edited).
  const dutyLog = new DutyLog(store, clock, (id) => roster.pattern(id));
  const checklists = new Checklists(store, clock);
  const handover = new HandoverService(
    store,
    clock,
    dutyLog,
    roster,
    checklists,
    auth,
    keys.sealKey,
    {
      incident: (scope, now) => incidentForShift(services.incidents.read.repo, scope.unit, scope.shift.startsAt, now),
      camerasOffline: () =>
        services.cameras
          .list({ enabled: true }, 10_000, media.cameraOnline)
          .rows.filter((c) => c.online === 'offline')
          .map((c) => ({ id: c.id, name: c.name })),
    },
    (options.handoverOpensBeforeMinutes ?? 30) * 60_000,
  );
  const systemLog = new DutySystemLog({ dutyLog, roster, org, events: bus });
  return { store, roster, dutyLog, checklists, handover, systemLog };
}
