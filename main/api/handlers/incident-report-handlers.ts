import type { z } from 'zod';
import type { incidentReportMethods } from '../../../common/contract/incident-report';
import type { Clock } from '../../clock';
import type { IncidentsService } from '../../services/incidents/incidents-service';
import { noIncidentPorts, type IncidentPorts } from '../../services/incidents/ports';
import { exportIncident } from '../../services/incidents/report/incident-export';
import { buildIncidentReport } from '../../services/incidents/report/report-build';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { HandlerContext } from '../handler-types';

type ReportMethods = typeof incidentReportMethods;

/** A handler typed by the report contract alone (identical to `Handler<M>` once it is in the contract). */
type ReportHandler<M extends keyof ReportMethods> = (
  ctx: HandlerContext,
  input: z.output<ReportMethods[M]['input']>,
) => z.output<ReportMethods[M]['output']>;

export interface IncidentReportDeps {
  incidents: IncidentsService;
  org: OrgRepo;
  clock: Clock;
  ports?: IncidentPorts;
}

/** The incident report: what incidents.get shows the caller, on paper (PDF) or as a spreadsheet (XLSX). */
export function incidentReportHandlers(deps: IncidentReportDeps) {
  const { incidents, org, clock } = deps;
  const ports = deps.ports ?? noIncidentPorts;

  const exportReport: ReportHandler<'incidents.export'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    const viewer = viewerOf(org, user);
    const now = clock();
    // The same visibility rule and the same content as incidents.get: one read, one scope.
    const detail = incidents.read.detail(incidents.visible(input.id, viewer), viewer, now, ports);
    const file = exportIncident(buildIncidentReport(detail, { at: now, by: user.displayName }), input.format);
    return {
      fileName: file.fileName,
      mime: file.mime,
      dataBase64: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength).toString('base64'),
    };
  };

  return { 'incidents.export': exportReport };
}
