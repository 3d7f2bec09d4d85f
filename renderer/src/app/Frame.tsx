import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { redirect, usePath } from '../stores/route';
import { useUser } from '../stores/session';
import { ClockWarnings } from './clock/ClockWarnings';
import { DiskWarnings } from './system/DiskWarnings';
import { ConnectionBanner } from './ConnectionBanner';
import { Nav } from './Nav';
import { StatusBar } from './StatusBar';
import { palette } from './theme';
import { AlertCenter } from '../orders/alerts/AlertCenter';
import { IncidentNoticeCenter } from '../incidents/notifications';
import { OrderDrawer } from '../orders/drawer/OrderDrawer';
import { dismissOrder, syncOrderRoute } from '../orders/drawer/store';
import { hasAnyRole, ORDER_OPERATORS } from '../orders/roles';
import { useServerEvents } from './useServerEvents';
import { ShortcutSheet } from './shortcuts/ShortcutSheet';
import { IncidentBanner } from './IncidentBanner';
import { INCIDENT_ACTORS } from '../../../common/contract/incidents';
import { isWallWindowPath } from '../wall/window/windowRoute';
import { bigScreenOf } from '../bigscreen/route';
import { ReportAlerts } from '../incidents/alerts/ReportAlerts';
import { useIncidentEvents } from '../incidents/useIncidentEvents';
import { useUserFlag } from './useUserFlag';
import { WorkspaceView } from './lazyWorkspace';
import { useLanding } from './useLanding';
import { matchWorkspace, visibleWorkspaces } from './workspaces';

function Brand() {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={10} style={{ height: '100%' }}>
      <img src="./icon.svg" alt="" width={22} height={22} />
      <Typography.Text strong style={{ fontSize: 16, color: '#e8f1fb' }}>
        {t('app.name')}
      </Typography.Text>
      <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
    </Flex>
  );
}

/** Folds the menu to its icons, or unfolds it. */
function NavFoldButton({ folded, onToggle }: { folded: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = folded ? t('wallLoss.layout.unfoldMenu') : t('wallLoss.layout.foldMenu');
  return (
    <Button
      type="text"
      block
      icon={folded ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
      data-testid="nav-fold"
      data-folded={folded}
      aria-label={label}
      title={label}
      onClick={onToggle}
    />
  );
}

export function Frame() {
  const user = useUser();
  // The menu folds to its icons (remembered per user) so a workspace like the wall can take the width.
  const [navFolded, setNavFolded] = useUserFlag('navFolded');
  const path = usePath();
  useServerEvents();
  useIncidentEvents();
  // A wall window covers the frame; its incident banner lies over the grid instead (the big screen
  // has an incident panel of its own).
  const wallWindow = isWallWindowPath(path);
  const bigScreen = wallWindow && bigScreenOf(path) !== null;
  const workspaces = visibleWorkspaces(user.roles);
  const current = matchWorkspace(workspaces, path);
  const { fallback, waitForIncidents } = useLanding(user.roles);
  const operator = hasAnyRole(user.roles, ORDER_OPERATORS);

  // Moving to another workspace puts the order drawer away; `#/orders/<id>` opens it.
  const previous = useRef(current?.path);
  useEffect(() => {
    if (previous.current !== undefined && previous.current !== current?.path) dismissOrder();
    previous.current = current?.path;
  }, [current?.path]);

  // Unknown or refused routes land on the user's first workspace.
  useEffect(() => {
    if (!current) {
      if (!waitForIncidents) redirect(fallback);
    } else if (operator) syncOrderRoute(path);
  }, [current, fallback, operator, path, waitForIncidents]);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ borderBottom: `1px solid ${palette.border}` }}>
        <Flex align="center" justify="space-between" style={{ height: '100%' }}>
          <Brand />
          <ShortcutSheet />
        </Flex>
      </Layout.Header>
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider
          width={188}
          collapsible
          collapsed={navFolded}
          collapsedWidth={56}
          trigger={null}
          style={{ borderInlineEnd: `1px solid ${palette.border}` }}
        >
          <NavFoldButton
            folded={navFolded}
            onToggle={() => {
              setNavFolded(!navFolded);
            }}
          />
          <Nav workspaces={workspaces} current={current} />
        </Layout.Sider>
        <Layout.Content style={{ display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 }}>
          <ConnectionBanner />
          {!wallWindow && <IncidentBanner overlay={false} />}
          <main
            style={
              current?.fullHeight
                ? { flex: 1, padding: 16, overflow: 'hidden', display: 'flex', flexDirection: 'column', minHeight: 0 }
                : { flex: 1, padding: 16, overflow: 'auto' }
            }
            data-testid="workspace"
          >
            {current && <WorkspaceView key={current.path} workspace={current} />}
          </main>
        </Layout.Content>
      </Layout>
      {operator && <OrderDrawer />}
      {operator && <AlertCenter />}
      {wallWindow && !bigScreen && <IncidentBanner overlay />}
      {!wallWindow && hasAnyRole(user.roles, INCIDENT_ACTORS) && <ReportAlerts />}
      {/* Anyone may be told about an incident in the console and confirm it here. */}
      <IncidentNoticeCenter />
      {user.roles.includes('admin') && <ClockWarnings />}
      {user.roles.includes('admin') && <DiskWarnings />}
      <StatusBar />
    </Layout>
  );
}
