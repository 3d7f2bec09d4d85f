import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../common/contract';
import { useInbox, useInboxSync } from '../inbox/useInbox';
import { openOrder } from '../drawer/store';
import { beep, unlockAudio } from './beep';
import { askNotificationPermissionOnGesture, showDesktopNotification } from './desktop';
import { showAlertToast } from './toast';
import { repeats, worstKind, type OrderAlert } from './types';
import { useAlerts } from './useAlerts';

const REPEAT_MS = 10_000;

/**
 * Calls `onFresh` with the items not seen before, each time `list` changes; what was there at the
 * first answer (sign-in) is not "new".
 */
function useOnFresh<T>(list: readonly T[] | undefined, key: (item: T) => string, onFresh: (fresh: T[]) => void) {
  const seen = useRef<Set<string> | null>(null);
  const latest = useRef({ key, onFresh });
  useEffect(() => {
    latest.current = { key, onFresh };
  });
  useEffect(() => {
    if (list === undefined) return;
    const first = seen.current === null;
    const known = (seen.current ??= new Set());
    const fresh = list.filter((item) => !known.has(latest.current.key(item)));
    for (const item of fresh) known.add(latest.current.key(item));
    if (!first && fresh.length > 0) latest.current.onFresh(fresh);
  }, [list]);
}

/**
 * What tells an operator something needs them, without covering their work:
 * a sound and a desktop notification for each new deadline alert and each new 待办 item, and one
 * compact toast in the status bar; the list itself waits in the alert drawer (AlertBadge). Red and
 * 特急 sound again every 10 s until acknowledged.
 */
export function AlertCenter() {
  const { t } = useTranslation();
  useInboxSync();
  const { alerts, loaded } = useAlerts();
  const inbox = useInbox();

  useEffect(() => askNotificationPermissionOnGesture(), []);
  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { capture: true, once: true });
    window.addEventListener('keydown', unlockAudio, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, { capture: true });
      window.removeEventListener('keydown', unlockAudio, { capture: true });
    };
  }, []);

  useOnFresh(
    loaded ? alerts : undefined,
    (a: OrderAlert) => String(a.id),
    (freshAlerts) => {
      const worst = worstKind(freshAlerts);
      if (worst) beep(worst);
      for (const a of freshAlerts) {
        const label = t(`alerts.kind.${a.kind}`);
        showDesktopNotification(
          `order-alert-${a.id}`,
          `${label} · ${a.orderCode}`,
          a.orderTitle,
          repeats(a.kind),
          () => {
            openOrder(a.orderId, a.orderCode);
          },
        );
      }
      const urgent = freshAlerts.find((a) => a.kind !== 'yellow');
      if (urgent) {
        showAlertToast({
          key: `alert-${urgent.id}`,
          label: t(`alerts.kind.${urgent.kind}`),
          code: urgent.orderCode,
          title: urgent.orderTitle,
          severe: true,
        });
      }
    },
  );

  useOnFresh(
    inbox.data?.items,
    (i: InboxItem) => i.key,
    (freshItems) => {
      const critical = freshItems.some((i) => i.urgency === 'critical');
      beep(critical ? 'red' : 'yellow');
      const label = (i: InboxItem) =>
        t(`inbox.notice.${i.kind}`, { request: i.request ? t(`inbox.request.${i.request}`) : '' });
      for (const i of freshItems) {
        showDesktopNotification(`inbox-${i.key}`, `${label(i)} · ${i.orderCode}`, i.orderTitle, false, () => {
          openOrder(i.orderId, i.orderCode);
        });
      }
      const first = freshItems.find((i) => i.urgency === 'critical') ?? freshItems[0];
      if (first) {
        showAlertToast({
          key: `inbox-${first.key}`,
          label: label(first),
          code: first.orderCode,
          title: first.orderTitle,
          severe: first.urgency === 'critical',
        });
      }
    },
  );

  // Red and 特急 keep sounding while any stays unacknowledged.
  const worstRepeating = worstKind(alerts.filter((a) => repeats(a.kind)));
  useEffect(() => {
    if (!worstRepeating) return;
    const timer = setInterval(() => {
      beep(worstRepeating);
    }, REPEAT_MS);
    return () => {
      clearInterval(timer);
    };
  }, [worstRepeating]);

  return null;
}
