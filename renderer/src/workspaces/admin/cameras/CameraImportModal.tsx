import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraImportReport } from '../../../../../common/contract/cameras';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { ImportReportTable } from './ImportReportTable';

type Format = 'csv' | 'json';

/** A file's format from its name, else from its first character (JSON files open with [ or {). */
function guessFormat(fileName: string, text: string): Format {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

/**
 * Check first (dryRun: nothing saved, the report says what would happen), then import: the hub
 * saves the good rows in one transaction and rejects the bad ones by line.
 */
export function CameraImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [format, setFormat] = useState<Format>('csv');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<CameraImportReport | null>(null);
  const importer = useApiMutation('cameras.import', {
    invalidates: ['cameras.list'],
    onSuccess: setReport,
  });

  const run = (dryRun: boolean) => {
    importer.mutate({ format, text, dryRun });
  };
  const changed = (next: string) => {
    setText(next);
    // A report describes the text it was made from; an edited text needs a new check.
    setReport(null);
  };
  const empty = text.trim() === '';
  const pendingDry = importer.isPending ? importer.variables.dryRun : null;

  return (
    <Modal
      open
      width={860}
      title={t('cameras.import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button data-testid="camera-import-close" onClick={onClose}>
            {t('cameras.import.close')}
          </Button>
          <Button
            data-testid="camera-import-check"
            disabled={empty || importer.isPending}
            loading={pendingDry === true}
            onClick={() => {
              run(true);
            }}
          >
            {t('cameras.import.check')}
          </Button>
          <Button
            type="primary"
            data-testid="camera-import-run"
            disabled={empty || importer.isPending}
            loading={pendingDry === false}
            onClick={() => {
              run(false);
            }}
          >
            {t('cameras.import.run')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('cameras.import.help')}</Typography.Paragraph>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Upload
          accept=".csv,.json,text/csv,application/json"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            // Read in the browser and sent as text: the hub parses, so the report's lines match the file.
            void file.text().then((content) => {
              setFileName(file.name);
              setFormat(guessFormat(file.name, content));
              changed(content);
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="camera-import-file">
            {t('cameras.import.file')}
          </Button>
        </Upload>
        {fileName && (
          <Typography.Text type="secondary" data-testid="camera-import-file-name">
            {t('cameras.import.fileRead', { name: fileName })}
          </Typography.Text>
        )}
        <Flex align="center" gap={8} style={{ marginLeft: 'auto' }}>
          <Typography.Text>{t('cameras.import.format')}</Typography.Text>
          <Radio.Group
            optionType="button"
            size="small"
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as Format);
              setReport(null);
            }}
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
            data-testid="camera-import-format"
          />
        </Flex>
      </Flex>
      <Input.TextArea
        value={text}
        rows={6}
        spellCheck={false}
        placeholder={t('cameras.import.text')}
        aria-label={t('cameras.import.text')}
        style={{ fontFamily: 'monospace' }}
        data-testid="camera-import-text"
        onChange={(e) => {
          changed(e.target.value);
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
