import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverSummary } from '../../../../../common/contract/duty-handover';
import { useOrderNames } from '../../../orders/display/useOrderNames';

/** Open orders by state, and how many in all. */
export function OrdersByState({ orders }: { orders: HandoverSummary['orders'] }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  return orders.openTotal === 0 ? (
    <Typography.Text type="secondary">{t('duty.summary.byStateNone')}</Typography.Text>
  ) : (
    <Flex gap={4} wrap align="center" data-testid="handover-by-state">
      {orders.byState.map((s) => (
        <Tag key={s.state}>
          {names.state(s.state)} {s.count}
        </Tag>
      ))}
      <Typography.Text strong>{t('duty.summary.openTotal', { count: orders.openTotal })}</Typography.Text>
    </Flex>
  );
}

/** The checklist as answered: done or not, with the outgoing chief's note. */
export function ChecklistAnswers({ checklist }: { checklist: HandoverSummary['checklist'] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {checklist.map((c) => (
        <span key={c.id} data-testid="handover-check" data-done={c.done}>
          <Tag color={c.done ? 'green' : 'red'}>{c.done ? t('duty.summary.yes') : t('duty.summary.no')}</Tag>
          {c.label}
          {c.note !== '' && <Typography.Text type="secondary">（{c.note}）</Typography.Text>}
        </span>
      ))}
    </Flex>
  );
}
