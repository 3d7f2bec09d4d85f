import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workstationGroups } from '../reference/options';
import { useOrderReference } from '../reference/useOrderReference';

/** The 村 / 居委 where the problem is, typed by name (海塘 → 海塘村), grouped by grid; optional. */
export function WorkstationSelect({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const options = useMemo(() => workstationGroups(ref.grids, ref.workstations), [ref.grids, ref.workstations]);
  const [search, setSearch] = useState('');
  return (
    <Select<string>
      id={id}
      // No clear button: it would be one more Tab stop. Delete / Backspace on an empty search clears.
      showSearch={{ optionFilterProp: 'label', onSearch: setSearch }}
      onKeyDown={(e) => {
        if ((e.key === 'Delete' || e.key === 'Backspace') && search === '' && value) onChange?.(null);
      }}
      placeholder={t('intake.workstationPlaceholder')}
      loading={!ref.ready}
      value={value ?? undefined}
      onChange={(v: string | undefined) => {
        setSearch('');
        onChange?.(v ?? null);
      }}
      options={options}
      data-testid="intake-workstation"
    />
  );
}
