import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../api';
import { useEnterSession } from '../app/useSession';
import { useSystemInfo } from '../app/useSystemInfo';
import { useErrorText } from '../i18n/useDisplay';
import { DemoAccounts } from './DemoAccounts';
import { LoginFooter } from './LoginFooter';
import { LoginNotice } from './LoginNotice';
import { LoginTitle } from './LoginTitle';

interface LoginFields {
  username: string;
  password: string;
}

export function LoginScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<LoginFields>();
  const info = useSystemInfo();
  const enter = useEnterSession();
  const login = useApiMutation('auth.login', {
    onSuccess: (grant) => {
      enter(grant.user);
    },
  });

  const submit = (fields: LoginFields) => {
    login.mutate({ username: fields.username, password: fields.password });
  };

  return (
    // border-box: the padding inside the 100 %, or the page is 48 px taller than the window and scrolls.
    <Flex vertical align="center" justify="center" style={{ minHeight: '100%', padding: 24, boxSizing: 'border-box' }}>
      <Card style={{ width: 400, maxWidth: '100%' }} title={<LoginTitle demo={info.data?.demo === true} />}>
        <Typography.Paragraph type="secondary">{t('app.fullName')}</Typography.Paragraph>
        <LoginNotice hidden={login.isPending || login.error !== null} />
        {info.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('login.hubUnavailable', { message: errorText(info.error) })}
          />
        )}
        <Form<LoginFields>
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {login.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="login-error"
              data-code={login.error.code}
              style={{ marginBottom: 16 }}
              title={errorText(login.error)}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        {info.data?.demo && info.data.demoPassword !== null && info.data.demoAccounts.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <DemoAccounts
              accounts={info.data.demoAccounts}
              password={info.data.demoPassword}
              onPick={(username, password) => {
                form.setFieldsValue({ username, password });
                login.reset();
              }}
            />
          </div>
        )}
        <LoginFooter hub={info.data} />
      </Card>
    </Flex>
  );
}
