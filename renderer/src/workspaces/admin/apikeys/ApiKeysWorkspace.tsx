import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../../../common/contract';
import { useApiQuery } from '../../../api';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useErrorText } from '../../../i18n/useDisplay';
import { ApiKeyDialogs, type ApiKeyDialog } from './ApiKeyDialogs';
import { ApiKeyEndpoint } from './ApiKeyEndpoint';
import { useApiKeyColumns } from './apiKeyColumns';

export function ApiKeysWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<ApiKeyDialog>(null);
  // No event announces keys or their use: refetch whenever the page opens (and on Refresh).
  const keys = useApiQuery('admin.apiKeys.list', {}, { staleTime: 0 });
  const columns = useApiKeyColumns();
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
        description={<ApiKeyEndpoint />}
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
        columns={columns}
      />
      <ApiKeyDialogs dialog={dialog} setDialog={setDialog} />
    </>
  );
}
