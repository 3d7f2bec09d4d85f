import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { LevelTag } from '../display';

/** The header's title: 演练 (hatched), the name, its level and whether it still runs. */
export function IncidentTitle({ incident }: { incident: IncidentDetail['incident'] }) {
  const { t } = useTranslation();
  const active = incident.closedAt === null;
  return (
    <Space size={10} wrap>
      {incident.drill && (
        <Tag color="default" className="incident-hatched" data-testid="incident-drill-tag">
          {t('incidents.drill')}
        </Tag>
      )}
      <span data-testid="incident-name">{incident.name}</span>
      <LevelTag level={incident.level} drill={incident.drill} />
      <Tag color={active ? 'red' : 'default'} data-testid="incident-state">
        {t(active ? 'incidents.state.active' : 'incidents.state.closed')}
      </Tag>
    </Space>
  );
}
