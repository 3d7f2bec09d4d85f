import { Descriptions, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { OrderDetail, OrgUnit } from '../../../../common/contract';
import { durationText } from '../../components/duration';
import { formatDateTime } from '../../time/dayjs';
import type { OrderNames } from '../display/useOrderNames';
import { openOrder } from './store';

// Rows of the order's Descriptions, returned as elements (antd reads its items from its direct
// children, so these are plain functions, not components).

function limitText(minutes: number, mode: 'natural' | 'working' | null, t: TFunction) {
  const span = durationText(minutes, t);
  return mode ? `${span}（${t(`sla.mode.${mode}`)}）` : span;
}

/**
 * Where: the workstation, the grid and station that own the place (from the hub), and the address.
 * `holder` is the station the order is with: 海塘村 sent to 第一联勤站 still belongs to 蔡路责任网格 /
 * 第二联勤站, and the drawer says both.
 */
export function placeItems(order: OrderDetail, holder: OrgUnit | undefined, t: TFunction) {
  const none = t('common.none');
  const owner = order.jurisdiction;
  const outside = owner !== null && owner.stationId !== null && holder !== undefined && holder.id !== owner.stationId;
  return (
    <>
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
    </>
  );
}

/** The clock and the record: created, deadline, limit, rework and 督办, 回访结果, camera, parent. */
export function trackingItems(order: OrderDetail, names: OrderNames, t: TFunction) {
  const none = t('common.none');
  return (
    <>
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
    </>
  );
}
