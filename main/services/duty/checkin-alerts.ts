import type { Audience, EventPayload } from '../../../common/contract';
import type { ShiftOrgKind } from '../../../common/domain/duty';
import type { Clock } from '../../clock';
import type { EventSink } from '../org/audience';
import { CHIEF_ROLE } from './handover-service';
import type { MissingCheckIn, RosterService } from './roster-service';
import type { DutySystemLog } from './system-log';

/**
 * Who hears that `m` has not checked in: the shift's rostered chief; when none is rostered (or the
 * chief is the one missing), every chief of the unit (duty chiefs at the center, station chiefs at
 * a station).
 */
export function missingCheckInAudience(m: Pick<MissingCheckIn, 'chief' | 'orgUnitId'>, kind: ShiftOrgKind): Audience {
  return m.chief ? { userIds: [m.chief.userId] } : { orgUnitIds: [m.orgUnitId], roles: [CHIEF_ROLE[kind]] };
}

export function missingCheckInPayload(m: MissingCheckIn): EventPayload<'duty.missingCheckIn'> {
  const { orgUnitId, date, shiftCode, postCode, userId, userName, startsAt } = m;
  return { orgUnitId, date, shiftCode, postCode, userId, userName, startsAt };
}

export interface CheckInAlertsDeps {
  roster: Pick<RosterService, 'missingCheckIns' | 'rosterUnit'>;
  systemLog: Pick<DutySystemLog, 'missingCheckIn'>;
  events: EventSink;
  clock: Clock;
}

/** The missed check-in sweep (the hub runs it on a timer): alert the chief, write the unit's log. */
export class CheckInAlerts {
  constructor(private readonly deps: CheckInAlertsDeps) {}

  /** Alerts each rostered person not checked in 10 minutes into their shift, once; how many. */
  sweep(): number {
    const { roster, systemLog, events } = this.deps;
    const missing = roster.missingCheckIns(this.deps.clock());
    for (const m of missing) {
      const audience = missingCheckInAudience(m, roster.rosterUnit(m.orgUnitId).kind);
      events.publish('duty.missingCheckIn', missingCheckInPayload(m), audience);
      systemLog.missingCheckIn(m);
    }
    return missing.length;
  }
}
