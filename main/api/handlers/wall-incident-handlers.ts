import { levelRank } from '../../../common/domain/incidents';
import { appliedPlanLevel, type IncidentRecord } from '../../services/incidents/incident-read';
import type { IncidentsService } from '../../services/incidents/incidents-service';
import type { WallAlarmRouter, WallIncident } from '../../services/wall';
import type { Handler } from '../handler-types';

/** An incident as the wall needs it: its areas and its plan level's preset view. */
export function wallIncidentOf(incidents: Pick<IncidentsService, 'plans'>, i: IncidentRecord): WallIncident {
  const plan = i.planId === null ? incidents.plans.forType(i.type) : incidents.plans.get(i.planId);
  return {
    incidentId: i.id,
    title: i.name,
    level: i.level,
    drill: i.drill,
    unitIds: i.areaIds,
    presetViewId: appliedPlanLevel(i, plan)?.presetViewId ?? null,
  };
}

/**
 * The incident's wall: every wall asks, on load and when an incident changes, what
 * to switch to — the first active incident (the real one, else a drill), as this caller's area sees it.
 */
export function wallIncidentHandlers(
  router: Pick<WallAlarmRouter, 'incidentView'>,
  incidents: Pick<IncidentsService, 'plans' | 'read'>,
): { 'wall.incident.current': Handler<'wall.incident.current'> } {
  return {
    'wall.incident.current': (ctx) => {
      const { user } = ctx.requireSession();
      const first = incidents.read.active()[0];
      return { incident: first ? router.incidentView(wallIncidentOf(incidents, first), user) : null };
    },
  };
}

type Switch = 'incidents.activate' | 'incidents.setLevel';

/**
 * An activation, or a level change upwards, pushes the incident's cameras to the alarm windows once
 * it is saved; a level lowered does not. The push never fails the switch.
 */
export function alarmAfterIncident<M extends Switch>(
  handler: Handler<M>,
  router: Pick<WallAlarmRouter, 'incident'>,
  incidents: Pick<IncidentsService, 'plans' | 'read'>,
  log: (err: unknown) => void,
): Handler<M> {
  return async (ctx, input) => {
    const beforeId = 'id' in input ? input.id : null;
    const before = beforeId === null ? undefined : incidents.read.incident(beforeId);
    const result = await handler(ctx, input);
    const { user } = ctx.requireSession();
    ctx.afterSuccess(() => {
      try {
        const after = incidents.read.incident(result.incident.id);
        if (!after) return;
        if (before && levelRank(after.level) <= levelRank(before.level)) return;
        const what = before ? 'level' : 'activated';
        router.incident({ ...wallIncidentOf(incidents, after), what }, { userId: user.id, userName: user.displayName });
      } catch (err) {
        log(err);
      }
    });
    return result;
  };
}
