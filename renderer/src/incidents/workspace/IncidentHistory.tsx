import { Alert, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../../common/contract';
import { useApiQuery } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';
import { navigate } from '../../stores/route';
import { incidentPath } from '../route';
import { IncidentHistoryFilters, type HistoryFilter } from './IncidentHistoryFilters';
import { useIncidentHistoryColumns } from './useIncidentHistoryColumns';

/** Past and running incidents, newest first; a row opens the incident (timeline, reports, summary). */
export function IncidentHistory() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const columns = useIncidentHistoryColumns();
  const [filter, setFilter] = useState<HistoryFilter>({ state: 'all', drill: 'all', type: undefined });
  const { state, drill, type } = filter;
  const list = useApiQuery('incidents.list', {
    limit: 200,
    ...(state !== 'all' && { state }),
    ...(drill !== 'all' && { drill: drill === 'drill' }),
    ...(type && { type }),
  });

  return (
    <Flex vertical gap={12}>
      <IncidentHistoryFilters value={filter} onChange={setFilter} />
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      {list.data?.truncated && (
        <Alert type="info" showIcon title={t('incidents.history.truncated', { count: list.data.rows.length })} />
      )}
      <Table<IncidentSummary>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        rowClassName="clickable-row"
        onRow={(r) =>
          ({
            'data-testid': 'incident-history-row',
            'data-incident-id': r.id,
            onClick: () => {
              navigate(incidentPath(r.id));
            },
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={columns}
      />
    </Flex>
  );
}
