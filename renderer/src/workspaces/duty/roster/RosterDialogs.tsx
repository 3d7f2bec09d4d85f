import type { DutyPatternDto, RosterShiftDto } from '../../../../../common/contract';
import { CopyWeekModal } from './CopyWeekModal';
import { PatternDrawer } from './PatternDrawer';
import { ShiftEditorModal } from './ShiftEditorModal';

/** The roster's editors: one shift's posts, copying a week forward, the unit's shift pattern. */
export function RosterDialogs({
  unit,
  pattern,
  editingShift,
  onCloseShift,
  copying,
  onCloseCopy,
  patternOpen,
  patternEditable,
  onClosePattern,
}: {
  unit: { id: string; name: string };
  pattern: DutyPatternDto | undefined;
  /** The shift being edited (only for those who may edit the roster). */
  editingShift: RosterShiftDto | undefined;
  onCloseShift: () => void;
  /** The Monday of the week being copied. */
  copying: string | null;
  onCloseCopy: () => void;
  patternOpen: boolean;
  patternEditable: boolean;
  onClosePattern: () => void;
}) {
  return (
    <>
      {pattern && <ShiftEditorModal unitId={unit.id} pattern={pattern} shift={editingShift} onClose={onCloseShift} />}
      <CopyWeekModal unitId={unit.id} unitName={unit.name} monday={copying} onClose={onCloseCopy} />
      <PatternDrawer
        pattern={pattern}
        unitName={unit.name}
        open={patternOpen}
        editable={patternEditable}
        onClose={onClosePattern}
      />
    </>
  );
}
