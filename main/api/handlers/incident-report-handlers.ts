import type { z } from 'zod';
import type { incidentReportMethods } from '../../../common/contract/incident-report';
import type { IncidentDetail } from '../../../common/contract/incidents';
import type { Clock } from '../../clock';
import { exportIncident } from '../../services/incidents/report/incident-export';
import { buildIncidentReport } from '../../services/incidents/report/report-build';
import type { HandlerContext } from '../handler-types';

type ReportMethods = typeof incidentReportMethods;

/** A handler typed by the report contract alone (identical to `Handler<M>` once it is in the contract). */
type ReportHandler<M extends keyof ReportMethods> = (
  ctx: HandlerContext,
  input: z.output<ReportMethods[M]['input']>,
) => z.output<ReportMethods[M]['output']>;

export interface IncidentReportDeps {
  /**
   * The incident as incidents.get answers this caller (the hub passes that handler): the same
   * visibility rule, the same scoped content and the same notifications, by construction.
   */
  detail: (ctx: HandlerContext, id: number) => IncidentDetail;
  clock: Clock;
}

/** The incident report: what incidents.get shows the caller, on paper (PDF) or as a spreadsheet (XLSX). */
export function incidentReportHandlers(deps: IncidentReportDeps) {
  const exportReport: ReportHandler<'incidents.export'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    const detail = deps.detail(ctx, input.id);
    const print = { at: deps.clock(), by: user.displayName };
    const file = exportIncident(buildIncidentReport(detail, print), input.format);
    return {
      fileName: file.fileName,
      mime: file.mime,
      dataBase64: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength).toString('base64'),
    };
  };

  return { 'incidents.export': exportReport };
}
