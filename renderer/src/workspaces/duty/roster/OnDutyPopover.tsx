import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnDuty } from '../../../../../common/contract';
import { PersonChip } from './PersonChip';
import { useDutyNames } from './useDutyNames';

/** Every post of the current shift with who is on it and whether they have checked in. */
export function OnDutyPopover({ onDuty, lateIds }: { onDuty: OnDuty; lateIds: ReadonlySet<number> }) {
  const { t } = useTranslation();
  const names = useDutyNames();
  if (!onDuty.shift) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roster.status.noShift')} />;
  }
  return (
    <Flex vertical gap={6} style={{ minWidth: 300 }} data-testid="on-duty-popover">
      {onDuty.posts.map((post) => (
        <Flex key={post.code} gap={12} align="flex-start" data-testid="on-duty-post" data-post={post.code}>
          <span style={{ width: 96, flex: 'none', color: '#8393aa' }}>{names.name(post)}</span>
          <Flex vertical gap={2}>
            {post.people.length === 0 ? (
              <Typography.Text type="secondary">{t('roster.status.vacant')}</Typography.Text>
            ) : (
              post.people.map((e) => <PersonChip key={e.id} entry={e} late={lateIds.has(e.id)} />)
            )}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
