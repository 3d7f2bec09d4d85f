import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraImportLine, CameraImportReport } from '../../../../../common/contract/cameras';
import { useLanguage } from '../../../stores/language';
import { columnLabel } from './camera-errors';

/** The hub's report line by line: which file line, accepted (as create or update) or why not. */
export function ImportReportTable({ report }: { report: CameraImportReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = t(report.dryRun ? 'cameras.import.checked' : 'cameras.import.done', {
    total: report.total,
    created: report.created,
    updated: report.updated,
    rejected: report.rejected,
  });
  return (
    <>
      <Typography.Paragraph
        strong
        type={report.rejected > 0 ? 'warning' : 'success'}
        data-testid="camera-import-summary"
        style={{ marginTop: 12 }}
      >
        {summary}
      </Typography.Paragraph>
      <Table<CameraImportLine>
        size="small"
        rowKey={(l) => `${String(l.line)}-${l.cameraId ?? ''}`}
        dataSource={report.lines}
        pagination={false}
        scroll={{ y: 280 }}
        data-testid="camera-import-report"
        onRow={(l) =>
          ({
            'data-testid': 'camera-import-line',
            'data-line': l.line,
            'data-ok': String(l.ok),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'line',
            title: t('cameras.import.column.line'),
            dataIndex: 'line',
            width: 70,
            render: (line: number) => <span className="tabular">{line}</span>,
          },
          {
            key: 'result',
            title: t('cameras.import.column.result'),
            width: 90,
            render: (_, l) =>
              l.ok ? (
                <Tag color="green">{t(`cameras.import.ok.${l.action ?? 'none'}`)}</Tag>
              ) : (
                <Tag color="red">{t('cameras.import.rejected')}</Tag>
              ),
          },
          {
            key: 'cameraId',
            title: t('cameras.import.column.cameraId'),
            dataIndex: 'cameraId',
            width: 120,
            render: (id: string | undefined) => <span className="tabular">{id ?? '—'}</span>,
          },
          {
            key: 'errors',
            title: t('cameras.import.column.errors'),
            render: (_, l) =>
              l.errors.map((e, i) => (
                <div key={i} data-testid="camera-import-error" data-field={e.field} data-code={e.code}>
                  <Typography.Text type="secondary">
                    {columnLabel(e.field, language, t('cameras.import.fileField'))}：
                  </Typography.Text>
                  {language === 'en' ? e.en : e.zh}
                </div>
              )),
          },
        ]}
      />
    </>
  );
}
