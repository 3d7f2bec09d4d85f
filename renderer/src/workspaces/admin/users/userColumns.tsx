import { App, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { useApiMutation } from '../../../api';
import { useErrorText, useRoleName } from '../../../i18n/useDisplay';
import { useUser } from '../../../stores/session';
import { formatDateTime } from '../../../time/dayjs';
import { useNow } from '../../../time/useNow';
import { UserRowActions } from './UserRowActions';
import { UserStatusTags } from './UserStatusTags';

/** The user table's columns; the actions open the workspace's dialogs or disable/enable the account. */
export function useUserColumns({
  onEdit,
  onReset,
}: {
  onEdit: (user: UserRecord) => void;
  onReset: (user: UserRecord) => void;
}): TableColumnsType<UserRecord> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const roleName = useRoleName();
  const me = useUser();
  const now = useNow(30_000);
  const setDisabled = useApiMutation('admin.users.setDisabled', {
    invalidates: ['admin.users.list'],
    onSuccess: (u) => {
      void message.success(t(u.disabled ? 'users.disabledDone' : 'users.enabledDone', { username: u.username }));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
  return [
    {
      key: 'username',
      title: t('users.column.username'),
      dataIndex: 'username',
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (username: string, u) => (
        <Space size={4}>
          <Typography.Text code>{username}</Typography.Text>
          {u.id === me.id && <Tag>{t('users.you')}</Tag>}
        </Space>
      ),
    },
    { key: 'displayName', title: t('users.column.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles',
      title: t('users.column.roles'),
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((role) => (
            <Tag key={role} color="blue" data-role={role}>
              {roleName(role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'org', title: t('users.column.orgUnit'), dataIndex: 'orgUnitName' },
    { key: 'status', title: t('users.column.status'), render: (_, u) => <UserStatusTags user={u} now={now} /> },
    {
      key: 'lastLogin',
      title: t('users.column.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (at: number | null) => (
        <span className="tabular">{at === null ? t('users.never') : formatDateTime(at)}</span>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, u) => (
        <UserRowActions
          user={u}
          onEdit={() => {
            onEdit(u);
          }}
          onReset={() => {
            onReset(u);
          }}
          onToggleDisabled={() => {
            setDisabled.mutate({ id: u.id, disabled: !u.disabled });
          }}
        />
      ),
    },
  ];
}
