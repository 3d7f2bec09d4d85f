import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { useErrorText } from '../../../i18n/useDisplay';
import { UserFormFields } from './UserFormFields';
import { useUserSave, type UserFields } from './useUserSave';

/** Create a user (no `user`) or edit one; username and password are fixed after creation. */
export function UserFormModal({ user, onClose }: { user: UserRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<UserFields>();
  const { submit, pending, error } = useUserSave(form, user, onClose);
  return (
    <Modal
      open
      title={user ? t('users.form.editTitle', { username: user.username }) : t('users.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      destroyOnHidden
    >
      <Form<UserFields>
        data-testid="user-form"
        style={{ paddingTop: 8 }}
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={pending}
        onFinish={submit}
        initialValues={
          user ? { displayName: user.displayName, roles: user.roles, orgUnitId: user.orgUnitId } : { roles: [] }
        }
      >
        <UserFormFields editing={user !== null} />
        {error && <Alert type="error" showIcon role="alert" data-testid="user-form-error" title={errorText(error)} />}
      </Form>
    </Modal>
  );
}
