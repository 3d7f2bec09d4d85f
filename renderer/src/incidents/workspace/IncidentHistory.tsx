import { Alert, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../../common/contract';
import { INCIDENT_TYPES, type IncidentType } from '../../../../common/domain/incidents';
import { useApiQuery } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';
import { navigate } from '../../stores/route';
import { formatDateTime } from '../../time/dayjs';
import { elapsedText } from '../clockText';
import { LevelTag, useIncidentNames } from '../display';
import { incidentPath } from '../route';

type StateFilter = 'all' | 'active' | 'closed';
type DrillFilter = 'all' | 'real' | 'drill';

/** Past and running incidents, newest first; a row opens the incident (timeline, reports, summary). */
export function IncidentHistory() {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const errorText = useErrorText();
  const [state, setState] = useState<StateFilter>('all');
  const [drill, setDrill] = useState<DrillFilter>('all');
  const [type, setType] = useState<IncidentType | undefined>(undefined);
  const list = useApiQuery('incidents.list', {
    limit: 200,
    ...(state !== 'all' && { state }),
    ...(drill !== 'all' && { drill: drill === 'drill' }),
    ...(type && { type }),
  });
  const dayUnit = t('incidents.dayUnit');

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select<StateFilter>
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          data-testid="incident-history-state"
          options={(['all', 'active', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`incidents.history.state.${s}`),
          }))}
        />
        <Select<DrillFilter>
          style={{ width: 140 }}
          value={drill}
          onChange={setDrill}
          options={(['all', 'real', 'drill'] as const).map((d) => ({
            value: d,
            label: t(`incidents.history.drill.${d}`),
          }))}
        />
        <Select<IncidentType>
          allowClear
          style={{ width: 180 }}
          value={type}
          placeholder={t('incidents.history.allTypes')}
          onChange={(v: IncidentType | undefined) => {
            setType(v);
          }}
          options={INCIDENT_TYPES.map((ty) => ({ value: ty, label: names.type(ty) }))}
        />
      </Flex>
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
        columns={[
          {
            key: 'started',
            title: t('incidents.field.started'),
            render: (_, r) => <span className="tabular">{formatDateTime(r.startedAt)}</span>,
          },
          {
            key: 'name',
            title: t('incidents.field.name'),
            render: (_, r) => (
              <span>
                {r.drill && <Tag className="incident-hatched">{t('incidents.drill')}</Tag>}
                {r.name}
              </span>
            ),
          },
          { key: 'type', title: t('incidents.field.type'), render: (_, r) => names.type(r.type) },
          {
            key: 'level',
            title: t('incidents.field.level'),
            render: (_, r) => <LevelTag level={r.level} drill={r.drill} />,
          },
          {
            key: 'areas',
            title: t('incidents.field.areas'),
            render: (_, r) => r.areas.map((a) => a.name).join('、'),
          },
          { key: 'commander', title: t('incidents.field.commander'), dataIndex: 'commanderName' },
          {
            key: 'closed',
            title: t('incidents.field.closed'),
            render: (_, r) =>
              r.closedAt === null ? (
                <Tag color="red">{t('incidents.state.active')}</Tag>
              ) : (
                <span className="tabular">
                  {formatDateTime(r.closedAt)}（{elapsedText(r.closedAt - r.startedAt, dayUnit)}）
                </span>
              ),
          },
        ]}
      />
    </Flex>
  );
}
