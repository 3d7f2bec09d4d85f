import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_COMMANDERS } from '../../../../common/contract';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { hasAnyRole } from '../../orders/roles';
import { navigate, usePath } from '../../stores/route';
import { useUser } from '../../stores/session';
import { ActivateDialog } from '../activate/ActivateDialog';
import { useCurrentIncidents } from '../data';
import { LevelTag } from '../display';
import { IncidentDirect } from './IncidentDirect';
import { IncidentHistory } from './IncidentHistory';
import { IncidentPage } from '../page/IncidentPage';
import { INCIDENTS_PATH, incidentIdOf } from '../route';

/** The running incidents (the real one first, then drills); with several, a switch between them. */
function CurrentTab({
  canActivate,
  onActivate,
  picked,
  onPick,
}: {
  canActivate: boolean;
  onActivate: () => void;
  picked: number | null;
  onPick: (id: number) => void;
}) {
  const { t } = useTranslation();
  const current = useCurrentIncidents();
  const incidents = current.data?.incidents ?? [];
  const shown = incidents.find((i) => i.id === picked) ?? incidents[0];
  if (!current.data) return null;
  if (!shown) {
    return (
      <Empty description={t('incidents.noneActive')} data-testid="incident-none">
        {canActivate && (
          <Button type="primary" danger icon={<ThunderboltOutlined />} onClick={onActivate}>
            {t('incidents.activate.button')}
          </Button>
        )}
      </Empty>
    );
  }
  return (
    <Flex vertical gap={12}>
      {incidents.length > 1 && (
        <Segmented<number>
          value={shown.id}
          onChange={onPick}
          data-testid="incident-switch"
          options={incidents.map((i) => ({
            value: i.id,
            label: (
              <span data-testid="incident-switch-item" data-incident-id={i.id}>
                {i.drill && `${t('incidents.drill')} · `}
                {i.name} <LevelTag level={i.level} drill={i.drill} />
              </span>
            ),
          }))}
        />
      )}
      <IncidentPage key={shown.id} id={shown.id} />
    </Flex>
  );
}

/**
 * 应急指挥: the coordinator's and duty chief's home. Activate an incident, run it
 * (checklist, reports, level, close) on its page, look back at past ones. `#/incidents/<id>` opens
 * any incident directly (the banner links there).
 */
export function IncidentsWorkspace() {
  const { t } = useTranslation();
  const user = useUser();
  const path = usePath();
  const [activating, setActivating] = useState(false);
  const [tab, setTab] = useState('current');
  const [picked, setPicked] = useState<number | null>(null);
  const canActivate = hasAnyRole(user.roles, INCIDENT_COMMANDERS);
  const id = incidentIdOf(path);
  const openActivate = () => {
    setActivating(true);
  };

  return (
    <>
      <WorkspaceTitle
        extra={
          canActivate && (
            <Button
              type="primary"
              danger
              icon={<ThunderboltOutlined />}
              data-testid="incident-activate"
              onClick={openActivate}
            >
              {t('incidents.activate.button')}
            </Button>
          )
        }
      >
        {t('incidents.title')}
      </WorkspaceTitle>
      {id !== null ? (
        <IncidentDirect id={id} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'current',
              label: <span data-testid="incident-tab-current">{t('incidents.tabs.current')}</span>,
              children: (
                <CurrentTab canActivate={canActivate} onActivate={openActivate} picked={picked} onPick={setPicked} />
              ),
            },
            {
              key: 'history',
              label: <span data-testid="incident-tab-history">{t('incidents.tabs.history')}</span>,
              children: <IncidentHistory />,
            },
          ]}
        />
      )}
      {canActivate && (
        <ActivateDialog
          open={activating}
          onClose={() => {
            setActivating(false);
          }}
          onActivated={(newId) => {
            // The new incident's page, on the current tab (a drill beside a real one included).
            setActivating(false);
            setPicked(newId);
            setTab('current');
            navigate(INCIDENTS_PATH);
          }}
        />
      )}
    </>
  );
}
