import { Descriptions, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { durationText } from '../../components/duration';
import { LightDot } from '../display/LightDot';
import { StateTag } from '../display/StateTag';
import { UrgencyTag } from '../display/UrgencyTag';
import { useOrderNames } from '../display/useOrderNames';
import { categoryPath, useOrderReference } from '../reference/useOrderReference';
import { openOrder } from './store';

function limitText(minutes: number, mode: 'natural' | 'working' | null, t: TFunction) {
  const span = durationText(minutes, t);
  return mode ? `${span}（${t(`sla.mode.${mode}`)}）` : span;
}

/** Everything the hub tells about the order, as given (the reporter's phone is masked by the hub where needed). */
export function OrderFields({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const ref = useOrderReference();
  const none = t('common.none');
  const category = ref.categoryById.get(order.categoryId);
  // The grid and station that own the place (from the hub), not the station the order happens to be
  // with: 海塘村 sent to 第一联勤站 still belongs to 蔡路责任网格 / 第二联勤站, and the drawer says both.
  const owner = order.jurisdiction;
  const holder = order.stationId ? ref.unitById.get(order.stationId) : undefined;
  const outside = owner !== null && owner.stationId !== null && holder !== undefined && holder.id !== owner.stationId;
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
      <Descriptions.Item label={t('orders.column.workstation')}>{order.workstationName ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('place.jurisdiction.field')}>
        <span data-testid="order-jurisdiction">
          {owner ? `${owner.gridName} / ${owner.stationName ?? t('place.jurisdiction.noOwner')}` : none}
        </span>
        {outside && (
          <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="order-outside-jurisdiction">
            {t('place.jurisdiction.handledOutside', { station: holder.name })}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.field.address')} span={2}>
        {order.address || none}
        {order.lat !== null && order.lng !== null && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} className="tabular">
            ({order.lat.toFixed(5)}, {order.lng.toFixed(5)})
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.field.reporter')}>{order.reporterName ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('orders.field.reporterPhone')}>
        <span className="tabular" data-testid="order-reporter-phone">
          {order.reporterPhone ?? none}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.column.created')}>
        <span className="tabular">{formatDateTime(order.createdAt)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.column.deadline')}>
        <span className="tabular" data-testid="order-deadline">
          {order.deadlineAt === null ? none : formatDateTime(order.deadlineAt)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.field.limit')}>
        {order.limitMinutes === null ? none : limitText(order.limitMinutes, order.limitMode, t)}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.column.rework')}>
        <span data-testid="order-rework">{order.reworkCount}</span>
        {order.supervised && (
          <Tag color="volcano" style={{ marginInlineStart: 8 }} data-testid="order-supervised">
            {t('orders.supervisedFlag')}
          </Tag>
        )}
      </Descriptions.Item>
      {order.feedbackResult && (
        <Descriptions.Item label={t('place.feedback.result')}>
          <span data-testid="order-feedback-result">{names.feedback(order.feedbackResult)}</span>
        </Descriptions.Item>
      )}
      {order.cameraId && <Descriptions.Item label={t('orders.field.camera')}>{order.cameraId}</Descriptions.Item>}
      {order.parentId !== null && (
        <Descriptions.Item label={t('orders.field.parent')} span={2}>
          <Typography.Link
            data-testid="order-parent"
            onClick={() => {
              if (order.parentId !== null) openOrder(order.parentId);
            }}
          >
            {order.parentCode ?? order.parentId}
          </Typography.Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
