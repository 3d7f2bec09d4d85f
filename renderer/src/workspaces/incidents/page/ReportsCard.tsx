import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../../common/contract';
import { reportStatus, type ReportStatus } from '../../../../../common/domain/incidents';
import { formatDateTime } from '../../../time/dayjs';
import { useNow } from '../../../time/useNow';
import { countdownText } from '../clockText';
import { LevelTag, useIncidentNames } from '../display';

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
 * Report deadlines (初报 / 书面报告 / 续报) with a live countdown; recording one stops its timer. A
 * missed or late report stays red; deadlines a level change replaced show as superseded.
 */
export function ReportsCard({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const now = useNow(1000);
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
                    <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
                      {r.text}
                    </Typography.Paragraph>
                  </div>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
