import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';

/** Find the order to merge into by its code or words of its text (orders.list full-text search). */
export function ParentOrderPicker({
  excludeId,
  value,
  onChange,
}: {
  excludeId: number;
  value?: number;
  onChange?: (value: number) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const text = useDebounced(search.trim(), 250);
  const found = useApiQuery(
    'orders.list',
    { filter: { text }, sort: 'created_desc', cursor: null, limit: 20 },
    { enabled: text.length >= 2, placeholderData: (previous) => previous },
  );
  const options = (found.data?.rows ?? [])
    .filter((o) => o.id !== excludeId)
    .map((o) => ({ value: o.id, label: `${o.code} ${o.title}` }));
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('orders.act.parentPlaceholder')}
      notFoundContent={text.length >= 2 ? t('orders.act.parentNone') : t('orders.act.parentHint')}
      loading={found.isFetching}
      value={value}
      onChange={onChange}
      options={options}
      data-testid="act-parent"
    />
  );
}
