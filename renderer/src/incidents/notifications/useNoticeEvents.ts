import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { methodKey, useApi } from '../../api';
import { beep } from '../../orders/alerts/beep';

/**
 * Keeps incidents.notify.pending fresh: a new notice (sounding once, as a yellow order alert does),
 * one confirmed in another window, or the incident closed.
 */
export function useNoticeEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const heard = useRef(new Set<number>());
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: methodKey('incidents.notify.pending') });
    const offNotified = api.subscribe('incidents.notified', (n) => {
      if (!heard.current.has(n.notificationId)) beep('yellow');
      heard.current.add(n.notificationId);
      refresh();
    });
    const offChanged = api.subscribe('incidents.changed', ({ what }) => {
      if (what === 'notification' || what === 'closed') refresh();
    });
    return () => {
      offNotified();
      offChanged();
    };
  }, [api, queryClient]);
}
