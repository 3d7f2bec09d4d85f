import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { reportStatus, type ReportStatus } from '../../../../common/domain/incidents';
import { formatDateTime } from '../../time/dayjs';
import { useNow } from '../../time/useNow';
import { countdownText } from '../clockText';
import { LevelTag, useIncidentNames } from '../display';
import { RecordReportModal, type ReportToRecord } from './RecordReportModal';

const STATUS_COLOURS: Record<ReportStatus, string> = {
  pending: 'processing',
  soon: 'warning',
  missed: 'error',
  late: 'error',
  on_time: 'success',
  superseded: 'default',
};

const isOpen = (s: ReportStatus) => s === 'pending' || s === 'soon' || s === 'missed';

/**
 * Report deadlines (初报 / 书面报告 / 续报) with a live countdown; 记录报告 on an open one stops its
 * timer. A missed report stays red, also once recorded late (迟报); deadlines a level change replaced
 * show as superseded. `canRecord`: the roles incidents.report.record allows, on an active incident.
 */
export function ReportsCard({ detail, canRecord }: { detail: IncidentDetail; canRecord: boolean }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const now = useNow(1000);
  const [recording, setRecording] = useState<ReportToRecord | null>(null);
  const active = detail.incident.closedAt === null;
  // The hub's status is as of the fetch; the clock moves on between fetches.
  const rows = detail.reports.map((r) => ({ ...r, status: reportStatus(r, now) }));

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
          columns={[
            {
              key: 'kind',
              title: t('incidents.reports.kind'),
              render: (_, r) => (
                <span>
                  {names.report(r.kind)} <LevelTag level={r.level} />
                </span>
              ),
            },
            {
              key: 'due',
              title: t('incidents.reports.due'),
              render: (_, r) => <span className="tabular">{formatDateTime(r.dueAt)}</span>,
            },
            {
              key: 'status',
              title: t('incidents.reports.status'),
              render: (_, r) => (
                <span>
                  <Tag color={STATUS_COLOURS[r.status]} data-testid="incident-report-status">
                    {t(`incidents.reports.statuses.${r.status}`)}
                  </Tag>
                  {isOpen(r.status) && active && (
                    <span className="tabular" data-testid="incident-report-countdown">
                      {countdownText(r.dueAt - now)}
                    </span>
                  )}
                </span>
              ),
            },
            {
              key: 'recorded',
              title: t('incidents.reports.recorded'),
              render: (_, r) =>
                r.recordedAt !== null ? (
                  <div>
                    <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
                      {formatDateTime(r.recordedAt)} · {r.recordedByName}
                    </Typography.Text>
                    <Typography.Paragraph
                      style={{ margin: 0 }}
                      ellipsis={{ rows: 2, expandable: true }}
                      data-testid="incident-report-text-recorded"
                    >
                      {r.text}
                    </Typography.Paragraph>
                    {r.attachmentIds.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="incident-report-files">
                        <PaperClipOutlined /> {t('incidents.reports.files', { count: r.attachmentIds.length })}
                      </Typography.Text>
                    )}
                  </div>
                ) : (
                  canRecord &&
                  active &&
                  isOpen(r.status) && (
                    <Button
                      size="small"
                      type={r.status === 'pending' ? 'default' : 'primary'}
                      danger={r.status === 'missed'}
                      data-testid="incident-report-record"
                      onClick={() => {
                        setRecording({ incidentId: detail.incident.id, report: r });
                      }}
                    >
                      {t('incidents.reports.record')}
                    </Button>
                  )
                ),
            },
          ]}
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
