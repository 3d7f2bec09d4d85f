import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi, useApiQuery } from '../../api';

/** At most one refetch per this long however busy the hub is (a burst of changes → one refetch). */
export const OVERVIEW_THROTTLE_MS = 2_000;
/** Lights turn yellow and red by the clock alone, with no event: refetch at least this often. */
const POLL_MS = 60_000;

/**
 * The overview, live: the events that change what it shows (orders, incidents and their report
 * deadlines, camera state, the roster and check-ins) refetch it, throttled — the first change at
 * once, later ones together at the end of the window.
 */
export function useOverview() {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      timer = undefined;
      last = Date.now();
      void queryClient.invalidateQueries({ queryKey: methodKey('overview.get') });
    };
    const changed = () => {
      if (timer === undefined) timer = setTimeout(refetch, Math.max(0, last + OVERVIEW_THROTTLE_MS - Date.now()));
    };
    const offs = [
      api.subscribe('orders.changed', changed),
      api.subscribe('incidents.changed', changed),
      api.subscribe('incidents.reportDue', changed),
      api.subscribe('cameras.changed', changed),
      api.subscribe('duty.changed', changed),
    ];
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [api, queryClient]);
  return useApiQuery('overview.get', {}, { refetchInterval: POLL_MS });
}
