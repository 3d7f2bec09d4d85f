import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto, ShiftTemplateDto } from '../../../../../common/contract';
import { defaultPattern } from '../../../../../common/domain/duty/shift-templates';
import { methodKey, useApiMutation } from '../../../api';
import { problemShiftCodes } from './hubErrorDetails';

export interface DraftShift extends ShiftTemplateDto {
  /** Row key; a new shift has no code until the editor types one. */
  key: string;
  /** Saved shifts keep their code: the roster refers to shifts by it. */
  isNew: boolean;
}

/** Saved shifts are keyed by their code (unique in a pattern), so rows keep their inputs across renders. */
const draftOf = (shifts: readonly ShiftTemplateDto[]): DraftShift[] =>
  shifts.map((s) => ({ ...s, key: `saved:${s.code}`, isNew: false }));

/**
 * The pattern being edited (null while unchanged) and its save. Every edit clears the last save
 * error, whose outlined shifts would no longer match what is shown.
 */
export function usePatternDraft(pattern: DutyPatternDto | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DraftShift[] | null>(null);
  const save = useApiMutation('duty.pattern.set', {
    invalidates: ['duty.pattern.get', 'duty.roster.week', 'duty.roster.month', 'duty.onDuty'],
    onSuccess: (saved) => {
      // The saved pattern replaces the draft at once: waiting for the refetch would show the old
      // pattern for a moment, and an edit typed then would start from it.
      queryClient.setQueryData(methodKey('duty.pattern.get', { orgUnitId: saved.orgUnitId }), saved);
      setDraft(null);
      void message.success(t('common.saved'));
    },
  });
  const newKeys = useRef(0);
  const saved = useMemo(() => (pattern ? draftOf(pattern.shifts) : []), [pattern]);
  const rows = draft ?? saved;
  const faulty = save.error ? problemShiftCodes(save.error.body.details) : new Set<string>();
  const change = (next: DraftShift[] | null) => {
    setDraft(next);
    save.reset();
  };
  const edit = (key: string, patch: Partial<ShiftTemplateDto>) => {
    change(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const remove = (key: string) => {
    change(rows.filter((x) => x.key !== key));
  };
  const add = () => {
    newKeys.current += 1;
    const blank = { code: '', name: '', nameEn: '', start: '', end: '', kind: 'duty' } as const;
    change([...rows, { ...blank, key: `new:${newKeys.current}`, isNew: true }]);
  };
  const loadDefault = (orgKind: DutyPatternDto['orgKind']) => {
    change(draftOf(defaultPattern(orgKind).shifts));
  };
  const submit = () => {
    if (!pattern) return;
    save.mutate({
      orgUnitId: pattern.orgUnitId,
      shifts: rows.map(({ key: _key, isNew: _isNew, ...s }) => ({ ...s, code: s.code.trim() })),
    });
  };
  const discard = () => {
    change(null);
  };
  return { draft, rows, faulty, save, edit, remove, add, loadDefault, discard, submit };
}

export type PatternDraft = ReturnType<typeof usePatternDraft>;
