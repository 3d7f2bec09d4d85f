import { apiError } from '../../../common/contract';
import { isOpenReport, nextUpdateAfter, REPORT_KIND_NAMES } from '../../../common/domain/incidents';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { requireVisibleAttachments } from '../attachments/attachment-visibility';
import { appliedPlanLevel, type IncidentReader, type IncidentRecord } from './incident-read';
import type { IncidentActor } from './incidents-service';
import type { PlansRepo } from './plans';
import { reportWords } from './timeline-words';

/**
 * Records a report of an open incident (its timer stops, on time or late) and, after a written report
 * or an update, schedules the next update by the plan of the incident's current level. Attachments
 * must be ones the actor may see. In the caller's transaction, with its timeline entry.
 */
export function recordReport(
  { db, read, plans, clock }: { db: Db; read: IncidentReader; plans: PlansRepo; clock: Clock },
  incident: IncidentRecord,
  reportId: number,
  text: string,
  attachmentIds: readonly number[],
  actor: IncidentActor,
): { late: boolean } {
  const id = incident.id;
  const reports = read.reports(id);
  const report = reports.find((r) => r.id === reportId);
  if (!report) {
    throw apiError('E_NOT_FOUND', `报告 ${reportId} 不属于该事件`, `Report ${reportId} is not part of this incident`, {
      field: 'reportId',
    });
  }
  if (report.recordedAt !== null) {
    throw apiError(
      'E_CONFLICT',
      `该${REPORT_KIND_NAMES[report.kind].zh}已报送`,
      'This report has already been recorded',
      {
        field: 'reportId',
      },
    );
  }
  if (report.supersededAt !== null) {
    throw apiError(
      'E_CONFLICT',
      `该${REPORT_KIND_NAMES[report.kind].zh}已被级别调整取代，请报送当前级别的报告`,
      'This report was replaced by a level change; record the current level’s report',
      { field: 'reportId' },
    );
  }
  const ids = [...new Set(attachmentIds)];
  requireVisibleAttachments(db, ids, actor.viewer, 'attachmentIds');
  const now = clock();
  const late = now > report.dueAt;
  read.repo.recordReport(reportId, actor, text, ids, now);
  read.timeline.append(id, {
    kind: 'report',
    ...reportWords(report.kind, late, text),
    byUserId: actor.id,
    byName: actor.name,
    at: now,
    ref: { reportId, level: report.level },
  });
  // The level's rule as kept when the level took effect, not the plan as edited since.
  const plan = incident.planId === null ? undefined : plans.get(incident.planId);
  const level = appliedPlanLevel(incident, plan);
  if (level) {
    const open = read.reports(id).filter(isOpenReport);
    const next = nextUpdateAfter(level.reports, incident.level, { kind: report.kind, recordedAt: now }, open);
    if (next) read.repo.addReport(id, next);
  }
  return { late };
}
