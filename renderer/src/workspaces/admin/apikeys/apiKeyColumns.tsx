import { App, Button, Popconfirm, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../../../common/contract';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { formatDateTime } from '../../../time/dayjs';
import { ApiKeyStateCell } from './ApiKeyStateCell';

/** The key table's columns, with the revoke action (a revoked key cannot be used again). */
export function useApiKeyColumns(): TableColumnsType<ApiKey> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const revoke = useApiMutation('admin.apiKeys.revoke', {
    invalidates: ['admin.apiKeys.list'],
    onSuccess: (key) => {
      void message.success(t('apiKeys.revoked', { name: key.name }));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
  return [
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
      render: (_, k) => <ApiKeyStateCell apiKey={k} />,
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
  ];
}
