import type { Role } from '../../../common/domain/roles';
import { useCurrentIncidents } from '../incidents/data';
import { landingPath } from './workspaces';

/**
 * Where an unknown or refused route (and a fresh sign-in) lands. A coordinator signing in during a
 * real incident lands in incident mode, so for them the landing waits for the active incidents.
 */
export function useLanding(roles: readonly Role[]): { fallback: string; waitForIncidents: boolean } {
  const incidents = useCurrentIncidents();
  const incidentActive = incidents.data?.incidents.some((i) => !i.drill) ?? false;
  return {
    fallback: landingPath(roles, incidentActive),
    waitForIncidents: roles.includes('coordinator') && incidents.isPending,
  };
}
