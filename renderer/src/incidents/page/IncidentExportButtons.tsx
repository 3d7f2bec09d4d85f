import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { base64ToBytes, saveFile } from '../../components/download';
import { useErrorText } from '../../i18n/useDisplay';

export interface IncidentExportButtonsProps {
  incidentId: number;
  /** A running incident prints an interim report (阶段报告); a closed one the final report. */
  closed: boolean;
}

/**
 * The incident report as an A4 PDF and the timeline as XLSX (incidents.export), downloaded as files.
 * Mounted in the incident view; the hub decides who may see the incident, as for incidents.get.
 */
export function IncidentExportButtons({ incidentId, closed }: IncidentExportButtonsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const exporter = useApiMutation('incidents.export', {
    onSuccess: (file) => {
      saveFile(file.fileName, file.mime, base64ToBytes(file.dataBase64));
      void message.success(t('incidentReport.done', { fileName: file.fileName }));
    },
    onError: (error) => {
      void message.error(t('incidentReport.failed', { message: errorText(error) }));
    },
  });
  const pendingFormat = exporter.isPending ? exporter.variables.format : null;
  const button = (format: 'pdf' | 'xlsx') => (
    <Button
      key={format}
      icon={format === 'pdf' ? <FilePdfOutlined /> : <DownloadOutlined />}
      data-testid={`incident-export-${format}`}
      loading={pendingFormat === format}
      disabled={exporter.isPending && pendingFormat !== format}
      onClick={() => {
        exporter.mutate({ id: incidentId, format });
      }}
    >
      {format === 'xlsx' ? t('incidentReport.xlsx') : closed ? t('incidentReport.pdf') : t('incidentReport.interimPdf')}
    </Button>
  );
  return (
    <Space data-testid="incident-export">
      {closed ? button('pdf') : <Tooltip title={t('incidentReport.interimHint')}>{button('pdf')}</Tooltip>}
      {button('xlsx')}
    </Space>
  );
}
