import { Button, Flex, InputNumber, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '../../../../../common/contract';
import { URGENCIES, type Urgency } from '../../../../../common/domain/orders/states';
import { useOrderNames } from '../../../orders/display/useOrderNames';
import { useOrderReference } from '../../../orders/reference/useOrderReference';
import { TIME_LIMIT_MODES } from './timeLimitColumns';
import type { TimeLimitsEditor } from './useTimeLimitsEditor';

/** The row under the table that adds a limit for a category × urgency not listed yet. */
export function AddTimeLimitForm({ save }: { save: TimeLimitsEditor['save'] }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const ref = useOrderReference();
  const [adding, setAdding] = useState<Partial<TimeLimit>>({ urgency: 'normal', mode: 'working', minutes: 24 * 60 });
  const categoryOptions = useMemo(
    () => [
      { value: '*', label: t('sla.allCategories') },
      ...ref.categories.map((c) => ({ value: c.id, label: `${c.id} ${c.name}` })),
    ],
    [ref.categories, t],
  );
  const canAdd = adding.categoryId && adding.urgency && adding.minutes && adding.mode;
  return (
    <Flex align="center" gap={8} wrap data-testid="sla-limit-add">
      <Typography.Text>{t('sla.addLimit')}</Typography.Text>
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('sla.column.category')}
        style={{ width: 260 }}
        value={adding.categoryId}
        options={categoryOptions}
        data-testid="sla-add-category"
        onChange={(categoryId) => {
          setAdding((a) => ({ ...a, categoryId }));
        }}
      />
      <Select<Urgency>
        style={{ width: 100 }}
        value={adding.urgency}
        options={URGENCIES.map((u) => ({ value: u, label: names.urgency(u) }))}
        data-testid="sla-add-urgency"
        onChange={(urgency) => {
          setAdding((a) => ({ ...a, urgency }));
        }}
      />
      <InputNumber
        min={10}
        max={60 * 24 * 90}
        precision={0}
        value={adding.minutes}
        style={{ width: 110 }}
        data-testid="sla-add-minutes"
        onChange={(minutes) => {
          setAdding((a) => ({ ...a, minutes: minutes ?? undefined }));
        }}
      />
      <Select<TimeLimit['mode']>
        style={{ width: 130 }}
        value={adding.mode}
        options={TIME_LIMIT_MODES.map((m) => ({ value: m, label: t(`sla.mode.${m}`) }))}
        data-testid="sla-add-mode"
        onChange={(mode) => {
          setAdding((a) => ({ ...a, mode }));
        }}
      />
      <Button
        disabled={!canAdd}
        data-testid="sla-add-submit"
        onClick={() => {
          if (adding.categoryId && adding.urgency && adding.minutes && adding.mode) {
            save.mutate({
              categoryId: adding.categoryId,
              urgency: adding.urgency,
              minutes: adding.minutes,
              mode: adding.mode,
            });
          }
        }}
      >
        {t('sla.add')}
      </Button>
    </Flex>
  );
}
