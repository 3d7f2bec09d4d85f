import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { handlerGroups } from '../reference/options';
import { useOrderReference } from '../reference/useOrderReference';

/** Stations, departments and village workstations in one searchable list; the value is `kind:id`. */
export function HandlerPicker({ value, onChange }: { value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const options = useMemo(
    () =>
      handlerGroups(
        {
          stations: t('orders.handlerGroup.stations'),
          departments: t('orders.handlerGroup.departments'),
          workstations: t('orders.handlerGroup.workstations'),
        },
        ref.stations,
        ref.workstations,
        ref.departments,
      ),
    [t, ref.stations, ref.workstations, ref.departments],
  );
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('orders.act.handlerPlaceholder')}
      loading={!ref.ready}
      value={value}
      onChange={onChange}
      options={options}
      data-testid="act-handler"
    />
  );
}
