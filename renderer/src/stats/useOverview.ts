import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventName, MethodName } from '../../../common/contract';
import { methodKey, useApi, useApiQuery } from '../api';

/** At most one refetch per this long however busy the hub is (a burst of changes → one refetch). */
export const OVERVIEW_THROTTLE_MS = 2_000;
/** Lights turn yellow and red by the clock alone, with no event: refetch at least this often. */
export const OVERVIEW_POLL_MS = 60_000;

/** What changes the room's situation: orders, incidents and their report deadlines, camera state, the roster. */
export const OVERVIEW_EVENTS = [
  'orders.changed',
  'incidents.changed',
  'incidents.reportDue',
  'cameras.changed',
  'duty.changed',
] as const satisfies readonly EventName[];

/**
 * Refetches `method`'s queries when the room changes, throttled — the first change at once, later
 * ones together at the end of the window. The overview and the big screen follow the same events.
 */
export function useRoomRefetch(method: MethodName, throttleMs: number): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      timer = undefined;
      last = Date.now();
      void queryClient.invalidateQueries({ queryKey: methodKey(method) });
    };
    const changed = () => {
      if (timer === undefined) timer = setTimeout(refetch, Math.max(0, last + throttleMs - Date.now()));
    };
    const offs = OVERVIEW_EVENTS.map((event) => api.subscribe(event, changed));
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [api, queryClient, method, throttleMs]);
}

/** The overview, live: refetched on every change of the room (throttled) and every minute. */
export function useOverview() {
  useRoomRefetch('overview.get', OVERVIEW_THROTTLE_MS);
  return useApiQuery('overview.get', {}, { refetchInterval: OVERVIEW_POLL_MS });
}
