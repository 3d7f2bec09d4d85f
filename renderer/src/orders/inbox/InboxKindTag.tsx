import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../common/contract';

const COLORS = {
  approval: 'gold',
  supervision: 'volcano',
  dispatched: 'blue',
  verify: 'cyan',
  feedback: 'purple',
} as const;

/** What an item asks for: the request type for an approval, else the kind. */
export function InboxKindTag({ item }: { item: Pick<InboxItem, 'kind' | 'request'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[item.kind]} style={{ marginInlineEnd: 0 }} data-testid="inbox-kind" data-kind={item.kind}>
      {item.request ? t(`inbox.request.${item.request}`) : t(`inbox.kind.${item.kind}`)}
    </Tag>
  );
}
