import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { INBOX_ROLES } from '../../../../common/contract/inbox';
import { methodKey, useApi, useApiQuery } from '../../api';
import { hasAnyRole } from '../roles';
import { useUser } from '../../stores/session';

/** Many orders change in a burst (a sweep, a batch): one refetch per burst. */
const COALESCE_MS = 300;

export function useHasInbox(): boolean {
  return hasAnyRole(useUser().roles, INBOX_ROLES);
}

/** The caller's 待办 (orders.inbox); kept live by useInboxSync. */
export function useInbox() {
  const enabled = useHasInbox();
  return useApiQuery('orders.inbox', {}, { staleTime: Infinity, enabled });
}

/**
 * Any order change may add or take away a 待办 item or an alert (a request approved, an order moved to
 * another station): refetch both, so a card for an order no longer ours goes at once; so may an
 * incident's change or report deadline. Mount once.
 */
export function useInboxSync(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: methodKey('orders.inbox') });
        void queryClient.invalidateQueries({ queryKey: methodKey('orders.alerts.list') });
      }, COALESCE_MS);
    };
    // A report recorded, superseded by a level change or ended with its incident leaves the 待办; a
    // deadline coming near (the hub's sweep) joins it.
    const offs = [
      api.subscribe('orders.changed', refetch),
      api.subscribe('incidents.changed', refetch),
      api.subscribe('incidents.reportDue', refetch),
    ];
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [api, queryClient]);
}
