import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoginScreen } from '../login/LoginScreen';
import { useSessionStore } from '../stores/session';
import { ForcePasswordChange } from './ForcePasswordChange';
import { Frame } from './Frame';
import { useBoot, useSessionWatch } from './useSession';

function Booting() {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" justify="center" gap={12} style={{ height: '100%' }}>
      <Spin />
      <Typography.Text type="secondary">{t('app.connecting')}</Typography.Text>
    </Flex>
  );
}

export function Root() {
  useBoot();
  useSessionWatch();
  const phase = useSessionStore((s) => s.phase);
  const mustChangePassword = useSessionStore((s) => s.user?.mustChangePassword ?? false);
  if (phase === 'booting') return <Booting />;
  if (phase === 'signed-out') return <LoginScreen />;
  if (mustChangePassword) return <ForcePasswordChange />;
  return <Frame />;
}
