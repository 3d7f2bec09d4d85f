import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto, RosterShiftDto } from '../../../../../common/contract';
import { PersonChip } from './PersonChip';
import { postName, useDutyNames } from './useDutyNames';

/** One shift on one day: its people by post, a warning when a duty shift has no chief. */
export function WeekCell({
  shift,
  pattern,
  chiefPost,
  editable,
}: {
  shift: RosterShiftDto | undefined;
  pattern: DutyPatternDto;
  chiefPost: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const names = useDutyNames();
  if (!shift) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const hasChief = shift.assignments.some((a) => a.postCode === chiefPost);
  return (
    <Flex vertical gap={2} style={{ minHeight: 44 }}>
      {shift.assignments.map((a) => (
        <PersonChip key={a.id} entry={a} postLabel={postName(pattern.posts, a.postCode, names.name)} />
      ))}
      {!hasChief && shift.kind === 'duty' && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="roster-no-chief">
          <WarningOutlined /> {t('roster.week.noChief', { post: postName(pattern.posts, chiefPost, names.name) })}
        </Typography.Text>
      )}
      {editable && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <PlusOutlined /> {t('roster.week.edit')}
        </Typography.Text>
      )}
    </Flex>
  );
}
