import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { elapsedText } from '../clockText';
import { LevelTag, useIncidentNames } from '../display';

/** The history table's columns: started, name (演练 marked), type, level, areas, commander, closed and how long. */
export function useIncidentHistoryColumns(): ColumnsType<IncidentSummary> {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const dayUnit = t('incidents.dayUnit');
  return [
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
  ];
}
