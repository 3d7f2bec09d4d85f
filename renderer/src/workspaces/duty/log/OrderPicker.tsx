import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api';
import { useDebounced } from '../../../components/useDebounced';

export interface PickedOrder {
  id: number;
  label: string;
}

/** Finds orders by code or Chinese keywords (the order search) and picks those to link to an entry. */
export function OrderPicker({ value, onChange }: { value: PickedOrder[]; onChange: (orders: PickedOrder[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const text = useDebounced(search.trim(), 250);
  const found = useApiQuery(
    'orders.list',
    { filter: { text }, sort: 'created_desc', cursor: null, limit: 10 },
    { enabled: text.length >= 2, placeholderData: (previous) => previous },
  );
  const results =
    text.length >= 2 ? (found.data?.rows ?? []).map((o) => ({ id: o.id, label: `${o.code} ${o.title}` })) : [];
  const options = [...value, ...results.filter((r) => !value.some((v) => v.id === r.id))].map((o) => ({
    value: o.id,
    label: o.label,
  }));
  return (
    <Select<number[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('duty.compose.ordersPlaceholder')}
      loading={found.isFetching}
      value={value.map((v) => v.id)}
      options={options}
      onChange={(ids) => {
        const all = [...value, ...results];
        onChange(ids.flatMap((id) => all.find((o) => o.id === id) ?? []));
      }}
      style={{ minWidth: 320 }}
      data-testid="duty-order-picker"
    />
  );
}
