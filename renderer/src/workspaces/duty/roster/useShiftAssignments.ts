import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterShiftDto } from '../../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../../api';

/** Views a roster edit makes stale (other windows hear `duty.changed`). */
const ROSTER_VIEWS = ['duty.roster.week', 'duty.roster.month', 'duty.onDuty'] as const;

/**
 * The shift editor's choice of post and person, the unit's people, and the calls that put a person
 * on a post or take one off; a new choice or call clears the last refusal.
 */
export function useShiftAssignments(unitId: string, shift: RosterShiftDto | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [postCode, setPostCode] = useState<string | undefined>(undefined);
  const [userId, setUserId] = useState<number | undefined>(undefined);
  const people = useApiQuery('duty.roster.people', { orgUnitId: unitId }, { enabled: shift !== undefined });
  const assign = useApiMutation('duty.roster.assign', {
    invalidates: ROSTER_VIEWS,
    onSuccess: (saved) => {
      setUserId(undefined);
      void message.success(t('roster.assign.done', { name: saved.userName }));
    },
  });
  const unassign = useApiMutation('duty.roster.unassign', {
    invalidates: ROSTER_VIEWS,
    onSuccess: () => {
      void message.success(t('roster.assign.removed'));
    },
  });
  const error = assign.error ?? unassign.error;
  const resetErrors = () => {
    assign.reset();
    unassign.reset();
  };
  const choosePost = (code: string) => {
    setPostCode(code);
    resetErrors();
  };
  const choosePerson = (id: number) => {
    setUserId(id);
    resetErrors();
  };
  const submit = () => {
    if (!shift || postCode === undefined || userId === undefined) return;
    assign.mutate({ orgUnitId: unitId, date: shift.date, shiftCode: shift.code, postCode, userId });
  };
  const remove = (id: number) => {
    resetErrors();
    unassign.mutate({ id });
  };
  const clear = () => {
    setPostCode(undefined);
    setUserId(undefined);
    resetErrors();
  };
  return { postCode, userId, people, assign, unassign, error, choosePost, choosePerson, submit, remove, clear };
}

export type ShiftAssignments = ReturnType<typeof useShiftAssignments>;
