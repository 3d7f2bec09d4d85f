import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto, RosterShiftDto } from '../../../../../common/contract';
import { PersonChip } from './PersonChip';
import type { ShiftAssignments } from './useShiftAssignments';
import { useDutyNames } from './useDutyNames';

type Post = DutyPatternDto['posts'][number];

/** One post of the shift: who holds it, each removable (after confirming) unless already checked in. */
export function ShiftPostHolders({
  post,
  shift,
  state,
}: {
  post: Post;
  shift: RosterShiftDto;
  state: ShiftAssignments;
}) {
  const { t } = useTranslation();
  const names = useDutyNames();
  const { unassign } = state;
  const holders = shift.assignments.filter((a) => a.postCode === post.code);
  return (
    <Flex align="flex-start" gap={12} data-testid="shift-editor-post" data-post={post.code}>
      <span style={{ width: 120, flex: 'none', color: '#aab6c8' }}>
        {names.name(post)}
        {post.seats > 1 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            ({holders.length}/{post.seats})
          </Typography.Text>
        )}
      </span>
      <Flex vertical gap={4} style={{ flex: 1 }}>
        {holders.length === 0 && <Typography.Text type="secondary">{t('roster.assign.empty')}</Typography.Text>}
        {holders.map((a) => (
          <Flex key={a.id} align="center" gap={8}>
            <PersonChip entry={a} />
            {a.checkedInAt !== null ? (
              <Tooltip title={t('roster.assign.checkedInKept')}>
                <Button size="small" type="text" icon={<DeleteOutlined />} disabled />
              </Tooltip>
            ) : (
              <Popconfirm
                title={t('roster.assign.removeConfirm', { name: a.userName, post: names.name(post) })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => {
                  state.remove(a.id);
                }}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('roster.assign.remove')}
                  data-testid="shift-editor-remove"
                  data-user={a.userId}
                  loading={unassign.isPending && unassign.variables.id === a.id}
                />
              </Popconfirm>
            )}
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
