import { Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch';

/** The sign-in card's title: the console's name, the demo mark on a demo hub, the language switch. */
export function LoginTitle({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="space-between" gap={8}>
      <Space size={8}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t('app.name')}
        </Typography.Text>
        {demo && (
          <Tag color="gold" data-testid="login-demo-tag">
            {t('login.demo')}
          </Tag>
        )}
      </Space>
      <LanguageSwitch />
    </Flex>
  );
}
