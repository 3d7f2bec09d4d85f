import { Alert, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/useDisplay';
import { ImportFooter } from './ImportFooter';
import { ImportReportTable } from './ImportReportTable';
import { ImportSourceBar } from './ImportSourceBar';
import { useCameraImport } from './useCameraImport';

/**
 * Check first (dryRun: nothing saved, the report says what would happen), then import: the hub
 * saves the good rows in one transaction and rejects the bad ones by line.
 */
export function CameraImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const state = useCameraImport();
  const { importer, report } = state;
  return (
    <Modal
      open
      width={860}
      title={t('cameras.import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={<ImportFooter state={state} onClose={onClose} />}
    >
      <Typography.Paragraph type="secondary">{t('cameras.import.help')}</Typography.Paragraph>
      <ImportSourceBar state={state} />
      <Input.TextArea
        value={state.text}
        rows={6}
        spellCheck={false}
        placeholder={t('cameras.import.text')}
        aria-label={t('cameras.import.text')}
        style={{ fontFamily: 'monospace' }}
        data-testid="camera-import-text"
        onChange={(e) => {
          state.changed(e.target.value);
        }}
      />
      {importer.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="camera-import-error-alert"
          title={errorText(importer.error)}
        />
      )}
      {report && <ImportReportTable report={report} />}
    </Modal>
  );
}
