import { Alert, Divider, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { AttachmentGallery } from '../attachments/AttachmentPreview';
import { IncidentLinkBar } from '../incidents/IncidentLinkBar';
import { OrderActionBar } from './OrderActionBar';
import { OrderFields } from './OrderFields';
import { OrderTimeline } from './OrderTimeline';
import { openOrder } from './store';
import { SupervisionRecords } from './SupervisionRecords';

function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
        {title}
        {count !== undefined && <Typography.Text type="secondary"> ({count})</Typography.Text>}
      </Divider>
      {children}
    </>
  );
}

export function OrderDetailView({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical data-testid="order-drawer" data-code={order.code} data-state={order.state}>
      <OrderActionBar order={order} />
      <IncidentLinkBar order={order} />
      {order.pendingDetail && order.pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="order-pending"
          title={t(`orders.pendingDetail.${order.pending}`, {
            name: order.pendingDetail.byName,
            at: formatDateTime(order.pendingDetail.at),
            hours: order.pendingDetail.hours ?? '',
          })}
          description={order.pendingDetail.reason}
        />
      )}
      <div style={{ marginTop: 12 }}>
        <OrderFields order={order} />
      </div>
      {order.attachments.length > 0 && (
        <Section title={t('attachments.label')} count={order.attachments.length}>
          <div data-testid="order-attachments">
            <AttachmentGallery items={order.attachments} />
          </div>
        </Section>
      )}
      {order.children.length > 0 && (
        <Section title={t('orders.drawer.children')} count={order.children.length}>
          <List
            size="small"
            data-testid="order-children"
            dataSource={order.children}
            renderItem={(c) => (
              <List.Item data-testid="order-child" data-code={c.code}>
                <Typography.Link
                  onClick={() => {
                    openOrder(c.id);
                  }}
                >
                  <span className="tabular">{c.code}</span> {c.title}
                </Typography.Link>
              </List.Item>
            )}
          />
        </Section>
      )}
      {order.supervisions.length > 0 && (
        <Section title={t('orders.drawer.supervisions')} count={order.supervisions.length}>
          <SupervisionRecords items={order.supervisions} />
        </Section>
      )}
      <Section title={t('orders.drawer.timeline')} count={order.history.length}>
        <OrderTimeline history={order.history} code={order.code} />
      </Section>
    </Flex>
  );
}
