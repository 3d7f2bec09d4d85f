import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Radio, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CameraImport, ImportFormat } from './useCameraImport';

/** Reading a file into the import text, and the format the text is in. */
export function ImportSourceBar({ state }: { state: CameraImport }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
      <Upload
        accept=".csv,.json,text/csv,application/json"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          // Read in the browser and sent as text: the hub parses, so the report's lines match the file.
          void file.text().then((content) => {
            state.fileRead(file.name, content);
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="camera-import-file">
          {t('cameras.import.file')}
        </Button>
      </Upload>
      {state.fileName && (
        <Typography.Text type="secondary" data-testid="camera-import-file-name">
          {t('cameras.import.fileRead', { name: state.fileName })}
        </Typography.Text>
      )}
      <Flex align="center" gap={8} style={{ marginLeft: 'auto' }}>
        <Typography.Text>{t('cameras.import.format')}</Typography.Text>
        <Radio.Group
          optionType="button"
          size="small"
          value={state.format}
          onChange={(e) => {
            state.formatChosen(e.target.value as ImportFormat);
          }}
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'json', label: 'JSON' },
          ]}
          data-testid="camera-import-format"
        />
      </Flex>
    </Flex>
  );
}
