import { BellOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFIERS, type IncidentNotification } from '../../../../common/contract';
import { NOTIFY_CHANNEL_NAMES } from '../../../../common/domain/contacts';
import { useBilingual } from '../../i18n/useDisplay';
import { hasAnyRole } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { formatDateTime } from '../../time/dayjs';
import { NotifyDialog } from './NotifyDialog';
import { RecordReply } from './RecordReply';

/**
 * The incident page's 通知记录 (mounted by the incident workspace with incidents.get's data): who was
 * told, by whom, how, when, and when they confirmed; a notifier records new ones and phone replies.
 */
export function IncidentNotificationList({
  incidentId,
  notifications,
  closed,
}: {
  incidentId: number;
  notifications: readonly IncidentNotification[];
  closed: boolean;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const user = useUser();
  const notifier = hasAnyRole(user.roles, NOTIFIERS);
  const [open, setOpen] = useState(false);
  return (
    <div data-testid="incident-notifications">
      <Flex align="center" justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        {notifier && !closed && (
          <Button
            size="small"
            icon={<BellOutlined />}
            data-testid="notify-open"
            onClick={() => {
              setOpen(true);
            }}
          >
            {t('notify.open')}
          </Button>
        )}
      </Flex>
      <Table<IncidentNotification>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...notifications]}
        locale={{ emptyText: t('notify.empty') }}
        onRow={(n) =>
          ({
            'data-testid': 'notification-row',
            'data-confirmed': n.confirmedAt !== null,
            'data-channel': n.channel,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
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
        ]}
      />
      {open && (
        <NotifyDialog
          incidentId={incidentId}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}
