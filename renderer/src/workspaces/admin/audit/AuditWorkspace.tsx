import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../common/contract';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useErrorText } from '../../../i18n/useDisplay';
import { AuditFilterBar } from './AuditFilterBar';
import { useAuditColumns } from './auditColumns';
import type { AuditFilters } from './filters';
import { useAuditLog } from './useAuditLog';

export function AuditWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const columns = useAuditColumns();
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);

  return (
    <>
      <WorkspaceTitle>{t('audit.title')}</WorkspaceTitle>
      <AuditFilterBar onApply={setFilters} />
      {log.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(log.error)} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={log.isPending || (log.isFetching && !log.isFetchingNextPage && log.isPlaceholderData)}
        dataSource={rows}
        pagination={false}
        data-testid="audit-table"
        onRow={(e) =>
          ({
            'data-testid': 'audit-row',
            'data-ok': String(e.ok),
            'data-id': String(e.id),
            'data-method': e.method,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={columns}
      />
      <Flex align="center" justify="center" gap={12} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="audit-count">
          {t('audit.loaded', { count: rows.length })}
        </Typography.Text>
        {log.hasNextPage ? (
          <Button
            data-testid="audit-load-more"
            loading={log.isFetchingNextPage}
            onClick={() => {
              void log.fetchNextPage();
            }}
          >
            {t('common.loadMore')}
          </Button>
        ) : (
          log.data && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
        )}
      </Flex>
    </>
  );
}
