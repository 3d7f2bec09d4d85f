import { SearchOutlined } from '@ant-design/icons';
import { Button, Cascader, DatePicker, Flex, Input, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ORDER_STATES,
  SOURCES,
  URGENCIES,
  type OrderSource,
  type OrderState,
  type Urgency,
} from '../../../../common/domain/orders/states';
import { FEEDBACK_RESULTS, type FeedbackResult } from '../../../../common/domain/orders/feedback';
import { useDebounced } from '../../components/useDebounced';
import { useOrderNames } from '../display/useOrderNames';
import { categoryCascader, workstationGroups } from '../reference/options';
import { useOrderReference } from '../reference/useOrderReference';
import { IncidentFilterSelect } from '../incidents/IncidentFilterSelect';
import { toOrderFilter, type OrderFilterFields, type OrderListQuery } from './query';

const TEXT_DEBOUNCE_MS = 300;

/** Every control applies at once (text after a short pause); the list and the export follow. */
export function OrderFilterBar({ onChange }: { onChange: (filter: OrderListQuery['filter']) => void }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const ref = useOrderReference();
  const [fields, setFields] = useState<OrderFilterFields>({});
  const [text, setText] = useState('');
  const settledText = useDebounced(text, TEXT_DEBOUNCE_MS);

  const set = <K extends keyof OrderFilterFields>(key: K, value: OrderFilterFields[K]) => {
    setFields((f) => ({ ...f, [key]: value ?? undefined }));
  };

  useEffect(() => {
    onChange(toOrderFilter({ ...fields, text: settledText }));
  }, [fields, settledText, onChange]);

  const categoryOptions = useMemo(() => categoryCascader(ref.categories), [ref.categories]);
  const workstations = useMemo(() => {
    const grids = fields.stationId ? ref.grids.filter((g) => g.stationId === fields.stationId) : ref.grids;
    return workstationGroups(grids, ref.workstations);
  }, [ref.grids, ref.workstations, fields.stationId]);

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
        onPressEnter={() => {
          // Enter applies at once, without waiting for the pause.
          onChange(toOrderFilter({ ...fields, text }));
        }}
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
      <Cascader
        changeOnSelect
        allowClear
        showSearch
        placeholder={t('orders.filter.category')}
        style={{ width: 220 }}
        options={categoryOptions}
        value={fields.category}
        data-testid="order-filter-category"
        onChange={(v) => {
          set('category', v.map(String));
        }}
      />
      <Select<string>
        allowClear
        placeholder={t('orders.filter.station')}
        style={{ width: 130 }}
        value={fields.stationId}
        data-testid="order-filter-station"
        options={ref.stations.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(v) => {
          set('stationId', v);
        }}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('orders.filter.workstation')}
        style={{ width: 150 }}
        value={fields.workstationId}
        data-testid="order-filter-workstation"
        options={workstations}
        onChange={(v) => {
          set('workstationId', v);
        }}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('orders.filter.department')}
        style={{ width: 140 }}
        value={fields.departmentId}
        data-testid="order-filter-department"
        options={ref.departments.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(v) => {
          set('departmentId', v);
        }}
      />
      <Select<Urgency>
        allowClear
        placeholder={t('orders.filter.urgency')}
        style={{ width: 100 }}
        value={fields.urgency}
        data-testid="order-filter-urgency"
        options={URGENCIES.map((u) => ({ value: u, label: names.urgency(u) }))}
        onChange={(v) => {
          set('urgency', v);
        }}
      />
      <Select<'green' | 'yellow' | 'red'>
        allowClear
        placeholder={t('orders.filter.light')}
        style={{ width: 110 }}
        value={fields.light}
        data-testid="order-filter-light"
        options={(['green', 'yellow', 'red'] as const).map((l) => ({
          value: l,
          label: (
            <span>
              <span className="order-light" data-light={l} style={{ marginInlineEnd: 6 }} />
              {t(`orders.light.${l}`)}
            </span>
          ),
        }))}
        onChange={(v) => {
          set('light', v);
        }}
      />
      <Select<'yes' | 'no'>
        allowClear
        placeholder={t('orders.filter.supervised')}
        style={{ width: 110 }}
        value={fields.supervised}
        data-testid="order-filter-supervised"
        options={[
          { value: 'yes', label: t('orders.filter.supervisedYes') },
          { value: 'no', label: t('orders.filter.supervisedNo') },
        ]}
        onChange={(v) => {
          set('supervised', v);
        }}
      />
      <Select<OrderSource>
        allowClear
        placeholder={t('orders.filter.source')}
        style={{ width: 100 }}
        value={fields.source}
        data-testid="order-filter-source"
        options={SOURCES.map((s) => ({ value: s, label: names.source(s) }))}
        onChange={(v) => {
          set('source', v);
        }}
      />
      <Select<FeedbackResult>
        allowClear
        placeholder={t('place.feedback.filter')}
        style={{ width: 110 }}
        value={fields.feedbackResult}
        data-testid="order-filter-feedback"
        options={FEEDBACK_RESULTS.map((r) => ({ value: r, label: names.feedback(r) }))}
        onChange={(v) => {
          set('feedbackResult', v);
        }}
      />
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
      <Button
        data-testid="order-filter-reset"
        onClick={() => {
          setFields({});
          setText('');
        }}
      >
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
