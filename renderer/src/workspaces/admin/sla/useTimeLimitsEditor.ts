import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '../../../../../common/contract';
import { URGENCIES, type Urgency } from '../../../../../common/domain/orders/states';
import { useApiMutation, useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';

export const timeLimitKey = (l: { categoryId: string; urgency: Urgency }) => `${l.categoryId}|${l.urgency}`;

/** The limits list, the unsaved edits per row, and the one save call both the rows and the add form use. */
export function useTimeLimitsEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const limits = useApiQuery('sla.limits.list', {});
  const [drafts, setDrafts] = useState<Record<string, TimeLimit>>({});
  const save = useApiMutation('sla.limits.set', {
    invalidates: ['sla.limits.list'],
    onSuccess: (saved) => {
      setDrafts((d) => {
        const { [timeLimitKey(saved)]: _saved, ...rest } = d;
        return rest;
      });
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
  const rows = useMemo(
    () =>
      [...(limits.data ?? [])].sort(
        (a, b) =>
          (a.categoryId === '*' ? -1 : b.categoryId === '*' ? 1 : a.categoryId.localeCompare(b.categoryId)) ||
          URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency),
      ),
    [limits.data],
  );
  const edit = (l: TimeLimit, patch: Partial<TimeLimit>) => {
    setDrafts((d) => ({ ...d, [timeLimitKey(l)]: { ...(d[timeLimitKey(l)] ?? l), ...patch } }));
  };
  return { limits, rows, drafts, edit, save };
}

export type TimeLimitsEditor = ReturnType<typeof useTimeLimitsEditor>;
