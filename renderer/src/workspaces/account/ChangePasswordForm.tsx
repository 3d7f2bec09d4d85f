import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { markServerErrors } from '../../components/form-errors';
import { passwordRules } from '../../components/passwordRules';
import { useErrorText } from '../../i18n/useDisplay';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'];

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Fields>();
  const change = useApiMutation('auth.changePassword', {
    onSuccess: () => {
      form.resetFields();
      void message.success(t('password.changed'));
      onChanged?.();
    },
    onError: (error) => {
      markServerErrors(form, error, FIELDS);
    },
  });

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={change.isPending}
      data-testid="change-password-form"
      onFinish={(fields) => {
        change.mutate({ currentPassword: fields.currentPassword, newPassword: fields.newPassword });
      }}
      style={{ maxWidth: 400 }}
    >
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.required', { field: t('password.current') }) }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')} rules={passwordRules(t)}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      {change.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="password-error"
          style={{ marginBottom: 16 }}
          title={errorText(change.error)}
        />
      )}
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
