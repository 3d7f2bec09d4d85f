import type { Camera } from '../../../common/contract/cameras';
import type { Bilingual } from '../../../common/contract/errors';
import type { EventSink } from '../org/audience';
import { unitAndCenter } from '../org/audience';
import type { OrgRepo } from '../org/org-repo';
import type { AlertRecord } from '../orders/order-alerts';
import type { DutyLog } from './duty-log';
import type { MissingCheckIn, RosterService } from './roster-service';
import {
  logBackupFailed,
  logCameraOnline,
  logIncident,
  logMissingCheckIn,
  logOrderOverdue,
  logReportFailed,
} from './system-entries';

export interface DutySystemLogDeps {
  dutyLog: DutyLog;
  roster: RosterService;
  org: OrgRepo;
  events: EventSink;
}

type IncidentSwitch = Parameters<typeof logIncident>[2];

/**
 * What the hub learns by itself (an order turning red, a missed check-in, a camera going offline,
 * an incident switch) written into the current shift's duty log as system entries
 * (system-entries.ts), and the consoles of the units concerned told to refetch their log.
 */
export class DutySystemLog {
  constructor(private readonly deps: DutySystemLogDeps) {}

  /** The unit's consoles and the center's refetch the duty log: once per unit. */
  announce(unitIds: readonly string[]): void {
    for (const orgUnitId of new Set(unitIds)) {
      this.deps.events.publish('duty.changed', { orgUnitId, what: 'log' }, unitAndCenter(this.deps.org, orgUnitId));
    }
  }

  orderOverdue(alert: AlertRecord): void {
    this.announce(logOrderOverdue(this.deps.dutyLog, this.deps.org, alert));
  }

  missingCheckIn(m: MissingCheckIn): void {
    this.announce(logMissingCheckIn(this.deps.dutyLog, this.deps.roster, m));
  }

  /** A camera going offline or back online (the demo streams' state; main/hub-media-events.ts). */
  cameraOnline(camera: Camera, online: boolean): void {
    this.announce(logCameraOnline(this.deps.dutyLog, this.deps.org, camera, online));
  }

  /** A failed backup (main/services/backups): written for the center. */
  backupFailed(reason: Bilingual): void {
    this.announce(logBackupFailed(this.deps.dutyLog, this.deps.org, reason));
  }

  /** An automatic KPI report that could not be written (main/services/kpi-reports): for the center. */
  reportFailed(what: string, reason: Bilingual): void {
    this.announce(logReportFailed(this.deps.dutyLog, this.deps.org, what, reason));
  }

  /**
   * An incident switch, inside the caller's transaction: answers the units written for, which the
   * caller announces once its call has succeeded.
   */
  incident(incident: IncidentSwitch, what: 'activated' | 'level' | 'closed', detail: string): string[] {
    return logIncident(this.deps.dutyLog, this.deps.org, incident, what, detail);
  }
}
