import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../common/contract';
import { openOrder } from '../drawer/store';
import { beep } from './beep';
import { showDesktopNotification } from './desktop';
import { showAlertToast } from './toast';
import { repeats, worstKind, type OrderAlert } from './types';
import { useOnFresh } from './useOnFresh';

/** New deadline alerts: one beep (the worst kind), a desktop notification each, a toast for the first urgent one. */
export function useFreshAlertSignals(alerts: readonly OrderAlert[] | undefined): void {
  const { t } = useTranslation();
  useOnFresh(
    alerts,
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
}

/** New 待办 items: a beep (red for 特急), a desktop notification each, a toast for the first (特急 first). */
export function useFreshInboxSignals(items: readonly InboxItem[] | undefined): void {
  const { t } = useTranslation();
  useOnFresh(
    items,
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
}
