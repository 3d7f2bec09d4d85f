import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi, useApiQuery } from '../../api';
import { fittingLayout } from './layers';
import { giveBack, relabelIncident, takeOver, useTakeoverStore } from './takeoverStore';

/**
 * Every wall follows the active incident: on load and whenever an incident is
 * activated, changes level or closes, it asks the hub what to show; a new incident puts its cameras
 * up over what was there, and its end (or another incident replacing it) gives the view back.
 */
export function useIncidentWall(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const current = useApiQuery('wall.incident.current', {}, { refetchOnMount: 'always' });
  const bound = useTakeoverStore((s) => s.key !== null);

  useEffect(
    () =>
      api.subscribe('incidents.changed', ({ what }) => {
        if (what === 'activated' || what === 'level' || what === 'closed') {
          void queryClient.invalidateQueries({ queryKey: methodKey('wall.incident.current') });
        }
      }),
    [api, queryClient],
  );

  const incident = current.isSuccess ? current.data.incident : undefined;
  useEffect(() => {
    // Not yet known (loading, or the hub unreachable): leave the wall as it is.
    if (incident === undefined || !bound) return;
    const existing = useTakeoverStore.getState().stack.find((l) => l.kind === 'incident');
    const existingId = existing?.kind === 'incident' ? existing.incidentId : null;
    if (existingId !== null && existingId !== incident?.incidentId) {
      giveBack((l) => l.kind === 'incident');
    }
    if (incident === null) return;
    if (existingId === incident.incidentId) {
      relabelIncident(incident.incidentId, incident.level, incident.title);
      return;
    }
    takeOver({
      kind: 'incident',
      incidentId: incident.incidentId,
      title: incident.title,
      level: incident.level,
      drill: incident.drill,
      shown: { layoutId: incident.layout ?? fittingLayout(incident.cameras.length), cells: incident.cameras },
    });
  }, [incident, bound]);
}
