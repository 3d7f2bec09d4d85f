import {
  incidentLinkWords,
  incidentNoteWords,
  incidentReportWords,
  incidentTickWords,
} from '../../services/audit/notes-ops';
import type { IncidentDeps, IncidentHandler, IncidentKit } from './incident-handler-kit';

/** The work on an open incident: its checklist, notes, reports and linked orders. */
export function incidentWorkHandlers(deps: IncidentDeps, kit: IncidentKit) {
  const { incidents } = deps;
  const { actor, detail, changed } = kit;

  const tick: IncidentHandler<'incidents.checklist.tick'> = (ctx, { id, itemId, done }) => {
    const who = actor(ctx);
    const wrote = ctx.tx(() => {
      ctx.audit.target = `incident:${id}`;
      Object.assign(ctx.audit, incidentTickWords(done, itemId));
      return incidents.tick(id, itemId, done, who);
    });
    if (wrote) changed(ctx, id, 'checklist');
    return detail(ctx, id);
  };

  const note: IncidentHandler<'incidents.note'> = (ctx, { id, text }) => {
    const who = actor(ctx);
    ctx.tx(() => {
      incidents.note(id, text, who);
      ctx.audit.target = `incident:${id}`;
      Object.assign(ctx.audit, incidentNoteWords(text));
    });
    changed(ctx, id, 'timeline');
    return detail(ctx, id);
  };

  const record: IncidentHandler<'incidents.report.record'> = (ctx, { id, reportId, text, attachmentIds }) => {
    const who = actor(ctx);
    ctx.tx(() => {
      const { late } = incidents.record(id, reportId, text, attachmentIds, who);
      ctx.audit.target = `incident:${id}`;
      Object.assign(ctx.audit, incidentReportWords(reportId, late, text));
    });
    changed(ctx, id, 'report');
    return detail(ctx, id);
  };

  const link: IncidentHandler<'incidents.orders.link'> = (ctx, { id, orderId }) => {
    const who = actor(ctx);
    ctx.tx(() => {
      incidents.linkOrder(id, orderId, who);
      ctx.audit.target = `incident:${id}`;
      Object.assign(ctx.audit, incidentLinkWords(orderId));
    });
    changed(ctx, id, 'orders');
    return detail(ctx, id);
  };

  return {
    'incidents.checklist.tick': tick,
    'incidents.note': note,
    'incidents.report.record': record,
    'incidents.orders.link': link,
  };
}
