import { DatePicker, Flex, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCES, type OrderSource } from '../../../../common/domain/orders/states';
import { useOrderNames } from '../../orders/display/useOrderNames';
import { workstationGroups } from '../../orders/reference/options';
import { useOrderReference } from '../../orders/reference/useOrderReference';
import { useUser } from '../../stores/session';
import type { DashboardFields } from './useDashboard';
import { useDashboardLabels } from '../../stats/useDashboardLabels';

interface Props {
  fields: DashboardFields;
  onChange: (fields: DashboardFields) => void;
}

/**
 * Period (calendar days in Shanghai time) and the order filters. A station's user has no station
 * choice (the hub shows them their own) and picks among their station's workstations.
 */
export function DashboardFilterBar({ fields, onChange }: Props) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const label = useDashboardLabels();
  const user = useUser();
  const ownStation = ref.unitById.get(user.orgUnitId)?.kind === 'station' ? user.orgUnitId : undefined;
  const station = ownStation ?? fields.stationId;
  const workstations = useMemo(
    () => workstationGroups(station ? ref.grids.filter((g) => g.stationId === station) : ref.grids, ref.workstations),
    [ref.grids, ref.workstations, station],
  );
  // A cleared control leaves its key out.
  const set = <K extends keyof DashboardFields>(key: K, value: DashboardFields[K] | undefined | null) => {
    const next = Object.entries({ ...fields, [key]: value }).filter(([, v]) => (v as unknown) != null);
    onChange(Object.fromEntries(next) as unknown as DashboardFields);
  };
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="dashboard-filters">
      <DatePicker.RangePicker
        allowClear={false}
        placeholder={[t('dashboard.filter.rangeFrom'), t('dashboard.filter.rangeTo')]}
        style={{ width: 250 }}
        value={fields.days}
        data-testid="dashboard-filter-range"
        onChange={(v) => {
          if (v?.[0] && v[1]) set('days', [v[0], v[1]]);
        }}
      />
      <Select<string>
        allowClear
        placeholder={t('dashboard.filter.domain')}
        style={{ width: 130 }}
        value={fields.domainId}
        data-testid="dashboard-filter-domain"
        options={ref.categories.filter((c) => c.level === 1).map((c) => ({ value: c.id, label: label.category(c.id) }))}
        onChange={(v) => {
          set('domainId', v);
        }}
      />
      {ownStation === undefined && (
        <Select<string>
          allowClear
          placeholder={t('dashboard.filter.station')}
          style={{ width: 130 }}
          value={fields.stationId}
          data-testid="dashboard-filter-station"
          options={ref.stations.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v) => {
            set('stationId', v);
          }}
        />
      )}
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('dashboard.filter.workstation')}
        style={{ width: 150 }}
        value={fields.workstationId}
        data-testid="dashboard-filter-workstation"
        options={workstations}
        onChange={(v) => {
          set('workstationId', v);
        }}
      />
      <HandlingSelects fields={fields} set={set} />
    </Flex>
  );
}

type SetField = <K extends keyof DashboardFields>(key: K, value: DashboardFields[K] | undefined | null) => void;

/** Who handles it and where it came from: department, source. */
function HandlingSelects({ fields, set }: { fields: DashboardFields; set: SetField }) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const names = useOrderNames();
  return (
    <>
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('dashboard.filter.department')}
        style={{ width: 140 }}
        value={fields.departmentId}
        data-testid="dashboard-filter-department"
        options={ref.departments.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(v) => {
          set('departmentId', v);
        }}
      />
      <Select<OrderSource>
        allowClear
        placeholder={t('dashboard.filter.source')}
        style={{ width: 110 }}
        value={fields.source}
        data-testid="dashboard-filter-source"
        options={SOURCES.map((s) => ({ value: s, label: names.source(s) }))}
        onChange={(v) => {
          set('source', v);
        }}
      />
    </>
  );
}
