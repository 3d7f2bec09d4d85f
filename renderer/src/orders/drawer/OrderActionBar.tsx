import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { useOrderNames } from '../display/useOrderNames';
import { ActionFormModal } from './ActionFormModal';
import { DANGER_ACTIONS, PRIMARY_ACTIONS } from './actionFields';

/** Exactly the steps the hub says this user may take now (`detail.actions`), nothing more. */
export function OrderActionBar({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const [action, setAction] = useState<OrderAction | null>(null);
  return (
    <>
      <Flex wrap gap={8} data-testid="order-actions">
        {order.actions.length === 0 && (
          <Typography.Text type="secondary">{t('orders.drawer.noActions')}</Typography.Text>
        )}
        {order.actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY_ACTIONS.has(a) ? 'primary' : 'default'}
            danger={DANGER_ACTIONS.has(a)}
            data-testid={`order-action-${a}`}
            onClick={() => {
              setAction(a);
            }}
          >
            {names.action(a)}
          </Button>
        ))}
      </Flex>
      {action && (
        <ActionFormModal
          order={order}
          action={action}
          onClose={() => {
            setAction(null);
          }}
        />
      )}
    </>
  );
}
