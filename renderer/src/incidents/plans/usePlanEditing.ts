import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, PlanDto } from '../../../../common/contract';
import type { IncidentLevel } from '../../../../common/domain/incidents';
import { useApiMutation, useApiQuery } from '../../api';
import { useBilingual } from '../../i18n/useDisplay';
import { draftProblems, sameDraft, toDraft, toInput, type PlanDraft } from './draft';
import { problemText } from './fieldLabel';
import { serverErrors } from './serverErrors';
import { useLeaveGuard } from './useLeaveGuard';

export interface Editing {
  type: PlanDto['type'];
  /** As saved (null: a new plan for a type that has none yet). */
  base: PlanDraft | null;
  draft: PlanDraft;
}

/**
 * The 应急预案 screen's state: the plans, the phone book and shared wall views they name, the plan
 * being edited (the first one, as saved, until one is picked), its problems (form checks and the
 * hub's answer), saving, discarding, and asking before unsaved changes are left.
 */
export function usePlanEditing() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { message, modal } = App.useApp();
  const plans = useApiQuery('incidents.plans.list', {});
  // The whole phone book names the contacts already in the plans (hundreds of rows; the hub caps it).
  const contacts = useApiQuery('contacts.search', {});
  const views = useApiQuery('wall.views.list', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [level, setLevel] = useState<IncidentLevel>('IV');
  const save = useApiMutation('incidents.plans.save', {
    invalidates: ['incidents.plans.list'],
    onSuccess: (plan) => {
      const saved = toDraft(plan);
      setEditing({ type: plan.type, base: saved, draft: saved });
      void message.success(t('incidentPlans.saved', { name: plan.name }));
    },
  });

  const list = useMemo(() => plans.data?.plans ?? [], [plans.data]);
  const known = useMemo(
    () => new Map<number, Contact>((contacts.data?.rows ?? []).map((c) => [c.id, c])),
    [contacts.data],
  );
  const shared = useMemo(() => (views.data?.rows ?? []).filter((v) => v.scope === 'shared'), [views.data]);
  // Until one is picked, the first plan is shown as saved.
  const current = useMemo<Editing | null>(() => {
    if (editing) return editing;
    const first = list[0];
    return first ? { type: first.type, base: toDraft(first), draft: toDraft(first) } : null;
  }, [editing, list]);
  const dirty = current !== null && (current.base === null || !sameDraft(current.base, current.draft));

  const draft = current?.draft;
  const problems = useMemo(() => (draft ? draftProblems(draft) : []), [draft]);
  const errors = useMemo(() => {
    const out = serverErrors(save.error, pick);
    for (const p of problems) if (!out.has(p.path)) out.set(p.path, problemText(p, t));
    return out;
  }, [save.error, pick, problems, t]);

  const confirmLeave = (leave: () => void) => {
    modal.confirm({
      title: t('incidentPlans.leaveTitle'),
      content: t('incidentPlans.leaveBody', { name: current?.draft.name ?? '' }),
      okText: t('incidentPlans.leaveOk'),
      okButtonProps: { danger: true, 'data-testid': 'plan-leave-ok' },
      cancelText: t('incidentPlans.stay'),
      cancelButtonProps: { 'data-testid': 'plan-leave-stay' },
      onOk: leave,
    });
  };
  useLeaveGuard(dirty, confirmLeave);

  /** Opens another plan, asking first when the current one has unsaved changes. */
  const open = (next: Editing) => {
    const go = () => {
      save.reset();
      setEditing(next);
      setLevel('IV');
    };
    if (dirty) confirmLeave(go);
    else go();
  };
  const change = (next: PlanDraft) => {
    if (!current) return;
    if (save.error) save.reset();
    setEditing({ ...current, draft: next });
  };
  const submit = () => {
    if (!current) return;
    if (problems.length > 0) {
      void message.error(t('incidentPlans.fixFirst'));
      return;
    }
    save.mutate(toInput(current.draft));
  };
  const discard = () => {
    if (!current) return;
    save.reset();
    if (current.base) setEditing({ ...current, draft: current.base });
    else setEditing(null);
  };
  return { plans, list, known, shared, current, dirty, errors, save, level, setLevel, open, change, submit, discard };
}
