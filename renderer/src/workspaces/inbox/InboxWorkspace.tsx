import { Alert, Badge, Card, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_KINDS, type InboxKind } from '../../../../common/contract';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { useInbox } from '../../orders/inbox/useInbox';
import { useNow } from '../../time/useNow';
import { ReportDueRow } from '../../incidents/alerts/ReportDueRow';
import { InboxTable } from './InboxTable';

type Filter = InboxKind | 'report' | 'all';

/**
 * 待办: everything waiting for the caller's action. Incident reports to send come first (they have
 * minutes, not hours); an order row opens the order's drawer.
 */
export function InboxWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const now = useNow(60_000);
  const inbox = useInbox();
  const [filter, setFilter] = useState<Filter>('all');
  const counts = inbox.data?.counts;
  // Only the kinds this user has (a station chief has no approvals): the rest would always read 0.
  const kinds = useMemo(
    () => INBOX_KINDS.filter((k) => inbox.data?.items.some((i) => i.kind === k) ?? false),
    [inbox.data],
  );
  const reports = inbox.data?.reports ?? [];
  const shown: Filter = filter === 'report' ? (reports.length > 0 ? 'report' : 'all') : filter;
  const rows = (inbox.data?.items ?? []).filter((i) => shown === 'all' || i.kind === shown);
  const label = (text: string, count: number | undefined) => (
    <span>
      {text} <Badge count={count ?? 0} size="small" showZero color="#3b6fb6" />
    </span>
  );
  return (
    <>
      <WorkspaceTitle
        extra={
          <Segmented<Filter>
            data-testid="inbox-filter"
            value={shown === 'report' || kinds.includes(shown as InboxKind) ? shown : 'all'}
            onChange={setFilter}
            options={[
              { value: 'all', label: label(t('inbox.all'), counts?.total) },
              ...(reports.length > 0
                ? [{ value: 'report' as const, label: label(t('inbox.kind.report'), counts?.report) }]
                : []),
              ...kinds.map((k) => ({ value: k, label: label(t(`inbox.kind.${k}`), counts?.[k]) })),
            ]}
          />
        }
      >
        {t('inbox.title')}
      </WorkspaceTitle>
      {inbox.error && <Alert type="error" showIcon title={errorText(inbox.error)} style={{ marginBottom: 12 }} />}
      {reports.length > 0 && (shown === 'all' || shown === 'report') && (
        <Card size="small" title={t('inbox.drawer.reports')} style={{ marginBottom: 12 }} data-testid="inbox-reports">
          {reports.map((r) => (
            <ReportDueRow key={r.key} item={r} testId="inbox-report" />
          ))}
        </Card>
      )}
      {shown !== 'report' && <InboxTable rows={rows} loading={inbox.isLoading} now={now} />}
    </>
  );
}
