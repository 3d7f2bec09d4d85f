import type { ReportEntry } from '../common/contract';
import type { Db } from './db/connection';
import type { HubOptions } from './hub';
import type { CoreServices, DutyServices } from './hub-services';
import type { BackupService } from './services/backups/backup-service';
import type { ReportSchedule } from './services/kpi-reports/report-schedule';
import { CheckInAlerts } from './services/duty/checkin-alerts';
import { ReportDueAlerts } from './services/incidents/report-due';
import { DeadlineAlerts } from './services/orders/deadline-alerts';
import type { DiskWatch } from './services/system/disk-space';
import type { WallAlarmRouter } from './services/wall';

/** The periodic sweeps: each a domain service's `sweep`, run on a timer and by tests directly. */
export interface HubSweeps {
  /** Deadline alerts (main/services/orders/deadline-alerts.ts). */
  sweepAlerts: () => number;
  /** Missed check-ins (main/services/duty/checkin-alerts.ts). */
  sweepDuty: () => number;
  /** Incident report deadlines (main/services/incidents/report-due.ts). */
  sweepIncidents: () => number;
  /** 特急 orders the database queued outside orders.create (main/services/wall: WallAlarmRouter). */
  sweepWallAlarms: () => number;
  /** Viewing records of consoles gone without a word (CamerasService.closeStaleViews). */
  sweepViews: () => void;
  /** The daily backup once its time has come (main/services/backups/backup-service.ts). */
  sweepBackups: () => Promise<unknown> | null;
  /** The automatic KPI reports once their time has come (main/services/kpi-reports/report-schedule.ts). */
  sweepReports: () => ReportEntry[] | null;
  /** The hub's clock against its monotonic clock (main/services/system/clock-sanity.ts). */
  sweepClock: () => void;
  /** Free space of the data and backups folders' disks (main/services/system/disk-space.ts). */
  sweepDisk: () => void;
}

type Intervals = Pick<
  HubOptions,
  | 'alertSweepMs'
  | 'dutySweepMs'
  | 'incidentSweepMs'
  | 'wallAlarmSweepMs'
  | 'backupSweepMs'
  | 'diskSweepMs'
  | 'reportSweepMs'
>;

/** Starts the sweeps' timers (an interval of 0 = never by itself); answers the stop. `ran` hears each run. */
export function startSweeps(
  sweeps: HubSweeps,
  options: Intervals,
  ran: (name: keyof HubSweeps) => void = () => undefined,
): () => void {
  const timer = (name: keyof HubSweeps, ms: number) => {
    if (ms <= 0) return undefined;
    const t = setInterval(() => {
      ran(name);
      void sweeps[name]();
    }, ms);
    // A sweep never keeps the process alive.
    t.unref();
    return t;
  };
  // The disks are read at start too: a disk already low is on the hub's output at once.
  if ((options.diskSweepMs ?? 60_000) > 0) sweeps.sweepDisk();
  const timers = [
    timer('sweepAlerts', options.alertSweepMs ?? 15_000),
    timer('sweepDuty', options.dutySweepMs ?? 30_000),
    timer('sweepIncidents', options.incidentSweepMs ?? 5_000),
    timer('sweepWallAlarms', options.wallAlarmSweepMs ?? 1_000),
    timer('sweepViews', 60_000),
    timer('sweepBackups', options.backupSweepMs ?? 30_000),
    timer('sweepReports', options.reportSweepMs ?? 30_000),
    timer('sweepClock', 10_000),
    timer('sweepDisk', options.diskSweepMs ?? 60_000),
  ];
  return () => {
    for (const t of timers) clearInterval(t);
  };
}

export interface SweepDeps {
  db: Db;
  core: CoreServices;
  duty: DutyServices;
  wallAlarms: WallAlarmRouter;
  logAlarmError: (err: unknown) => void;
  backups: BackupService;
  disk: DiskWatch;
  reports: ReportSchedule;
}

/** The sweeps of the domain services, as the hub runs them. */
export function hubSweeps(deps: SweepDeps): HubSweeps {
  const { db, core, duty, wallAlarms, logAlarmError, backups, disk } = deps;
  const { services, bus } = core;
  const { org, clock } = services;
  const deadlines = new DeadlineAlerts({ alerts: services.alerts, org, events: bus, systemLog: duty.systemLog });
  const checkIns = new CheckInAlerts({ roster: duty.roster, systemLog: duty.systemLog, events: bus, clock });
  const reports = new ReportDueAlerts({ read: services.incidents.read, org, events: bus, clock });
  return {
    sweepAlerts: () => deadlines.sweep(),
    sweepDuty: () => checkIns.sweep(),
    sweepIncidents: () => reports.sweep(),
    sweepWallAlarms: () => {
      // 特急 orders the database queued outside orders.create (Open311, an urgency raised later).
      try {
        return db.open ? wallAlarms.drainOrders().length : 0;
      } catch (err) {
        logAlarmError(err);
        return 0;
      }
    },
    sweepViews: () => services.cameras.closeStaleViews(),
    sweepBackups: () => (db.open ? backups.tick() : null),
    sweepReports: () => (db.open ? deps.reports.tick() : null),
    sweepClock: () => void core.clockSanity.sweep(),
    sweepDisk: () => void disk.sweep(),
  };
}
