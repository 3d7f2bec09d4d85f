import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFilter } from '../../../../common/contract';
import { ORDER_STATES, type OrderState } from '../../../../common/domain/orders/states';
import { useOrderNames } from '../display/useOrderNames';
import { IncidentFilterSelect } from '../incidents/IncidentFilterSelect';
import { useOrderReference } from '../reference/useOrderReference';
import { fieldsOf } from './filterFields';
import { OrderPlaceFilters, OrderStatusFilters } from './OrderFilterSelects';
import type { OrderFilterFields, OrderListQuery } from './query';
import { useOrderFilterFields, type SetFilterField } from './useOrderFilterFields';

/** The parts a link sets that have no control of their own (drills, approvals), as removable tags. */
function LinkedTags({ fields, set }: { fields: OrderFilterFields; set: SetFilterField }) {
  const { t } = useTranslation();
  const request = (r: 'extension' | 'park' | 'return') => t(`inbox.request.${r}`);
  return (
    <>
      {fields.drill !== undefined && (
        <Tooltip title={t('orders.filter.linkedHint')}>
          <Tag closable data-testid="order-filter-drill" onClose={() => set('drill', undefined)} style={{ margin: 0 }}>
            {fields.drill ? t('orders.filter.onlyDrills') : t('orders.filter.noDrills')}
          </Tag>
        </Tooltip>
      )}
      {fields.approval !== undefined && (
        <Tooltip title={t('orders.filter.linkedHint')}>
          <Tag
            closable
            color="orange"
            data-testid="order-filter-approval"
            onClose={() => set('approval', undefined)}
            style={{ margin: 0 }}
          >
            {fields.approval === 'any'
              ? t('orders.filter.approvalAny')
              : t('orders.filter.approval', { request: request(fields.approval) })}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

/**
 * Every control applies at once (text after a short pause); the list and the export follow.
 * `initial`: a filter opened by a link (filterLink.ts), shown in the controls it maps to.
 */
export function OrderFilterBar({
  onChange,
  initial = {},
}: {
  onChange: (filter: OrderListQuery['filter']) => void;
  initial?: OrderFilter;
}) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const ref = useOrderReference();
  const [start] = useState(() => ({ fields: fieldsOf(initial, ref.categoryById), text: initial.text ?? '' }));
  const { fields, set, text, setText, applyNow, reset } = useOrderFilterFields(onChange, start);
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
      <LinkedTags fields={fields} set={set} />
      <Button data-testid="order-filter-reset" onClick={reset}>
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
