import { Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../common/contract';
import { formatDateTime } from '../../../time/dayjs';
import { auditSummary, auditTarget, errorName, methodName } from './render';
import { useAuditRender } from './useAuditRender';

/** The audit table's columns: who did what to which object, and whether it succeeded. */
export function useAuditColumns(): TableColumnsType<AuditEntry> {
  const { t } = useTranslation();
  const names = useAuditRender();
  return [
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
  ];
}
