import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentNotice } from '../../../../common/contract';
import { INCIDENT_LEVEL_COLOURS, INCIDENT_LEVEL_NAMES } from '../../../../common/domain/incidents';
import { methodKey, useApi, useApiMutation, useApiQuery } from '../../api';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { beep } from '../../orders/alerts/beep';
import { formatDateTime } from '../../time/dayjs';

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
  const api = useApi();
  const queryClient = useQueryClient();
  const pending = useApiQuery('incidents.notify.pending', {}, { staleTime: Infinity });
  const { mutate: confirm } = useApiMutation('incidents.notify.confirm', {
    invalidates: ['incidents.notify.pending', 'incidents.get'],
  });
  const shown = useRef(new Set<string>());
  const heard = useRef(new Set<number>());

  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: methodKey('incidents.notify.pending') });
    const offNotified = api.subscribe('incidents.notified', (n) => {
      // A new notice sounds once, as a yellow order alert does.
      if (!heard.current.has(n.notificationId)) beep('yellow');
      heard.current.add(n.notificationId);
      refresh();
    });
    // Confirmed in another window, or the incident closed: the card goes.
    const offChanged = api.subscribe('incidents.changed', ({ what }) => {
      if (what === 'notification' || what === 'closed') refresh();
    });
    return () => {
      offNotified();
      offChanged();
    };
  }, [api, queryClient]);

  useEffect(() => {
    const list = pending.data ?? [];
    const keep = new Set(list.map(key));
    for (const k of shown.current) if (!keep.has(k)) notification.destroy(k);
    for (const n of list) {
      notification.open({
        key: key(n),
        type: 'warning',
        duration: false,
        closable: false,
        title: (
          <span>
            {t('notify.card.title', { name: n.incidentName })}{' '}
            <Tag color={INCIDENT_LEVEL_COLOURS[n.level]}>{pick(INCIDENT_LEVEL_NAMES[n.level])}</Tag>
            {n.drill && <Tag>{t('notify.card.drill')}</Tag>}
          </span>
        ),
        description: (
          <>
            {n.note && (
              <Typography.Paragraph style={{ margin: 0 }} data-testid="incident-notice-note">
                {n.note}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('notify.card.from', { by: n.byName, at: formatDateTime(n.at) })}
            </Typography.Text>
          </>
        ),
        actions: (
          <Button
            size="small"
            type="primary"
            data-testid="incident-notice-confirm"
            onClick={() => {
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
            }}
          >
            {t('notify.card.confirm')}
          </Button>
        ),
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
