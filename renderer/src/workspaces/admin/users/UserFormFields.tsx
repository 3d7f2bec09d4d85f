import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../common/domain/roles';
import { passwordRules } from '../../../components/passwordRules';
import { useRoleName } from '../../../i18n/useDisplay';
import { useUserOrgOptions } from './useUserOrgOptions';

/** The user form's fields; username and initial password only when creating. */
export function UserFormFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const org = useUserOrgOptions();
  const required = { required: true, message: t('users.form.required') };
  return (
    <>
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
    </>
  );
}
