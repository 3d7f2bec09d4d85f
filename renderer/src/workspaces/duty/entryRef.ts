import { useTranslation } from 'react-i18next';
import type { PendingAssigned } from '../../../../common/contract/duty-handover';
import type { DutyEntryRef } from '../../../../common/contract/duty-log';
import { defaultShiftName, entryNo, entryRefLabel } from '../../../../common/domain/duty/entry-ref';

/**
 * Entry numbers as people say them, in the UI language: 第3条 within the shift shown, 12-01 早班
 * 第3条 for an entry of another shift (common/domain/duty/entry-ref.ts). Never the global id.
 */
export function useEntryLabels() {
  const { i18n } = useTranslation();
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  return {
    no: (seq: number) => entryNo(seq, language),
    ref: (ref: DutyEntryRef, fromShiftId: number | null) =>
      entryRefLabel(ref, fromShiftId, (code) => defaultShiftName(code, language), language),
    /**
     * A 交办事项 of a handover summary: its number alone when it is of the summarised shift, with its
     * shift when carried from an earlier one; summaries frozen before per-shift numbers keep the id.
     */
    assigned: (p: PendingAssigned, shift: { date: string; code: string }) => {
      if (!p.ref) return `#${p.entryId}`;
      const same = p.ref.shiftDate === shift.date && p.ref.shiftCode === shift.code;
      return entryRefLabel(p.ref, same ? p.ref.shiftId : null, (code) => defaultShiftName(code, language), language);
    },
  };
}
