import { Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFilter } from '../../../../common/contract';
import { ordersLink } from '../../orders/workspace/filterLink';

/**
 * A number of the overview: a link to the order list filtered to exactly the orders it counts
 * (drills left out, as in the count).
 */
export function CountLink({
  count,
  filter,
  testId,
  style,
}: {
  count: number;
  filter: OrderFilter;
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('overview.toOrders')} mouseEnterDelay={0.6}>
      <Typography.Link
        className="tabular"
        href={`#${ordersLink({ ...filter, drill: false })}`}
        data-testid={testId}
        data-count={count}
        style={style}
      >
        {count}
      </Typography.Link>
    </Tooltip>
  );
}
