import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api';
import { base64ToBytes, saveFile } from '../../../components/download';
import { useErrorText } from '../../../i18n/useDisplay';

/** Exports the entries a search finds to XLSX and saves the file; says when the export was capped. */
export function useLogExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useApiMutation('duty.log.export', {
    onSuccess: (file) => {
      saveFile(file.fileName, file.mime, base64ToBytes(file.dataBase64));
      const key = file.truncated ? 'duty.search.exportTruncated' : 'duty.search.exported';
      void message.success(t(key, { count: file.rows, fileName: file.fileName }));
    },
    onError: (e) => {
      void message.error(t('duty.search.exportFailed', { message: errorText(e) }));
    },
  });
}
