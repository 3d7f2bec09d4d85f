import type { InboxReport } from '../../../common/contract';
import { INCIDENT_ACTORS } from '../../../common/contract/incidents';
import { isOpenReport } from '../../../common/domain/incidents';
import type { Viewer } from '../org/viewer';
import { reportDto, type IncidentReader } from './incident-read';
import { canSeeIncident } from './visibility';

/**
 * The incident reports the viewer must send now (待办): open reports of the active
 * incidents they may see, due within 5 minutes or past their deadline. Those are the people the
 * report sweep alerts (hub.ts sweepIncidents): the center's incident actors and the chiefs of the
 * affected stations; a video monitor reads incidents but records no report, so has none.
 */
export function reportsDueFor(read: IncidentReader, viewer: Viewer, now: number): InboxReport[] {
  if (!viewer.roles.some((r) => INCIDENT_ACTORS.includes(r))) return [];
  const out: InboxReport[] = [];
  for (const incident of read.active()) {
    if (!canSeeIncident(incident, viewer)) continue;
    for (const r of read.reports(incident.id)) {
      if (!isOpenReport(r)) continue;
      const report = reportDto(r, now);
      if (report.status !== 'soon' && report.status !== 'missed') continue;
      out.push({
        key: `report:${r.id}:${report.status}`,
        incidentId: incident.id,
        incidentName: incident.name,
        drill: incident.drill,
        report,
      });
    }
  }
  return out.sort((a, b) => a.report.dueAt - b.report.dueAt || a.report.id - b.report.id);
}
