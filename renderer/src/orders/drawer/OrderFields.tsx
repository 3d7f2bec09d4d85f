import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { LightDot } from '../display/LightDot';
import { StateTag } from '../display/StateTag';
import { UrgencyTag } from '../display/UrgencyTag';
import { useOrderNames } from '../display/useOrderNames';
import { categoryPath, useOrderReference } from '../reference/useOrderReference';
import { placeItems, trackingItems } from './orderFieldItems';

/** Everything the hub tells about the order, as given (the reporter's phone is masked by the hub where needed). */
export function OrderFields({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const ref = useOrderReference();
  const none = t('common.none');
  const category = ref.categoryById.get(order.categoryId);
  const holder = order.stationId ? ref.unitById.get(order.stationId) : undefined;
  return (
    <Descriptions size="small" column={2} bordered data-testid="order-fields">
      <Descriptions.Item label={t('orders.column.state')}>
        <StateTag state={order.state} pending={order.pending} />
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.column.light')}>
        <LightDot light={order.light} timeUsed={order.timeUsed} />
        {order.timeUsed !== null && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('orders.light.used', { percent: Math.round(order.timeUsed * 100) })}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.column.category')} span={2}>
        {category ? categoryPath(category, ref.categoryById) : `${order.categoryId} ${order.categoryName}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.field.description')} span={2}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="order-description">
          {order.description || none}
        </Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.column.urgency')}>
        <UrgencyTag urgency={order.urgency} />
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.field.responseLevel')}>{names.level(order.responseLevel)}</Descriptions.Item>
      <Descriptions.Item label={t('orders.column.source')}>{names.source(order.source)}</Descriptions.Item>
      <Descriptions.Item label={t('orders.column.handler')}>
        <span data-testid="order-handler">{order.handler?.name ?? none}</span>
      </Descriptions.Item>
      {placeItems(order, holder, t)}
      <Descriptions.Item label={t('orders.field.reporter')}>{order.reporterName ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('orders.field.reporterPhone')}>
        <span className="tabular" data-testid="order-reporter-phone">
          {order.reporterPhone ?? none}
        </span>
      </Descriptions.Item>
      {trackingItems(order, names, t)}
    </Descriptions>
  );
}
