import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { useNow } from '../../time/useNow';
import { elapsedText } from '../clockText';
import { useIncidentNames } from '../display';

/** The header's facts: type, commander, plan, start, the running (or final) duration, areas, situation, summary. */
export function IncidentFacts({ incident }: { incident: IncidentDetail['incident'] }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const now = useNow(1000);
  const active = incident.closedAt === null;
  const dayUnit = t('incidents.dayUnit');
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label={t('incidents.field.type')}>{names.type(incident.type)}</Descriptions.Item>
      <Descriptions.Item label={t('incidents.field.commander')}>
        <span data-testid="incident-commander-name">{incident.commanderName}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('incidents.field.plan')}>
        {incident.planName ?? t('incidents.noPlan')}
      </Descriptions.Item>
      <Descriptions.Item label={t('incidents.field.started')}>
        <span className="tabular">
          {formatDateTime(incident.startedAt)} · {incident.startedByName}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t(active ? 'incidents.field.elapsed' : 'incidents.field.lasted')}>
        <span className="tabular" data-testid="incident-elapsed">
          {elapsedText((incident.closedAt ?? now) - incident.startedAt, dayUnit)}
        </span>
      </Descriptions.Item>
      {!active && incident.closedAt !== null && (
        <Descriptions.Item label={t('incidents.field.closed')}>
          <span className="tabular">
            {formatDateTime(incident.closedAt)} · {incident.closedByName}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('incidents.field.areas')} span={3}>
        <Flex wrap gap={4} data-testid="incident-areas">
          {incident.areas.map((a) => (
            <Tag key={a.id} data-unit-id={a.id} style={{ marginInlineEnd: 0 }}>
              {a.name}
            </Tag>
          ))}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('incidents.field.situation')} span={3}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>
          {incident.situation}
        </Typography.Paragraph>
      </Descriptions.Item>
      {incident.summary !== null && (
        <Descriptions.Item label={t('incidents.field.summary')} span={3}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="incident-summary">
            {incident.summary}
          </Typography.Paragraph>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
