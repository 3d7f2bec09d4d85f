import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverOrder } from '../../../../../common/contract/duty-handover';
import { useOrderNames } from '../../../orders/display/useOrderNames';
import { openOrder } from '../../../orders/drawer/store';
import { formatDateTime } from '../../../time/dayjs';

/** Some of the summary's orders, each opening its drawer, and how many more there are. */
export function OrderLinks({ rows, total, testId }: { rows: readonly HandoverOrder[]; total: number; testId: string }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  if (total === 0) return <Typography.Text type="secondary">{t('duty.summary.none')}</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid={testId}>
      {rows.map((o) => (
        <Typography.Link
          key={o.id}
          onClick={() => {
            openOrder(o.id);
          }}
        >
          {o.code} {o.title}（{names.state(o.state)}
          {o.deadlineAt !== null ? `，${t('duty.summary.deadline', { at: formatDateTime(o.deadlineAt) })}` : ''}）
        </Typography.Link>
      ))}
      {total > rows.length && (
        <Typography.Text type="secondary">{t('duty.summary.more', { count: total - rows.length })}</Typography.Text>
      )}
    </Flex>
  );
}
