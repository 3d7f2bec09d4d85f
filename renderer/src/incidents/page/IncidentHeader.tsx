import { Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { useNow } from '../../time/useNow';
import { elapsedText } from '../clockText';
import { LevelTag, useIncidentNames } from '../display';
import { INCIDENT_ACTIONS } from './extensions';
import { CloseModal } from './CloseModal';
import { LevelChangeModal } from './LevelChangeModal';

/** Who, what, where, since when — and, for a commander while it runs, 调整级别 and 结束事件. */
export function IncidentHeader({ detail, canCommand }: { detail: IncidentDetail; canCommand: boolean }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const now = useNow(1000);
  const [dialog, setDialog] = useState<'level' | 'close' | null>(null);
  const { incident } = detail;
  const active = incident.closedAt === null;
  const dayUnit = t('incidents.dayUnit');

  return (
    <Card
      size="small"
      data-testid="incident-header"
      data-incident-id={incident.id}
      data-state={active ? 'active' : 'closed'}
      title={
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
      }
      extra={
        <Space>
          {INCIDENT_ACTIONS.map(({ key, Component }) => (
            <Component key={key} detail={detail} active={active} />
          ))}
          {canCommand && active && (
            <>
              <Button
                data-testid="incident-level-change"
                onClick={() => {
                  setDialog('level');
                }}
              >
                {t('incidents.level.button')}
              </Button>
              <Button
                danger
                data-testid="incident-close"
                onClick={() => {
                  setDialog('close');
                }}
              >
                {t(incident.drill ? 'incidents.close.buttonDrill' : 'incidents.close.button')}
              </Button>
            </>
          )}
        </Space>
      }
    >
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
      {canCommand && active && (
        <>
          <LevelChangeModal
            incident={incident}
            open={dialog === 'level'}
            onClose={() => {
              setDialog(null);
            }}
          />
          <CloseModal
            detail={detail}
            open={dialog === 'close'}
            onClose={() => {
              setDialog(null);
            }}
          />
        </>
      )}
    </Card>
  );
}
