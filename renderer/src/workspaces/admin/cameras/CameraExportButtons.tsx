import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CameraFilter } from '../../../../../common/contract/cameras';
import { useApiMutation } from '../../../api';
import { base64ToBytes, saveFile } from '../../../components/download';
import { useErrorText } from '../../../i18n/useDisplay';

/** The registry as filtered now, in the import columns (credentials masked), so it re-imports as is. */
export function CameraExportButtons({ filter }: { filter: CameraFilter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const exporter = useApiMutation('cameras.export', {
    onSuccess: (file) => {
      saveFile(file.fileName, file.mime, base64ToBytes(file.dataBase64));
      void message.success(t('cameras.export.done', { count: file.rows, fileName: file.fileName }));
    },
    onError: (error) => {
      void message.error(t('cameras.export.failed', { message: errorText(error) }));
    },
  });
  const pendingFormat = exporter.isPending ? exporter.variables.format : null;
  return (
    <Space>
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          data-testid={`camera-export-${format}`}
          loading={pendingFormat === format}
          disabled={exporter.isPending && pendingFormat !== format}
          onClick={() => {
            exporter.mutate({ format, filter });
          }}
        >
          {t(`cameras.export.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
