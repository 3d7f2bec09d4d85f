import { Alert, Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../common/contract';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useErrorText } from '../../../i18n/useDisplay';
import { formatDateTime } from '../../../time/dayjs';
import { AuditFilterBar } from './AuditFilterBar';
import { auditSummary, auditTarget, errorName, methodName } from './render';
import { useAuditRender } from './useAuditRender';
import type { AuditFilters } from './filters';
import { useAuditLog } from './useAuditLog';

export function AuditWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const names = useAuditRender();
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
        columns={[
          {
            key: 'at',
            title: t('audit.column.at'),
            dataIndex: 'at',
            width: 170,
            render: (at: number) => <span className="tabular">{formatDateTime(at)}</span>,
          },
          {
            key: 'actor',
            title: t('audit.column.actor'),
            width: 120,
            // The display name; the sign-in name (what was typed, for failed sign-ins) only when there is none.
            render: (_, e) => <span data-testid="audit-actor">{e.actorDisplayName ?? e.actorName}</span>,
          },
          {
            key: 'method',
            title: t('audit.column.method'),
            dataIndex: 'method',
            width: 160,
            // The contract name stays reachable for whoever reads the code: on hover.
            render: (method: string) => (
              <Tooltip title={method}>
                <span data-testid="audit-method">{methodName(method, names)}</span>
              </Tooltip>
            ),
          },
          {
            key: 'target',
            title: t('audit.column.target'),
            width: 160,
            ellipsis: { showTitle: false },
            render: (_, e) => {
              const target = auditTarget(e, names);
              return target === null ? t('common.none') : <Tooltip title={target}>{target}</Tooltip>;
            },
          },
          {
            key: 'summary',
            title: t('audit.column.summary'),
            ellipsis: { showTitle: false },
            render: (_, e) => {
              const summary = auditSummary(e, names);
              return (
                <Tooltip title={summary}>
                  <span data-testid="audit-summary">{summary}</span>
                </Tooltip>
              );
            },
          },
          {
            key: 'result',
            title: t('audit.column.result'),
            width: 220,
            render: (_, e) =>
              e.ok ? (
                <Tag color="green">{t('audit.ok')}</Tag>
              ) : (
                <Tag color="red">
                  {t('audit.failed')}
                  {e.errorCode ? ` · ${errorName(e.errorCode, names)}` : ''}
                </Tag>
              ),
          },
        ]}
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
