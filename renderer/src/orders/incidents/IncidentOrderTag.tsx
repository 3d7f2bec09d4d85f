import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../../common/contract';
import { levelStyle, useIncidentNames } from '../../incidents/display';

/**
 * The mark of an order linked to an incident: 事件 with the incident's type and level in the
 * level's colour while it runs (hatched for a 演练 drill); a plain tag once it is closed.
 */
export function IncidentOrderTag({
  incidentId,
  running,
}: {
  incidentId: number;
  /** the incidents running now (incidents.current) */
  running: readonly IncidentSummary[];
}) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const incident = running.find((i) => i.id === incidentId);
  if (!incident) {
    return (
      <Tag data-testid="order-incident-tag" data-incident-id={incidentId} data-running="false">
        {t('incidentOrders.closedTag')}
      </Tag>
    );
  }
  return (
    <Tooltip title={`${t('incidentOrders.tagTitle', { name: incident.name })} · ${names.level(incident.level)}`}>
      <span
        className={incident.drill ? 'incident-level-tag incident-hatched' : 'incident-level-tag'}
        style={{ ...levelStyle(incident.level), marginInlineEnd: 6, fontSize: 12 }}
        data-testid="order-incident-tag"
        data-incident-id={incidentId}
        data-running="true"
        data-level={incident.level}
        data-drill={incident.drill ? 'true' : 'false'}
      >
        {incident.drill ? `${t('incidentOrders.drill')} · ` : ''}
        {t('incidentOrders.tag')} {names.type(incident.type)} {t(`incidentOrders.level.${incident.level}`)}
      </span>
    </Tooltip>
  );
}
