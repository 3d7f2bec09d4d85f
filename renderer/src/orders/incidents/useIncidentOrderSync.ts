import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi } from '../../api';
import { syncOrderLists } from '../listSync';

/**
 * Linking an order, or an incident starting or ending, changes which orders the hub pins and marks;
 * `incidents.changed` (not `orders.changed`) says so. Lists refetch as on an order change (deep ones
 * are marked for reloading), and an open order's detail refetches for its 关联到当前事件 action.
 */
export function useIncidentOrderSync(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe('incidents.changed', ({ what }) => {
        if (what !== 'orders' && what !== 'activated' && what !== 'closed') return;
        void syncOrderLists(queryClient, api, new Set());
        void queryClient.invalidateQueries({ queryKey: methodKey('orders.get') });
      }),
    [api, queryClient],
  );
}
