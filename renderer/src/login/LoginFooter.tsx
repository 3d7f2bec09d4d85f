import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../app/ConnectionIndicator';

/** The sign-in card's last line: which hub and version (once known), and the connection to it. */
export function LoginFooter({ hub }: { hub: { name: string; version: string } | undefined }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16, fontSize: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hub ? `${hub.name} · ${t('login.version', { version: hub.version })}` : ''}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <ConnectionIndicator />
      </Typography.Text>
    </Flex>
  );
}
