import { incidentKit, type IncidentDeps } from './incident-handler-kit';
import { incidentPlanHandlers } from './incident-plan-handlers';
import { incidentReadHandlers } from './incident-read-handlers';
import { incidentSwitchHandlers } from './incident-switch-handlers';
import { incidentWorkHandlers } from './incident-work-handlers';

export type { IncidentDeps, IncidentWhat } from './incident-handler-kit';

/** Incident mode: the banner, the incident workspace, and the switches — one file per method family. */
export function incidentHandlers(deps: IncidentDeps) {
  const kit = incidentKit(deps);
  return {
    ...incidentReadHandlers(deps, kit),
    ...incidentSwitchHandlers(deps, kit),
    ...incidentWorkHandlers(deps, kit),
    ...incidentPlanHandlers(deps),
  };
}
