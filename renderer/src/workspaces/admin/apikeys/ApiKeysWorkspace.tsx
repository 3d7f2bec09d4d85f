import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useErrorText } from '../../../i18n/useDisplay';
import { formatDateTime } from '../../../time/dayjs';
import { ApiKeySecretModal } from './ApiKeySecretModal';
import { CreateApiKeyModal, type IssuedApiKey } from './CreateApiKeyModal';
import { open311BaseUrl } from './open311Endpoint';

type Dialog = { kind: 'create' } | { kind: 'secret'; issued: IssuedApiKey } | null;

function Endpoint() {
  const { t } = useTranslation();
  const base = open311BaseUrl();
  if (base === null) return <span data-testid="apikey-endpoint">{t('apiKeys.endpointElectron')}</span>;
  return (
    <span>
      {t('apiKeys.endpoint')}
      <Typography.Text code copyable data-testid="apikey-endpoint">
        {base}
      </Typography.Text>
    </span>
  );
}

export function ApiKeysWorkspace() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<Dialog>(null);
  // No event announces keys or their use: refetch whenever the page opens (and on Refresh).
  const keys = useApiQuery('admin.apiKeys.list', {}, { staleTime: 0 });
  const revoke = useApiMutation('admin.apiKeys.revoke', {
    invalidates: ['admin.apiKeys.list'],
    onSuccess: (key) => {
      void message.success(t('apiKeys.revoked', { name: key.name }));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
  const active = keys.data?.filter((k) => k.revokedAt === null).length ?? 0;

  return (
    <>
      <WorkspaceTitle
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="apikey-create"
            onClick={() => {
              setDialog({ kind: 'create' });
            }}
          >
            {t('apiKeys.create')}
          </Button>
        }
      >
        {t('apiKeys.title')}
      </WorkspaceTitle>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="apikey-intro"
        title={t('apiKeys.intro')}
        description={<Endpoint />}
      />
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Button
          icon={<ReloadOutlined />}
          loading={keys.isFetching}
          data-testid="apikey-refresh"
          onClick={() => void keys.refetch()}
        >
          {t('apiKeys.refresh')}
        </Button>
        {keys.data && (
          <Typography.Text type="secondary" data-testid="apikey-count">
            {t('apiKeys.count', { count: keys.data.length, active })}
          </Typography.Text>
        )}
      </Flex>
      {keys.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(keys.error)} />}
      <Table<ApiKey>
        size="small"
        rowKey="id"
        loading={keys.isPending}
        dataSource={keys.data ?? []}
        pagination={false}
        data-testid="apikey-table"
        onRow={(k) =>
          ({
            'data-testid': 'apikey-row',
            'data-name': k.name,
            'data-state': k.revokedAt === null ? 'active' : 'revoked',
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'name', title: t('apiKeys.column.name'), dataIndex: 'name' },
          {
            key: 'prefix',
            title: t('apiKeys.column.prefix'),
            dataIndex: 'prefix',
            render: (prefix: string) => <Typography.Text code>{`${prefix}…`}</Typography.Text>,
          },
          { key: 'createdBy', title: t('apiKeys.column.createdBy'), dataIndex: 'createdByName' },
          {
            key: 'createdAt',
            title: t('apiKeys.column.createdAt'),
            dataIndex: 'createdAt',
            render: (at: number) => <span className="tabular">{formatDateTime(at)}</span>,
          },
          {
            key: 'lastUsed',
            title: t('apiKeys.column.lastUsed'),
            dataIndex: 'lastUsedAt',
            render: (at: number | null) =>
              at === null ? (
                <Typography.Text type="secondary">{t('apiKeys.never')}</Typography.Text>
              ) : (
                <span className="tabular">{formatDateTime(at)}</span>
              ),
          },
          {
            key: 'state',
            title: t('apiKeys.column.state'),
            render: (_, k) =>
              k.revokedAt === null ? (
                <Tag color="green" data-testid="apikey-state">
                  {t('apiKeys.state.active')}
                </Tag>
              ) : (
                <Space size={4} wrap>
                  <Tag data-testid="apikey-state">{t('apiKeys.state.revoked')}</Tag>
                  <Typography.Text type="secondary" className="tabular">
                    {t('apiKeys.revokedAt', { at: formatDateTime(k.revokedAt) })}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, k) => (
              <Popconfirm
                title={t('apiKeys.confirmRevoke', { name: k.name })}
                okText={t('apiKeys.revoke')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'apikey-revoke-confirm' }}
                disabled={k.revokedAt !== null}
                onConfirm={() => {
                  revoke.mutate({ id: k.id });
                }}
              >
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={k.revokedAt !== null || (revoke.isPending && revoke.variables.id === k.id)}
                  data-testid="apikey-revoke"
                >
                  {t('apiKeys.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && (
        <CreateApiKeyModal
          onClose={() => {
            setDialog(null);
          }}
          onIssued={(issued) => {
            void message.success(t('apiKeys.created', { name: issued.key.name }));
            setDialog({ kind: 'secret', issued });
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <ApiKeySecretModal
          issued={dialog.issued}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
