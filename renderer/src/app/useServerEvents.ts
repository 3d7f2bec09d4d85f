import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { methodKey, useApi } from '../api';
import { syncOrderLists } from '../orders/listSync';
import { useSessionStore } from '../stores/session';

/** Busy hubs append audit rows in bursts; refetch once per burst, not once per row. */
const COALESCE_MS = 300;

/** Pushed events invalidate the server data they change; the hub is the source of truth. */
export function useServerEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();

  useEffect(() => {
    let auditTimer: ReturnType<typeof setTimeout> | undefined;
    let ordersTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshMe = () => {
      api.call('auth.me', {}).then(useSessionStore.getState().updateUser, () => undefined);
    };
    const offUsers = api.subscribe('users.changed', ({ userId }) => {
      void queryClient.invalidateQueries({ queryKey: methodKey('admin.users.list') });
      // An admin may have changed this user's own roles or org unit.
      if (useSessionStore.getState().user?.id === userId) refreshMe();
    });
    const offAudit = api.subscribe('audit.appended', () => {
      if (auditTimer !== undefined) return;
      auditTimer = setTimeout(() => {
        auditTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: methodKey('audit.list') });
        void queryClient.invalidateQueries({ queryKey: methodKey('audit.methods') });
      }, COALESCE_MS);
    });
    // A busy center changes orders every few seconds: one update per burst, and deep lists patched, not reloaded.
    let changedOrders = new Set<number>();
    const offOrders = api.subscribe('orders.changed', ({ id }) => {
      changedOrders.add(id);
      if (ordersTimer !== undefined) return;
      ordersTimer = setTimeout(() => {
        ordersTimer = undefined;
        const ids = changedOrders;
        changedOrders = new Set();
        void syncOrderLists(queryClient, api, ids);
        for (const method of ['orders.get', 'orders.supervisions.list', 'orders.duplicates'] as const) {
          void queryClient.invalidateQueries({ queryKey: methodKey(method) });
        }
      }, COALESCE_MS);
    });
    const offAlert = api.subscribe('orders.alert', () => {
      void queryClient.invalidateQueries({ queryKey: methodKey('orders.alerts.list') });
    });
    // Acknowledged in another window of the same user: drop the card here too.
    const offAcked = api.subscribe('orders.alertAcked', () => {
      void queryClient.invalidateQueries({ queryKey: methodKey('orders.alerts.list') });
    });
    // Events pushed while the link was down are lost: after a reconnect, refetch everything.
    let previous = api.connectionState.get();
    const offState = api.connectionState.subscribe((state) => {
      if (state === 'connected' && previous !== 'connected') {
        void queryClient.invalidateQueries();
        refreshMe();
      }
      previous = state;
    });
    return () => {
      clearTimeout(auditTimer);
      clearTimeout(ordersTimer);
      offUsers();
      offAudit();
      offOrders();
      offAlert();
      offAcked();
      offState();
    };
  }, [api, queryClient]);
}
