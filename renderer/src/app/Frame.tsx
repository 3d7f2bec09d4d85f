import { Flex, Layout, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { redirect, usePath } from '../stores/route';
import { useUser } from '../stores/session';
import { ConnectionBanner } from './ConnectionBanner';
import { Nav } from './Nav';
import { StatusBar } from './StatusBar';
import { palette } from './theme';
import { useServerEvents } from './useServerEvents';
import { visibleWorkspaces } from './workspaces';

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

export function Frame() {
  const user = useUser();
  const path = usePath();
  useServerEvents();
  const workspaces = visibleWorkspaces(user.roles);
  const current = workspaces.find((w) => w.path === path);
  const fallback = workspaces[0]?.path ?? '/account';

  // Unknown or refused routes land on the user's first workspace.
  useEffect(() => {
    if (!current) redirect(fallback);
  }, [current, fallback]);

  const Current = current?.Component;
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ borderBottom: `1px solid ${palette.border}` }}>
        <Brand />
      </Layout.Header>
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider width={188} style={{ borderInlineEnd: `1px solid ${palette.border}` }}>
          <Nav workspaces={workspaces} current={current} />
        </Layout.Sider>
        <Layout.Content style={{ display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 }}>
          <ConnectionBanner />
          <main style={{ flex: 1, overflow: 'auto', padding: 16 }} data-testid="workspace">
            {Current && <Current key={path} />}
          </main>
        </Layout.Content>
      </Layout>
      <StatusBar />
    </Layout>
  );
}
