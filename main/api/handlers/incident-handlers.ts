import {
  incidentActivateWords,
  incidentCloseWords,
  incidentLevelWords,
  incidentLinkWords,
  incidentNoteWords,
  incidentPlanWords,
  incidentReportWords,
  incidentTickWords,
} from '../../services/audit/notes-ops';
import type { z } from 'zod';
import { apiError, type EventPayload } from '../../../common/contract';
import type { incidentMethods, planLevelsSchema } from '../../../common/contract/incidents';
import { INCIDENT_LEVEL_NAMES } from '../../../common/domain/incidents';
import type { Clock } from '../../clock';
import type { IncidentRecord } from '../../services/incidents/incident-read';
import type { IncidentActor, IncidentsService } from '../../services/incidents/incidents-service';
import { noIncidentPorts, type IncidentPorts } from '../../services/incidents/ports';
import { canSeeIncident } from '../../services/incidents/visibility';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { HandlerContext } from '../handler-types';

type IncidentMethods = typeof incidentMethods;
type IncidentMethod = keyof IncidentMethods;

/** A handler typed by the incidents contract alone (identical to `Handler<M>` once it is in the contract). */
type IncidentHandler<M extends IncidentMethod> = (
  ctx: HandlerContext,
  input: z.output<IncidentMethods[M]['input']>,
) => z.output<IncidentMethods[M]['output']>;

type PlanLevels = z.output<typeof planLevelsSchema>;

export type IncidentWhat = EventPayload<'incidents.changed'>['what'];

export interface IncidentDeps {
  incidents: IncidentsService;
  org: OrgRepo;
  clock: Clock;
  ports?: IncidentPorts;
  /**
   * Called inside the transaction of an activation, level change or close (the duty log's system
   * entries); answers the org units whose log got an entry, announced after the call succeeds.
   */
  onSwitch?: (incident: IncidentRecord, what: 'activated' | 'level' | 'closed', detail: string) => string[];
  /** Announces duty-log changes of those units (hub: duty.changed). */
  announceLog?: (unitIds: readonly string[]) => void;
  /** Whether a shared wall view (a plan's preset view) exists. */
  sharedViewExists: (id: number) => boolean;
}

/** Incident mode: the banner, the incident workspace, and the switches. */
export function incidentHandlers(deps: IncidentDeps) {
  const { incidents, org, clock } = deps;
  const ports = deps.ports ?? noIncidentPorts;

  const actor = (ctx: HandlerContext): IncidentActor => {
    const { user } = ctx.requireSession();
    return { id: user.id, name: user.displayName, viewer: viewerOf(org, user) };
  };

  const detail = (ctx: HandlerContext, id: number) => {
    const who = actor(ctx);
    return incidents.read.detail(incidents.visible(id, who.viewer), who.viewer, clock(), ports);
  };

  /** Everyone signed in refetches the banner and any open incident view. */
  const changed = (ctx: HandlerContext, id: number, what: IncidentWhat) => {
    ctx.publish('incidents.changed', { id, what });
  };

  const logSwitch = (
    ctx: HandlerContext,
    incident: IncidentRecord,
    what: 'activated' | 'level' | 'closed',
    d: string,
  ) => {
    const units = deps.onSwitch?.(incident, what, d) ?? [];
    if (units.length > 0 && deps.announceLog) {
      const announce = deps.announceLog;
      ctx.afterSuccess(() => announce(units));
    }
  };

  const current: IncidentHandler<'incidents.current'> = () => {
    const now = clock();
    return { incidents: incidents.read.active().map((i) => incidents.read.summary(i, now)) };
  };

  const get: IncidentHandler<'incidents.get'> = (ctx, { id }) => detail(ctx, id);

  const list: IncidentHandler<'incidents.list'> = (ctx, input) => {
    const { viewer } = actor(ctx);
    const now = clock();
    const rows = incidents.read.list(input).filter((i) => canSeeIncident(i, viewer));
    return {
      rows: rows.slice(0, input.limit).map((i) => incidents.read.summary(i, now)),
      truncated: rows.length > input.limit,
    };
  };

  const activate: IncidentHandler<'incidents.activate'> = (ctx, input) => {
    const who = actor(ctx);
    const incident = ctx.tx(() => {
      const i = incidents.activate(input, who);
      ctx.audit.target = `incident:${i.id}`;
      Object.assign(ctx.audit, incidentActivateWords(i));
      logSwitch(ctx, i, 'activated', input.situation);
      return i;
    });
    changed(ctx, incident.id, 'activated');
    return detail(ctx, incident.id);
  };

  const setLevel: IncidentHandler<'incidents.setLevel'> = (ctx, { id, level, reason }) => {
    const who = actor(ctx);
    ctx.tx(() => {
      const before = incidents.visible(id, who.viewer).level;
      const i = incidents.setLevel(id, level, reason, who);
      ctx.audit.target = `incident:${id}`;
      Object.assign(ctx.audit, incidentLevelWords(before, level));
      logSwitch(
        ctx,
        i,
        'level',
        `${INCIDENT_LEVEL_NAMES[before].zh} → ${INCIDENT_LEVEL_NAMES[level].zh}；原因：${reason}`,
      );
    });
    changed(ctx, id, 'level');
    return detail(ctx, id);
  };

  const close: IncidentHandler<'incidents.close'> = (ctx, { id, summary }) => {
    const who = actor(ctx);
    ctx.tx(() => {
      const i = incidents.close(id, summary, who);
      ctx.audit.target = `incident:${id}`;
      Object.assign(ctx.audit, incidentCloseWords(i.name));
      logSwitch(ctx, i, 'closed', summary);
    });
    changed(ctx, id, 'closed');
    return detail(ctx, id);
  };

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

  const plansList: IncidentHandler<'incidents.plans.list'> = () => ({ plans: incidents.plans.list() });

  const plansSave: IncidentHandler<'incidents.plans.save'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    return ctx.tx(() => {
      checkPresetViews(input.levels);
      const plan = incidents.plans.save(input, user.displayName, clock());
      ctx.audit.target = `incident-plan:${plan.type}`;
      Object.assign(ctx.audit, incidentPlanWords(plan.name));
      return plan;
    });
  };

  /** A plan's preset view is shown to everyone: it must be a shared wall view. */
  const checkPresetViews = (levels: PlanLevels) => {
    for (const [level, l] of Object.entries(levels)) {
      if (l.presetViewId === null) continue;
      if (!deps.sharedViewExists(l.presetViewId)) {
        const field = `levels.${level}.presetViewId`;
        const zh = `${level} 级的预置画面 ${l.presetViewId} 不存在或不是共享画面`;
        const en = `Level ${level}: preset view ${l.presetViewId} does not exist or is not a shared view`;
        throw apiError('E_INVALID', zh, en, {
          field,
          issues: [{ path: field, message: en }],
          errors: [{ field, zh, en }],
        });
      }
    }
  };

  return {
    'incidents.current': current,
    'incidents.get': get,
    'incidents.list': list,
    'incidents.activate': activate,
    'incidents.setLevel': setLevel,
    'incidents.close': close,
    'incidents.checklist.tick': tick,
    'incidents.note': note,
    'incidents.report.record': record,
    'incidents.orders.link': link,
    'incidents.plans.list': plansList,
    'incidents.plans.save': plansSave,
  };
}
