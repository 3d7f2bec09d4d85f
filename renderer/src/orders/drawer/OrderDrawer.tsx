import { Alert, Drawer, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';
import { UrgencyTag } from '../display/UrgencyTag';
import { OrderDetailView } from './OrderDetailView';
import { closeOrder, restoreOpenerFocus, useOpenOrderCode, useOpenOrderId } from './store';

function DrawerContent({ id }: { id: number }) {
  const errorText = useErrorText();
  const { t } = useTranslation();
  const code = useOpenOrderCode();
  const order = useApiQuery('orders.get', { id });
  // Opened from an alert or the inbox: name the order by its code, not the internal id.
  if (order.error)
    return (
      <Alert
        type="error"
        showIcon
        title={
          order.error.body.code === 'E_NOT_FOUND' && code !== null ? t('inbox.gone', { code }) : errorText(order.error)
        }
        data-testid="order-drawer-error"
      />
    );
  if (!order.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <OrderDetailView order={order.data} />;
}

function DrawerTitle({ id }: { id: number }) {
  const { t } = useTranslation();
  // Same query as the body: TanStack Query shares one request.
  const order = useApiQuery('orders.get', { id });
  const code = useOpenOrderCode();
  // Before the answer (or for an order one may not see): its code when the opener knew it, never the internal id.
  if (!order.data) return code === null ? t('orders.drawer.title') : <span className="tabular">{code}</span>;
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <Typography.Text className="tabular" type="secondary">
        {order.data.code}
      </Typography.Text>
      <UrgencyTag urgency={order.data.urgency} />
      <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
        {order.data.title}
      </Typography.Text>
    </Flex>
  );
}

/** The focus stays trapped inside while open; giving it back is ours (restoreOpenerFocus). */
const FOCUSABLE = { focusTriggerAfterClose: false } as const;

/** One drawer for the whole frame: opened from the list, `#/orders/<id>`, alerts, supervision, intake. */
export function OrderDrawer() {
  const { t } = useTranslation();
  const id = useOpenOrderId();
  return (
    <Drawer
      open={id !== null}
      size={820}
      title={id === null ? t('orders.drawer.title') : <DrawerTitle id={id} />}
      onClose={closeOrder}
      // The row (or link) that opened it gets the focus back, not whatever the drawer's library kept.
      focusable={FOCUSABLE}
      afterOpenChange={(open) => {
        if (!open) restoreOpenerFocus();
      }}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {id !== null && <DrawerContent key={id} id={id} />}
    </Drawer>
  );
}
