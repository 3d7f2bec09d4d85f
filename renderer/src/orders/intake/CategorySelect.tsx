import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryPath, useOrderReference } from '../reference/useOrderReference';

interface Option {
  value: string;
  label: string;
  /** Everything a search may hit: codes, names, the domain. */
  search: string;
}

/**
 * Chosen by typing: a code (02002), a name (井盖) or both. Orders take a sub-category or an item,
 * never a whole domain; each option reads "02002 公共设施损坏缺失 › 井盖".
 */
export function CategorySelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const options = useMemo<Option[]>(
    () =>
      ref.categories
        .filter((c) => c.level >= 2)
        .map((c) => {
          const domain = ref.categoryById.get(c.id.slice(0, 2));
          const label = categoryPath(c, ref.categoryById);
          return { value: c.id, label, search: `${label} ${domain?.name ?? ''} ${c.nameEn ?? ''}`.toLowerCase() };
        }),
    [ref.categories, ref.categoryById],
  );
  return (
    <Select<string, Option>
      id={id}
      showSearch={{
        filterOption: (input, option) =>
          input
            .toLowerCase()
            .split(/\s+/)
            .filter(Boolean)
            .every((term) => option?.search.includes(term) ?? false),
      }}
      placeholder={t('intake.categoryPlaceholder')}
      loading={!ref.ready}
      value={value}
      onChange={onChange}
      options={options}
      data-testid="intake-category"
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}
