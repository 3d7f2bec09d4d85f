import { reportAlertDue } from '../../../common/domain/incidents';
import type { IncidentReader } from './incident-read';
import { reportMissedWords } from './timeline-words';

/** One announcement of the sweep: a report deadline 5 minutes away, reached, or found passed. */
export interface ReportAlert {
  incidentId: number;
  reportId: number;
  kind: 'soon' | 'due' | 'missed';
  /** The stations of the incident's area (their chiefs hear it too). */
  stationIds: string[];
}

/** Who writes the timeline entries nobody typed. */
export const SYSTEM_NAME = '系统';

/**
 * The report timers, run by the hub on an interval with its clock: each open report
 * of an active incident is announced once 5 minutes before its deadline and once at it; a passed
 * deadline is written into the timeline as report_missed (red) in the same transaction that marks
 * it announced, so a restart neither repeats nor loses it.
 */
export function sweepReports(read: IncidentReader, now: number): ReportAlert[] {
  const out: ReportAlert[] = [];
  const stations = new Map<number, string[]>();
  read.repo.transaction(() => {
    for (const r of read.openReports()) {
      const kind = reportAlertDue(r, now);
      if (kind === null) continue;
      if (kind === 'soon') {
        if (!read.repo.markSoonAlerted(r.id, now)) continue;
      } else {
        if (!read.repo.markDueAlerted(r.id, now)) continue;
        read.timeline.append(r.incidentId, {
          kind: 'report_missed',
          ...reportMissedWords(r.kind, r.dueAt),
          byUserId: null,
          byName: SYSTEM_NAME,
          at: now,
          ref: { reportId: r.id, level: r.level },
        });
      }
      let ids = stations.get(r.incidentId);
      if (!ids) {
        ids = read.incident(r.incidentId)?.stationIds ?? [];
        stations.set(r.incidentId, ids);
      }
      out.push({ incidentId: r.incidentId, reportId: r.id, kind, stationIds: ids });
    }
  });
  return out;
}
