import { canSeeIncident } from '../../services/incidents/visibility';
import type { IncidentDeps, IncidentHandler, IncidentKit } from './incident-handler-kit';

/** The banner (every incident still active), one incident, and the searchable list. */
export function incidentReadHandlers(deps: IncidentDeps, kit: IncidentKit) {
  const { incidents, clock } = deps;

  const current: IncidentHandler<'incidents.current'> = () => {
    const now = clock();
    return { incidents: incidents.read.active().map((i) => incidents.read.summary(i, now)) };
  };

  const get: IncidentHandler<'incidents.get'> = (ctx, { id }) => kit.detail(ctx, id);

  const list: IncidentHandler<'incidents.list'> = (ctx, input) => {
    const { viewer } = kit.actor(ctx);
    const now = clock();
    const rows = incidents.read.list(input).filter((i) => canSeeIncident(i, viewer));
    return {
      rows: rows.slice(0, input.limit).map((i) => incidents.read.summary(i, now)),
      truncated: rows.length > input.limit,
    };
  };

  return { 'incidents.current': current, 'incidents.get': get, 'incidents.list': list };
}
