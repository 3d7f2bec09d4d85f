import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useErrorText, useRoleName } from '../../../i18n/useDisplay';
import { useUser } from '../../../stores/session';
import { formatDateTime } from '../../../time/dayjs';
import { useNow } from '../../../time/useNow';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UserStatusTags } from './UserStatusTags';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRecord } | { kind: 'reset'; user: UserRecord } | null;

export function UsersWorkspace() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const roleName = useRoleName();
  const me = useUser();
  const now = useNow(30_000);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useApiQuery('admin.users.list', {});
  const setDisabled = useApiMutation('admin.users.setDisabled', {
    invalidates: ['admin.users.list'],
    onSuccess: (u) => {
      void message.success(t(u.disabled ? 'users.disabledDone' : 'users.enabledDone', { username: u.username }));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = users.data ?? [];
    if (!q) return all;
    return all.filter((u) => [u.username, u.displayName, u.orgUnitName].some((s) => s.toLowerCase().includes(q)));
  }, [users.data, filter]);

  const close = () => {
    setDialog(null);
  };

  return (
    <>
      <WorkspaceTitle
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="user-create"
            onClick={() => {
              setDialog({ kind: 'create' });
            }}
          >
            {t('users.create')}
          </Button>
        }
      >
        {t('users.title')}
      </WorkspaceTitle>
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('users.filter')}
          style={{ maxWidth: 320 }}
          data-testid="user-filter"
          onChange={(e) => {
            setFilter(e.target.value);
          }}
        />
        {users.data && (
          <Typography.Text type="secondary">{t('users.count', { count: users.data.length })}</Typography.Text>
        )}
      </Flex>
      {users.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(users.error)} />}
      <Table<UserRecord>
        size="small"
        rowKey="id"
        loading={users.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="user-table"
        onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as HTMLAttributes<HTMLElement>}
        columns={[
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
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  data-testid="user-edit"
                  onClick={() => {
                    setDialog({ kind: 'edit', user: u });
                  }}
                >
                  {t('users.edit')}
                </Button>
                <Popconfirm
                  title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: u.displayName })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: !u.disabled }}
                  onConfirm={() => {
                    setDisabled.mutate({ id: u.id, disabled: !u.disabled });
                  }}
                >
                  <Button
                    type="link"
                    size="small"
                    danger={!u.disabled}
                    // Locking oneself out of the only admin account helps no one.
                    disabled={u.id === me.id}
                    data-testid="user-toggle-disabled"
                  >
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </Popconfirm>
                <Button
                  type="link"
                  size="small"
                  data-testid="user-reset-password"
                  onClick={() => {
                    setDialog({ kind: 'reset', user: u });
                  }}
                >
                  {t('users.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && <UserFormModal user={null} onClose={close} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
    </>
  );
}
