import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TYPES, type IncidentType } from '../../../../common/domain/incidents';
import { useIncidentNames } from '../display';

export type StateFilter = 'all' | 'active' | 'closed';
export type DrillFilter = 'all' | 'real' | 'drill';

export interface HistoryFilter {
  state: StateFilter;
  drill: DrillFilter;
  type: IncidentType | undefined;
}

/** The history's filters: running or closed, real or drill, type. */
export function IncidentHistoryFilters({
  value,
  onChange,
}: {
  value: HistoryFilter;
  onChange: (next: HistoryFilter) => void;
}) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  return (
    <Flex gap={8} wrap>
      <Select<StateFilter>
        style={{ width: 140 }}
        value={value.state}
        onChange={(state) => {
          onChange({ ...value, state });
        }}
        data-testid="incident-history-state"
        options={(['all', 'active', 'closed'] as const).map((s) => ({
          value: s,
          label: t(`incidents.history.state.${s}`),
        }))}
      />
      <Select<DrillFilter>
        style={{ width: 140 }}
        value={value.drill}
        onChange={(drill) => {
          onChange({ ...value, drill });
        }}
        options={(['all', 'real', 'drill'] as const).map((d) => ({
          value: d,
          label: t(`incidents.history.drill.${d}`),
        }))}
      />
      <Select<IncidentType>
        allowClear
        style={{ width: 180 }}
        value={value.type}
        placeholder={t('incidents.history.allTypes')}
        onChange={(type: IncidentType | undefined) => {
          onChange({ ...value, type });
        }}
        options={INCIDENT_TYPES.map((ty) => ({ value: ty, label: names.type(ty) }))}
      />
    </Flex>
  );
}
