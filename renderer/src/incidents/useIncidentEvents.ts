import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi } from '../api';

/**
 * Every console follows the incident: an `incidents.changed` event refetches the banner, the open
 * incident page (its live timeline) and the list. Mounted once in the frame, for every role.
 */
export function useIncidentEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe('incidents.changed', ({ id, what }) => {
        void queryClient.invalidateQueries({ queryKey: methodKey('incidents.current') });
        void queryClient.invalidateQueries({ queryKey: ['incidents.get', { id }] });
        if (what === 'activated' || what === 'level' || what === 'closed') {
          void queryClient.invalidateQueries({ queryKey: methodKey('incidents.list') });
        }
      }),
    [api, queryClient],
  );
}
