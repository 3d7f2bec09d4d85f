import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { useApiQuery } from '../../../api';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useErrorText } from '../../../i18n/useDisplay';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { useUserColumns } from './userColumns';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRecord } | { kind: 'reset'; user: UserRecord } | null;

export function UsersWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useApiQuery('admin.users.list', {});
  const columns = useUserColumns({
    onEdit: (user) => {
      setDialog({ kind: 'edit', user });
    },
    onReset: (user) => {
      setDialog({ kind: 'reset', user });
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
        columns={columns}
      />
      {dialog?.kind === 'create' && <UserFormModal user={null} onClose={close} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
    </>
  );
}
