import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { INCIDENT_ACTIONS } from './extensions';
import { CloseModal } from './CloseModal';
import { IncidentFacts } from './IncidentFacts';
import { IncidentTitle } from './IncidentTitle';
import { LevelChangeModal } from './LevelChangeModal';

/** Who, what, where, since when — and, for a commander while it runs, 调整级别 and 结束事件. */
export function IncidentHeader({ detail, canCommand }: { detail: IncidentDetail; canCommand: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'level' | 'close' | null>(null);
  const { incident } = detail;
  const active = incident.closedAt === null;
  const close = () => {
    setDialog(null);
  };

  return (
    <Card
      size="small"
      data-testid="incident-header"
      data-incident-id={incident.id}
      data-state={active ? 'active' : 'closed'}
      title={<IncidentTitle incident={incident} />}
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
      <IncidentFacts incident={incident} />
      {canCommand && active && (
        <>
          <LevelChangeModal incident={incident} open={dialog === 'level'} onClose={close} />
          <CloseModal detail={detail} open={dialog === 'close'} onClose={close} />
        </>
      )}
    </Card>
  );
}
