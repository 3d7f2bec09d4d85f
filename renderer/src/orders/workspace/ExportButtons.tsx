import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { base64ToBytes, saveFile } from '../../components/download';
import { useErrorText } from '../../i18n/useDisplay';
import type { OrderListQuery } from './query';

/** The list as filtered and sorted now, as a spreadsheet or CSV file. */
export function ExportButtons({ query }: { query: OrderListQuery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const exporter = useApiMutation('orders.export', {
    onSuccess: (file) => {
      saveFile(file.fileName, file.mime, base64ToBytes(file.dataBase64));
      void message.success(t('orders.export.done', { count: file.rows, fileName: file.fileName }));
    },
    onError: (error) => {
      void message.error(t('orders.export.failed', { message: errorText(error) }));
    },
  });
  const pendingFormat = exporter.isPending ? exporter.variables.format : null;
  return (
    <Space>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          data-testid={`export-${format}`}
          loading={pendingFormat === format}
          disabled={exporter.isPending && pendingFormat !== format}
          onClick={() => {
            exporter.mutate({ filter: query.filter, sort: query.sort, format });
          }}
        >
          {t(`orders.export.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
