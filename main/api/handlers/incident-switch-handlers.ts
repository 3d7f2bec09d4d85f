import { incidentActivateWords, incidentCloseWords, incidentLevelWords } from '../../services/audit/notes-ops';
import { INCIDENT_LEVEL_NAMES } from '../../../common/domain/incidents';
import type { IncidentRecord } from '../../services/incidents/incident-read';
import type { HandlerContext } from '../handler-types';
import type { IncidentDeps, IncidentHandler, IncidentKit } from './incident-handler-kit';

/** The switches of incident mode: activate, change the level, close — each written to the duty log. */
export function incidentSwitchHandlers(deps: IncidentDeps, kit: IncidentKit) {
  const { incidents } = deps;
  const { actor, detail, changed } = kit;

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

  return { 'incidents.activate': activate, 'incidents.setLevel': setLevel, 'incidents.close': close };
}
