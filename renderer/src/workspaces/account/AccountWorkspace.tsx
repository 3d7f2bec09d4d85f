import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useRoleName } from '../../i18n/useDisplay';
import { useUser } from '../../stores/session';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountWorkspace() {
  const { t } = useTranslation();
  const user = useUser();
  const roleName = useRoleName();
  return (
    <>
      <WorkspaceTitle>{t('account.title')}</WorkspaceTitle>
      <Flex vertical gap={16} style={{ maxWidth: 720 }}>
        <Card size="small" title={t('account.profile')} data-testid="account-profile">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('account.username')}>
              <Typography.Text code>{user.username}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('account.displayName')}>{user.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('account.roles')}>
              <Space size={[4, 4]} wrap>
                {user.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {roleName(role)}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('account.orgUnit')}>{user.orgUnitName}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('account.language')}>
          <Space orientation="vertical">
            <LanguageSwitch testId="account-language" />
            <Typography.Text type="secondary">{t('account.languageHint')}</Typography.Text>
          </Space>
        </Card>
        <Card size="small" title={t('account.changePassword')}>
          <ChangePasswordForm />
        </Card>
      </Flex>
    </>
  );
}
