import { handoverReport, reportFileName } from '../../services/duty/handover-report';
import { renderHandoverPdf } from '../../services/duty/report/handover-pdf';
import type { HandlerContext } from '../handler-types';
import { callerViewer, type DutyHandler } from './duty-handler';
import type { DutyHandoverDeps } from './duty-handover-handlers';

/** Reading handovers: the caller's current and next, one by id (scoped), the sealed list, the printed report. */
export function dutyHandoverReadHandlers(deps: DutyHandoverDeps) {
  const { handover, org } = deps;
  const caller = (ctx: HandlerContext) => ctx.requireSession().user;

  const current: DutyHandler<'duty.handover.current'> = (ctx) => handover.current(caller(ctx));
  const preview: DutyHandler<'duty.handover.preview'> = (ctx) => handover.preview(caller(ctx));
  const get: DutyHandler<'duty.handover.get'> = (ctx, input) => handover.get(callerViewer(org, ctx), input.shiftId);

  const sealed: DutyHandler<'duty.handover.sealed'> = (ctx, input) =>
    handover.sealed(caller(ctx).orgUnitId, input.limit);

  const report: DutyHandler<'duty.handover.report'> = (ctx, input) => {
    const user = caller(ctx);
    const at = { at: deps.clock(), by: user.displayName };
    const data = handoverReport(deps, input.shiftId, at, callerViewer(org, ctx));
    const pdf = renderHandoverPdf(data);
    return {
      fileName: reportFileName(data),
      mime: 'application/pdf',
      dataBase64: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64'),
    };
  };

  return {
    'duty.handover.current': current,
    'duty.handover.preview': preview,
    'duty.handover.get': get,
    'duty.handover.sealed': sealed,
    'duty.handover.report': report,
  };
}
