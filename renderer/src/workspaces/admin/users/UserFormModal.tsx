import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { ROLES, type Role } from '../../../../../common/domain/roles';
import { useApiMutation } from '../../../api';
import { markServerErrors } from '../../../components/form-errors';
import { passwordRules } from '../../../components/passwordRules';
import { useErrorText, useRoleName } from '../../../i18n/useDisplay';
import { useUserOrgOptions } from './useUserOrgOptions';

interface Fields {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  orgUnitId: string;
}

const FIELDS = ['username', 'displayName', 'password', 'roles', 'orgUnitId'] as const;

/** Create a user (no `user`) or edit one; username and password are fixed after creation. */
export function UserFormModal({ user, onClose }: { user: UserRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const roleName = useRoleName();
  const [form] = Form.useForm<Fields>();
  const org = useUserOrgOptions();
  const editing = user !== null;

  const onError = (error: Parameters<typeof markServerErrors>[1]) => {
    markServerErrors(form, error, FIELDS);
  };
  const create = useApiMutation('admin.users.create', {
    invalidates: ['admin.users.list'],
    onSuccess: (created) => {
      void message.success(t('users.created', { username: created.username }));
      onClose();
    },
    onError,
  });
  const update = useApiMutation('admin.users.update', {
    invalidates: ['admin.users.list'],
    onSuccess: (updated) => {
      void message.success(t('users.updated', { username: updated.username }));
      onClose();
    },
    onError,
  });
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (fields: Fields) => {
    if (user) {
      update.mutate({ id: user.id, displayName: fields.displayName, roles: fields.roles, orgUnitId: fields.orgUnitId });
    } else {
      create.mutate(fields);
    }
  };

  const required = { required: true, message: t('users.form.required') };
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
      <Form<Fields>
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
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.form.username')}
            extra={t('users.form.usernameRule')}
            rules={[required, { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: t('users.form.usernameRule') }]}
          >
            <Input autoFocus autoComplete="off" data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ ...required, whitespace: true }, { max: 40 }]}
        >
          <Input autoFocus={editing} autoComplete="off" data-testid="user-form-display-name" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.form.initialPassword')}
            extra={t('users.form.initialPasswordHint')}
            rules={passwordRules(t)}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('users.form.roles')} rules={[{ ...required, type: 'array', min: 1 }]}>
          <Select<Role[]>
            mode="multiple"
            placeholder={t('users.form.rolesPlaceholder')}
            data-testid="user-form-roles"
            options={ROLES.map((role) => ({ value: role, label: roleName(role) }))}
          />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('users.form.orgUnit')} rules={[required]}>
          <Select<string>
            placeholder={t('users.form.orgUnitPlaceholder')}
            loading={org.loading}
            options={org.options}
            data-testid="user-form-org"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" data-testid="user-form-error" title={errorText(error)} />}
      </Form>
    </Modal>
  );
}
