import { Card, Empty, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { reportStatus } from '../../../../common/domain/incidents';
import { useNow } from '../../time/useNow';
import { RecordReportModal, type ReportToRecord } from './RecordReportModal';
import { useReportColumns } from './useReportColumns';

/**
 * Report deadlines (初报 / 书面报告 / 续报) with a live countdown; 记录报告 on an open one stops its
 * timer. A missed report stays red, also once recorded late (迟报); deadlines a level change replaced
 * show as superseded. `canRecord`: the roles incidents.report.record allows, on an active incident.
 */
export function ReportsCard({ detail, canRecord }: { detail: IncidentDetail; canRecord: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const [recording, setRecording] = useState<ReportToRecord | null>(null);
  const active = detail.incident.closedAt === null;
  // The hub's status is as of the fetch; the clock moves on between fetches.
  const rows = detail.reports.map((r) => ({ ...r, status: reportStatus(r, now) }));
  const columns = useReportColumns({
    now,
    active,
    canRecord,
    onRecord: (report) => {
      setRecording({ incidentId: detail.incident.id, report });
    },
  });

  return (
    <Card size="small" title={t('incidents.reports.title')} data-testid="incident-reports">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.reports.empty')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={rows}
          onRow={(r) =>
            ({
              'data-testid': 'incident-report',
              'data-report-id': r.id,
              'data-kind': r.kind,
              'data-status': r.status,
              className: 'incident-report-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={columns}
        />
      )}
      <RecordReportModal
        target={recording}
        onClose={() => {
          setRecording(null);
        }}
      />
    </Card>
  );
}
