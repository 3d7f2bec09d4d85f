import { Button, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '../../../../../common/contract';
import { UrgencyTag } from '../../../orders/display/UrgencyTag';
import { categoryPath, useOrderReference } from '../../../orders/reference/useOrderReference';
import { LimitMinutesCell } from './LimitMinutesCell';
import { timeLimitKey, type TimeLimitsEditor } from './useTimeLimitsEditor';

export const TIME_LIMIT_MODES: readonly TimeLimit['mode'][] = ['natural', 'working'];

/** The limits table's columns: minutes and mode edited in place, saved per row. */
export function useTimeLimitColumns({ drafts, edit, save }: TimeLimitsEditor): TableColumnsType<TimeLimit> {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const categoryLabel = (id: string) => {
    if (id === '*') return t('sla.allCategories');
    const c = ref.categoryById.get(id);
    return c ? categoryPath(c, ref.categoryById) : id;
  };
  return [
    { key: 'category', title: t('sla.column.category'), render: (_, l) => categoryLabel(l.categoryId) },
    {
      key: 'urgency',
      title: t('orders.column.urgency'),
      width: 90,
      render: (_, l) => <UrgencyTag urgency={l.urgency} />,
    },
    {
      key: 'minutes',
      title: t('sla.column.minutes'),
      width: 260,
      render: (_, l) => (
        <LimitMinutesCell
          draft={drafts[timeLimitKey(l)] ?? l}
          edit={(patch) => {
            edit(l, patch);
          }}
        />
      ),
    },
    {
      key: 'mode',
      title: t('sla.column.mode'),
      width: 150,
      render: (_, l) => (
        <Select<TimeLimit['mode']>
          value={(drafts[timeLimitKey(l)] ?? l).mode}
          style={{ width: 130 }}
          data-testid="sla-limit-mode"
          options={TIME_LIMIT_MODES.map((m) => ({ value: m, label: t(`sla.mode.${m}`) }))}
          onChange={(mode) => {
            edit(l, { mode });
          }}
        />
      ),
    },
    {
      key: 'save',
      title: t('common.actions'),
      width: 90,
      render: (_, l) => {
        const draft = drafts[timeLimitKey(l)];
        const dirty = draft !== undefined && (draft.minutes !== l.minutes || draft.mode !== l.mode);
        return (
          <Button
            size="small"
            type={dirty ? 'primary' : 'default'}
            disabled={!dirty}
            loading={
              save.isPending && save.variables.categoryId === l.categoryId && save.variables.urgency === l.urgency
            }
            data-testid="sla-limit-save"
            onClick={() => {
              if (draft) save.mutate(draft);
            }}
          >
            {t('common.save')}
          </Button>
        );
      },
    },
  ];
}
