import { Cascader, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_RESULTS, type FeedbackResult } from '../../../../common/domain/orders/feedback';
import { SOURCES, URGENCIES, type OrderSource, type Urgency } from '../../../../common/domain/orders/states';
import { useOrderNames } from '../display/useOrderNames';
import { categoryCascader, workstationGroups } from '../reference/options';
import { useOrderReference } from '../reference/useOrderReference';
import type { OrderFilterFields } from './query';
import type { SetFilterField } from './useOrderFilterFields';

interface Props {
  fields: OrderFilterFields;
  set: SetFilterField;
}

/** What and where: category, station, workstation (of the chosen station's grids), department. */
export function OrderPlaceFilters({ fields, set }: Props) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const categoryOptions = useMemo(() => categoryCascader(ref.categories), [ref.categories]);
  const workstations = useMemo(() => {
    const grids = fields.stationId ? ref.grids.filter((g) => g.stationId === fields.stationId) : ref.grids;
    return workstationGroups(grids, ref.workstations);
  }, [ref.grids, ref.workstations, fields.stationId]);
  return (
    <>
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
    </>
  );
}

/** How pressing and how it went: urgency, light, 督办, source, 回访结果. */
export function OrderStatusFilters({ fields, set }: Props) {
  const { t } = useTranslation();
  const names = useOrderNames();
  return (
    <>
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
    </>
  );
}
