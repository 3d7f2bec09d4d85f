import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderState } from '../../../../common/domain/orders/states';
import { useOrderNames } from './useOrderNames';

const COLORS: Partial<Record<OrderState, string>> = {
  reported: 'blue',
  accepted: 'blue',
  filed: 'geekblue',
  dispatched: 'cyan',
  handling: 'processing',
  return_pending: 'orange',
  parked: 'purple',
  handled: 'gold',
  verified: 'lime',
  closed: 'green',
  fed_back: 'green',
};

export function StateTag({ state, pending }: { state: OrderState; pending?: 'extension' | 'park' | null }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  return (
    <span data-testid="order-state" data-state={state}>
      <Tag color={COLORS[state]} style={{ marginInlineEnd: 4 }}>
        {names.state(state)}
      </Tag>
      {pending && <Tag color="orange">{t(`orders.pending.${pending}`)}</Tag>}
    </span>
  );
}
