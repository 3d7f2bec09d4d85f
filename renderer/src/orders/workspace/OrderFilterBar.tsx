import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORDER_STATES, type OrderState } from '../../../../common/domain/orders/states';
import { useOrderNames } from '../display/useOrderNames';
import { IncidentFilterSelect } from '../incidents/IncidentFilterSelect';
import { OrderPlaceFilters, OrderStatusFilters } from './OrderFilterSelects';
import type { OrderListQuery } from './query';
import { useOrderFilterFields } from './useOrderFilterFields';

/** Every control applies at once (text after a short pause); the list and the export follow. */
export function OrderFilterBar({ onChange }: { onChange: (filter: OrderListQuery['filter']) => void }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const { fields, set, text, setText, applyNow, reset } = useOrderFilterFields(onChange);
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="order-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('orders.filter.search')}
        style={{ width: 240 }}
        value={text}
        data-testid="order-search"
        onChange={(e) => {
          setText(e.target.value);
        }}
        // Enter applies at once, without waiting for the pause.
        onPressEnter={applyNow}
      />
      <Select<OrderState[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('orders.filter.states')}
        style={{ width: 220 }}
        value={fields.states ?? []}
        data-testid="order-filter-states"
        options={ORDER_STATES.map((s) => ({ value: s, label: names.state(s) }))}
        onChange={(v) => {
          set('states', v);
        }}
      />
      <OrderPlaceFilters fields={fields} set={set} />
      <OrderStatusFilters fields={fields} set={set} />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('orders.filter.createdFrom'), t('orders.filter.createdTo')]}
        style={{ width: 250 }}
        value={fields.range ?? null}
        data-testid="order-filter-range"
        onChange={(v) => {
          set('range', v);
        }}
      />
      <IncidentFilterSelect
        value={fields.incidentId}
        onChange={(v) => {
          set('incidentId', v);
        }}
      />
      <Button data-testid="order-filter-reset" onClick={reset}>
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
