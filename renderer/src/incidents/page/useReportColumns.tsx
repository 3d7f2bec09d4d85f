import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import type { ReportStatus } from '../../../../common/domain/incidents';
import { formatDateTime } from '../../time/dayjs';
import { countdownText } from '../clockText';
import { LevelTag, useIncidentNames } from '../display';

/** A report row with its status as of now (the hub's is as of the fetch). */
export type ReportRow = IncidentDetail['reports'][number] & { status: ReportStatus };

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
 * The report deadlines' columns: kind and level, due, status with the countdown of an open one
 * while the incident runs, and what was recorded — or 记录报告 for whoever may record it.
 */
export function useReportColumns({
  now,
  active,
  canRecord,
  onRecord,
}: {
  now: number;
  active: boolean;
  canRecord: boolean;
  onRecord: (report: ReportRow) => void;
}): ColumnsType<ReportRow> {
  const { t } = useTranslation();
  const names = useIncidentNames();
  return [
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
          <Recorded report={r} at={r.recordedAt} />
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
                onRecord(r);
              }}
            >
              {t('incidents.reports.record')}
            </Button>
          )
        ),
    },
  ];
}

/** A recorded report: when and by whom, its text, how many files came with it. */
function Recorded({ report: r, at }: { report: ReportRow; at: number }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
        {formatDateTime(at)} · {r.recordedByName}
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
  );
}
