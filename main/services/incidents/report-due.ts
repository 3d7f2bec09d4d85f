import type { Audience } from '../../../common/contract';
import { INCIDENT_READERS } from '../../../common/contract/incidents';
import type { Clock } from '../../clock';
import { unitAndCenter, type EventSink } from '../org/audience';
import type { OrgRepo } from '../org/org-repo';
import type { IncidentReader } from './incident-read';
import { sweepReports, type ReportAlert } from './report-sweep';

/**
 * Those working the incident hear of its report deadlines: the center's incident roles, and the
 * chiefs of the affected stations.
 */
export function reportDueAudiences(org: Pick<OrgRepo, 'centerIds'>, stationIds: readonly string[]): Audience[] {
  const center = unitAndCenter(org, [], INCIDENT_READERS);
  return stationIds.length > 0 ? [center, { orgUnitIds: stationIds, roles: ['station_chief'] }] : [center];
}

export interface ReportDueAlertsDeps {
  read: IncidentReader;
  org: Pick<OrgRepo, 'centerIds'>;
  events: EventSink;
  clock: Clock;
}

/** The report deadline sweep (the hub runs it on a timer; report-sweep.ts marks and writes). */
export class ReportDueAlerts {
  constructor(private readonly deps: ReportDueAlertsDeps) {}

  /** Announces deadlines 5 minutes away, reached or missed, once each; how many. */
  sweep(): number {
    const { read, org, events, clock } = this.deps;
    const alerts: ReportAlert[] = sweepReports(read, clock());
    for (const a of alerts) {
      const payload = { incidentId: a.incidentId, reportId: a.reportId, kind: a.kind };
      for (const audience of reportDueAudiences(org, a.stationIds))
        events.publish('incidents.reportDue', payload, audience);
    }
    // A missed deadline is a new (red) timeline entry: open views refetch.
    for (const id of new Set(alerts.filter((a) => a.kind !== 'soon').map((a) => a.incidentId))) {
      events.publish('incidents.changed', { id, what: 'report' });
    }
    return alerts.length;
  }
}
