import { BellOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFIERS, type IncidentNotification } from '../../../../common/contract';
import { hasAnyRole } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { NotifyDialog } from './NotifyDialog';
import { useNotificationColumns } from './useNotificationColumns';

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
  const user = useUser();
  const notifier = hasAnyRole(user.roles, NOTIFIERS);
  const columns = useNotificationColumns(notifier);
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
        columns={columns}
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
