import { useMemo } from 'react';
import { useApiMutation, useApiQuery } from '../../api';
import type { OrderAlert } from './types';

/** The caller's unacknowledged alerts, newest first; `orders.alert` events refresh them. */
export function useAlerts() {
  const query = useApiQuery('orders.alerts.list', {}, { staleTime: Infinity });
  const alerts = useMemo<OrderAlert[]>(() => [...(query.data ?? [])].sort((a, b) => b.at - a.at), [query.data]);
  return { alerts, loaded: query.data !== undefined };
}

export function useAckAlert() {
  return useApiMutation('orders.alerts.ack', { invalidates: ['orders.alerts.list'] });
}
