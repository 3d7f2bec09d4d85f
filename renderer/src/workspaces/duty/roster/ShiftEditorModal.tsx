import { Divider, Flex, Modal } from 'antd';
import type { DutyPatternDto, RosterShiftDto } from '../../../../../common/contract';
import { dayjs } from '../../../time/dayjs';
import { HubErrorAlert } from './HubErrorAlert';
import { ShiftAssignBar } from './ShiftAssignBar';
import { ShiftPostHolders } from './ShiftPostHolders';
import { useDutyNames } from './useDutyNames';
import { useShiftAssignments } from './useShiftAssignments';

export interface ShiftEditorModalProps {
  unitId: string;
  pattern: DutyPatternDto;
  /** The shift being edited, from the current week: updates live as the roster changes. */
  shift: RosterShiftDto | undefined;
  onClose: () => void;
}

/**
 * Who is on which post in one shift: take people off, put people on. The hub checks every
 * assignment (one person on two overlapping posts, a full post, a person of another unit) and
 * its refusal is shown here, in the chief's words.
 */
export function ShiftEditorModal({ unitId, pattern, shift, onClose }: ShiftEditorModalProps) {
  const names = useDutyNames();
  const state = useShiftAssignments(unitId, shift);
  const title = shift
    ? `${shift.date} ${dayjs(shift.date).format('ddd')} · ${names.name(shift)} ${names.hours(shift)}`
    : '';
  return (
    <Modal
      open={shift !== undefined}
      title={title}
      onCancel={onClose}
      footer={null}
      width={620}
      destroyOnHidden
      afterClose={state.clear}
    >
      {shift && (
        <Flex vertical gap={10} data-testid="shift-editor" data-date={shift.date} data-shift={shift.code}>
          {pattern.posts.map((post) => (
            <ShiftPostHolders key={post.code} post={post} shift={shift} state={state} />
          ))}
          <Divider style={{ margin: '4px 0' }} />
          <ShiftAssignBar pattern={pattern} state={state} />
          <HubErrorAlert error={state.error} testId="shift-editor-error" />
        </Flex>
      )}
    </Modal>
  );
}
