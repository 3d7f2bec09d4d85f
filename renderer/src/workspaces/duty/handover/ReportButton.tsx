import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api';
import { base64ToBytes, saveFile } from '../../../components/download';
import { useErrorText } from '../../../i18n/useDisplay';

/** Downloads the A4 handover report (PDF) of a shift, as the hub prints it. */
export function ReportButton({ shiftId, size }: { shiftId: number; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const report = useApiMutation('duty.handover.report', {
    onSuccess: (file) => {
      saveFile(file.fileName, file.mime, base64ToBytes(file.dataBase64));
    },
    onError: (e) => {
      void message.error(errorText(e));
    },
  });
  return (
    <Button
      icon={<FilePdfOutlined />}
      size={size}
      loading={report.isPending}
      data-testid="handover-report"
      onClick={() => {
        report.mutate({ shiftId });
      }}
    >
      {t('duty.handover.report')}
    </Button>
  );
}
