import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api';
import { formatDateTime } from '../../../time/dayjs';
import { useShiftRange } from '../shiftLabel';
import { ReportButton } from './ReportButton';

/** The unit's latest sealed shifts, each with its printable report. */
export function RecentSealed() {
  const { t } = useTranslation();
  const range = useShiftRange();
  const sealed = useApiQuery('duty.handover.sealed', { limit: 20 });
  return (
    <Card size="small" title={t('duty.handover.recent')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={sealed.isLoading}
        dataSource={sealed.data ?? []}
        locale={{ emptyText: t('duty.handover.recentNone') }}
        data-testid="handover-recent"
        columns={[
          { key: 'shift', title: t('duty.search.columns.shift'), render: (_, s) => `${s.shiftName} ${range(s)}` },
          { key: 'sealed', title: t('duty.status.sealed'), render: (_, s) => formatDateTime(s.sealedAt) },
          {
            key: 'hash',
            title: t('duty.handover.sealHash'),
            render: (_, s) => <code>{s.sealHash.slice(0, 16)}…</code>,
          },
          { key: 'report', title: '', render: (_, s) => <ReportButton shiftId={s.id} size="small" /> },
        ]}
      />
    </Card>
  );
}
