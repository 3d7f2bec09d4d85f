import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { useApiMutation } from '../../../api';
import { markServerErrors } from '../../../components/form-errors';
import { passwordRules } from '../../../components/passwordRules';
import { useErrorText } from '../../../i18n/useDisplay';

const FIELDS = ['newPassword'];

export function ResetPasswordModal({ user, onClose }: { user: UserRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useApiMutation('admin.users.resetPassword', {
    invalidates: ['admin.users.list'],
    onSuccess: (updated) => {
      void message.success(t('users.resetDone', { username: updated.username }));
      onClose();
    },
    onError: (error) => {
      markServerErrors(form, error, FIELDS);
    },
  });
  return (
    <Modal
      open
      title={t('users.form.resetTitle', { username: user.username })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'reset-password-submit' }}
      destroyOnHidden
    >
      <div data-testid="reset-password-dialog" style={{ paddingTop: 8 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('users.form.resetHint')} />
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={reset.isPending}
          onFinish={({ newPassword }) => {
            reset.mutate({ id: user.id, newPassword });
          }}
        >
          <Form.Item
            name="newPassword"
            label={t('users.form.newPassword')}
            extra={t('password.rule')}
            rules={passwordRules(t)}
          >
            <Input.Password autoFocus autoComplete="new-password" data-testid="reset-password-new" />
          </Form.Item>
        </Form>
        {reset.error && (
          <Alert type="error" showIcon role="alert" data-testid="reset-password-error" title={errorText(reset.error)} />
        )}
      </div>
    </Modal>
  );
}
