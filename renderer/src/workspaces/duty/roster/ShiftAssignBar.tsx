import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto } from '../../../../../common/contract';
import { useRoleName } from '../../../i18n/useDisplay';
import type { ShiftAssignments } from './useShiftAssignments';
import { useDutyNames } from './useDutyNames';

/** Put a person of the unit on a post of the shift. */
export function ShiftAssignBar({ pattern, state }: { pattern: DutyPatternDto; state: ShiftAssignments }) {
  const { t } = useTranslation();
  const names = useDutyNames();
  const roleName = useRoleName();
  const { postCode, userId, people } = state;
  return (
    <Flex gap={8} wrap align="center">
      {/* The editor opens on its first field: pick the post, Tab to the person. */}
      <Select<string>
        autoFocus
        placeholder={t('roster.assign.post')}
        value={postCode}
        style={{ width: 170 }}
        data-testid="shift-editor-post-select"
        options={pattern.posts.map((p) => ({ value: p.code, label: names.name(p) }))}
        onChange={state.choosePost}
      />
      <Select<number>
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('roster.assign.person')}
        value={userId}
        style={{ width: 240 }}
        loading={people.isPending}
        data-testid="shift-editor-person-select"
        notFoundContent={people.error ? t('common.loadFailed') : undefined}
        options={(people.data ?? []).map((p) => ({
          value: p.id,
          label: `${p.displayName}（${p.roles.map(roleName).join('、') || t('common.none')}）`,
        }))}
        onChange={state.choosePerson}
      />
      <Button
        type="primary"
        disabled={postCode === undefined || userId === undefined}
        loading={state.assign.isPending}
        data-testid="shift-editor-assign"
        onClick={state.submit}
      >
        {t('roster.assign.submit')}
      </Button>
    </Flex>
  );
}
