import { App, Button, Space, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useDisplay';
import { useLanguage } from '../../stores/language';
import { formatDateTime } from '../../time/dayjs';
import { openOrder } from '../drawer/store';
import { beep, unlockAudio } from './beep';
import { askNotificationPermissionOnGesture, showDesktopNotification } from './desktop';
import { repeats, worstKind, type OrderAlert } from './types';
import { useAckAlert, useAlerts } from './useAlerts';

/** At most this many alert cards on screen; the rest wait in the status bar's list. */
const MAX_VISIBLE = 5;
const REPEAT_MS = 10_000;
const TYPES = { yellow: 'warning', red: 'error', critical: 'error' } as const;

const key = (a: OrderAlert) => `order-alert-${a.id}`;

/**
 * Alerts of the frame: a card per alert until acknowledged, a sound for new ones (red and 特急
 * sound again every 10 s until acknowledged), and a desktop notification when allowed.
 */
export function AlertCenter() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { notification, message } = App.useApp();
  const errorText = useErrorText();
  const { alerts, loaded } = useAlerts();
  const { mutate: ackMutate } = useAckAlert();
  const seen = useRef<Set<number> | null>(null);
  const shown = useRef(new Set<string>());

  useEffect(() => askNotificationPermissionOnGesture(), []);
  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { capture: true, once: true });
    window.addEventListener('keydown', unlockAudio, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, { capture: true });
      window.removeEventListener('keydown', unlockAudio, { capture: true });
    };
  }, []);

  // New alerts: sound once per batch; a desktop notification for those that arrive while we watch.
  useEffect(() => {
    if (!loaded) return;
    const first = seen.current === null;
    const known = (seen.current ??= new Set());
    const fresh = alerts.filter((a) => !known.has(a.id));
    for (const a of fresh) known.add(a.id);
    const worst = worstKind(fresh);
    if (worst) beep(worst);
    if (first) return;
    for (const a of fresh) {
      showDesktopNotification(
        key(a),
        `${t(`alerts.kind.${a.kind}`)} · ${a.orderCode}`,
        a.orderTitle,
        repeats(a.kind),
        () => {
          openOrder(a.orderId);
        },
      );
    }
  }, [alerts, loaded, t]);

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

  // The cards: the newest few, updated in place (language), removed once acknowledged anywhere.
  useEffect(() => {
    const visible = alerts.slice(0, MAX_VISIBLE);
    const keep = new Set(visible.map(key));
    for (const k of shown.current) if (!keep.has(k)) notification.destroy(k);
    for (const a of visible) {
      const acknowledge = () => {
        ackMutate(
          { id: a.id },
          {
            onSuccess: () => {
              notification.destroy(key(a));
            },
            onError: (error) => {
              void message.error(errorText(error));
            },
          },
        );
      };
      notification.open({
        key: key(a),
        type: TYPES[a.kind],
        duration: false,
        closable: false,
        title: (
          <span>
            {t(`alerts.kind.${a.kind}`)} · <span className="tabular">{a.orderCode}</span>
          </span>
        ),
        description: (
          <>
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
              {a.orderTitle}
            </Typography.Paragraph>
            <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
              {formatDateTime(a.at)}
            </Typography.Text>
          </>
        ),
        actions: (
          <Space>
            <Button
              size="small"
              data-testid="alert-open"
              onClick={() => {
                openOrder(a.orderId);
              }}
            >
              {t('alerts.open')}
            </Button>
            <Button size="small" type="primary" data-testid="alert-ack" onClick={acknowledge}>
              {t('alerts.ack')}
            </Button>
          </Space>
        ),
        props: {
          'data-testid': 'order-alert',
          'data-kind': a.kind,
          'data-order-code': a.orderCode,
        } as HTMLAttributes<HTMLDivElement>,
      });
    }
    shown.current.clear();
    for (const k of keep) shown.current.add(k);
  }, [alerts, language, notification, message, errorText, ackMutate, t]);

  // Leaving the frame (sign-out) takes the cards with it.
  useEffect(() => {
    const cards = shown.current;
    return () => {
      for (const k of cards) notification.destroy(k);
    };
  }, [notification]);

  return null;
}
