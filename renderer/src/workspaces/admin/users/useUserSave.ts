import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import type { Role } from '../../../../../common/domain/roles';
import { useApiMutation } from '../../../api';
import { markServerErrors } from '../../../components/form-errors';

export interface UserFields {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  orgUnitId: string;
}

const FIELDS = ['username', 'displayName', 'password', 'roles', 'orgUnitId'] as const;

/** Creates (no `user`) or updates the user from the form; server errors are marked on their fields. */
export function useUserSave(form: FormInstance<UserFields>, user: UserRecord | null, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
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

  const submit = (fields: UserFields) => {
    if (user) {
      update.mutate({ id: user.id, displayName: fields.displayName, roles: fields.roles, orgUnitId: fields.orgUnitId });
    } else {
      create.mutate(fields);
    }
  };
  return { submit, pending, error };
}
