import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';

/** The station's request being approved or refused: who asked, when, for how long, why. */
export function PendingRequest({ pending }: { pending: NonNullable<OrderDetail['pendingDetail']> }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} data-testid="act-pending">
      <Descriptions.Item label={t('orders.drawer.pendingBy')}>
        {pending.byName} · {formatDateTime(pending.at)}
      </Descriptions.Item>
      {pending.hours !== null && (
        <Descriptions.Item label={t('orders.act.extensionHours')}>{pending.hours}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('orders.act.reason')}>{pending.reason}</Descriptions.Item>
    </Descriptions>
  );
}
