import { App } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentNotice } from '../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { noticeCard } from './noticeCard';
import { useNoticeEvents } from './useNoticeEvents';

const key = (n: IncidentNotice) => `incident-notice-${n.notificationId}`;

/**
 * The card a console user gets when told about an incident in the console, with
 * 确认收到; it stays until confirmed (in any of the user's windows) or the incident closes. The list
 * is the hub's (incidents.notify.pending), so a reload or a second window shows the same cards.
 */
export function IncidentNoticeCenter() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const errorText = useErrorText();
  const { notification, message } = App.useApp();
  const pending = useApiQuery('incidents.notify.pending', {}, { staleTime: Infinity });
  const { mutate: confirm } = useApiMutation('incidents.notify.confirm', {
    invalidates: ['incidents.notify.pending', 'incidents.get'],
  });
  const shown = useRef(new Set<string>());
  useNoticeEvents();

  useEffect(() => {
    const list = pending.data ?? [];
    const keep = new Set(list.map(key));
    for (const k of shown.current) if (!keep.has(k)) notification.destroy(k);
    for (const n of list) {
      const onConfirm = () => {
        confirm(
          { notificationId: n.notificationId },
          {
            onSuccess: () => {
              notification.destroy(key(n));
              void message.success(t('notify.card.confirmed'));
            },
            onError: (error) => {
              void message.error(errorText(error));
            },
          },
        );
      };
      notification.open({
        key: key(n),
        type: 'warning',
        duration: false,
        closable: false,
        ...noticeCard(n, t, pick, onConfirm),
        props: {
          'data-testid': 'incident-notice',
          'data-notification-id': n.notificationId,
        } as HTMLAttributes<HTMLDivElement>,
      });
    }
    shown.current = keep;
  }, [pending.data, notification, message, confirm, errorText, pick, t]);

  // Signing out takes the cards with it.
  useEffect(() => {
    const cards = shown;
    return () => {
      for (const k of cards.current) notification.destroy(k);
    };
  }, [notification]);

  return null;
}
