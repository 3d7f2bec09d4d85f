import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { IncidentNotification } from '../../../../common/contract';
import { NOTIFY_CHANNEL_NAMES } from '../../../../common/domain/contacts';
import { useBilingual } from '../../i18n/useDisplay';
import { formatDateTime } from '../../time/dayjs';
import { RecordReply } from './RecordReply';

/**
 * 通知记录's columns: when, whom (and the number dialled), how, by whom, the note, and the
 * confirmation — which a notifier records for a phone or SMS reply.
 */
export function useNotificationColumns(notifier: boolean): ColumnsType<IncidentNotification> {
  const { t } = useTranslation();
  const pick = useBilingual();
  return [
    {
      key: 'at',
      title: t('notify.column.at'),
      render: (_, n) => <span className="tabular">{formatDateTime(n.at).slice(5, 16)}</span>,
    },
    {
      key: 'contact',
      title: t('notify.column.contact'),
      render: (_, n) => (
        <span>
          {n.contactName}
          {n.contactPhone && (
            <Typography.Text type="secondary" className="tabular">
              {' '}
              {n.contactPhone}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'channel',
      title: t('notify.column.channel'),
      render: (_, n) => <Tag>{pick(NOTIFY_CHANNEL_NAMES[n.channel])}</Tag>,
    },
    { key: 'by', title: t('notify.column.by'), dataIndex: 'byName' },
    { key: 'note', title: t('notify.column.note'), dataIndex: 'note' },
    {
      key: 'confirmed',
      title: t('notify.column.confirmed'),
      render: (_, n) =>
        n.confirmedAt !== null ? (
          <Tag color="green" data-testid="notification-confirmed">
            {t('notify.confirmedBy', {
              name: n.confirmedByName ?? '',
              at: formatDateTime(n.confirmedAt).slice(11, 16),
            })}
          </Tag>
        ) : n.channel !== 'console' && notifier ? (
          <RecordReply notification={n} />
        ) : (
          <Tag color="orange">{t('notify.unconfirmed')}</Tag>
        ),
    },
  ];
}
