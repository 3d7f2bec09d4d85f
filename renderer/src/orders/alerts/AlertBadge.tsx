import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/dayjs';
import { openOrder } from '../drawer/store';
import { useAckAlert, useAlerts } from './useAlerts';

const TAG_COLORS = { yellow: 'gold', red: 'red', critical: 'magenta' } as const;

/** The status bar's count of unacknowledged alerts; click for the whole list. */
export function AlertBadge() {
  const { t } = useTranslation();
  const { alerts } = useAlerts();
  const ack = useAckAlert();
  const [open, setOpen] = useState(false);
  const list = (
    <Flex vertical gap={6} style={{ width: 380, maxHeight: 360, overflow: 'auto' }} data-testid="alert-list">
      {alerts.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.none')} />}
      {alerts.map((a) => (
        <Flex key={a.id} align="center" gap={8} data-testid="alert-list-item" data-kind={a.kind}>
          <Tag color={TAG_COLORS[a.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`alerts.kind.${a.kind}`)}
          </Tag>
          <Typography.Text className="tabular" type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(a.at).slice(5, 16)}
          </Typography.Text>
          <Typography.Link
            ellipsis
            style={{ flex: 1, minWidth: 0 }}
            onClick={() => {
              setOpen(false);
              openOrder(a.orderId);
            }}
          >
            {a.orderCode} {a.orderTitle}
          </Typography.Link>
          <Button
            size="small"
            loading={ack.isPending && ack.variables.id === a.id}
            onClick={() => {
              ack.mutate({ id: a.id });
            }}
          >
            {t('alerts.ack')}
          </Button>
        </Flex>
      ))}
    </Flex>
  );
  const worstRed = alerts.some((a) => a.kind !== 'yellow');
  return (
    <Popover
      content={list}
      title={t('alerts.title')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      // Opens to the left of the bell and above the alert cards (antd notifications sit at z-index 2050).
      placement="topRight"
      zIndex={2100}
    >
      <Button
        size="small"
        type="text"
        data-testid="alert-count"
        data-count={alerts.length}
        aria-label={t('alerts.title')}
      >
        <Badge count={alerts.length} size="small" color={worstRed ? '#e5484d' : '#e0b03c'} offset={[6, -2]}>
          <BellOutlined style={{ color: alerts.length > 0 ? '#e8f1fb' : undefined }} />
        </Badge>
      </Button>
    </Popover>
  );
}
