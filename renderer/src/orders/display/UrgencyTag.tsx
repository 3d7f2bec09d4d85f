import { Tag } from 'antd';
import type { Urgency } from '../../../../common/domain/orders/states';
import { useOrderNames } from './useOrderNames';

const COLORS: Record<Urgency, string | undefined> = { normal: undefined, urgent: 'orange', critical: 'red' };

/** 特急 stands out in red, 紧急 in orange; 一般 stays quiet. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const names = useOrderNames();
  return (
    <Tag color={COLORS[urgency]} data-testid="order-urgency" data-urgency={urgency} style={{ marginInlineEnd: 0 }}>
      {names.urgency(urgency)}
    </Tag>
  );
}
