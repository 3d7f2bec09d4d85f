import { Radio } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { URGENCIES, type Urgency } from '../../../../common/domain/orders/states';
import { useOrderNames } from '../display/useOrderNames';

/** 一般 / 紧急 / 特急: keys 1, 2, 3 pick directly; the arrow keys move as in any radio group. */
export function UrgencyPicker({
  value,
  onChange,
  id,
}: {
  value?: Urgency;
  onChange?: (value: Urgency) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const picked = URGENCIES[Number(e.key) - 1];
    if (picked && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      onChange?.(picked);
      // Focus follows the choice, so the arrow keys go on from there.
      e.currentTarget.querySelector<HTMLInputElement>(`input[value="${picked}"]`)?.focus();
    }
  };
  return (
    <div onKeyDown={onKeyDown} data-testid="intake-urgency" data-value={value ?? ''}>
      <Radio.Group
        id={id}
        // One name: the group is a single Tab stop and the arrow keys move inside it.
        name="urgency"
        optionType="button"
        buttonStyle="solid"
        value={value}
        onChange={(e) => onChange?.(e.target.value as Urgency)}
        aria-label={t('intake.urgency')}
        options={URGENCIES.map((u, i) => ({
          value: u,
          label: (
            <span data-testid={`intake-urgency-${u}`}>
              <kbd className="key-hint">{i + 1}</kbd> {names.urgency(u)}
            </span>
          ),
        }))}
      />
    </div>
  );
}
