import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportEntry, ReportFormat } from '../../../../../common/contract';
import { shanghaiDate } from '../../../../../common/domain/time';
import { formatDateTime } from '../../../time/dayjs';
import { formatBytes } from '../../../components/formatBytes';

/** The reports table's columns: name, kind, period, scope, when, size, and a download per file. */
export function useReportColumns(
  download: (name: string, format: ReportFormat) => void,
  pending: string | null,
): TableColumnsType<ReportEntry> {
  const { t } = useTranslation();
  return [
    { title: t('kpiReports.col.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('kpiReports.col.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: ReportEntry['kind']) =>
        kind === 'daily' ? t('kpiReports.kind.daily') : t('kpiReports.kind.weekly'),
    },
    {
      title: t('kpiReports.col.period'),
      key: 'period',
      render: (_: unknown, r: ReportEntry) =>
        r.kind === 'daily' ? r.date : t('kpiReports.periodRange', { from: r.date, to: shanghaiDate(r.to - 1) }),
    },
    {
      title: t('kpiReports.col.scope'),
      key: 'scope',
      render: (_: unknown, r: ReportEntry) => (r.stationId === null ? t('kpiReports.center') : r.scopeName),
    },
    {
      title: t('kpiReports.col.generatedAt'),
      dataIndex: 'generatedAt',
      key: 'generatedAt',
      render: (at: number) => <span className="tabular">{formatDateTime(at)}</span>,
    },
    {
      title: t('kpiReports.col.size'),
      key: 'size',
      render: (_: unknown, r: ReportEntry) => (
        <span className="tabular">
          {r.files.map((f) => `${f.format.toUpperCase()} ${formatBytes(f.bytes)}`).join(' · ')}
        </span>
      ),
    },
    {
      title: t('kpiReports.col.download'),
      key: 'download',
      render: (_: unknown, r: ReportEntry) => (
        <Space size={4}>
          {r.files.map((f) => (
            <Button
              key={f.format}
              size="small"
              icon={f.format === 'pdf' ? <FilePdfOutlined /> : <DownloadOutlined />}
              loading={pending === `${r.name}.${f.format}`}
              data-testid={`report-download-${f.format}`}
              onClick={() => {
                download(r.name, f.format);
              }}
            >
              {f.format.toUpperCase()}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
}
