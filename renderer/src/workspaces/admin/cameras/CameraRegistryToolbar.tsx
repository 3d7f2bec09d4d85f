import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CameraFilter } from '../../../../../common/contract/cameras';
import { CameraExportButtons } from './CameraExportButtons';

export type EnabledChoice = 'all' | 'enabled' | 'disabled';

/** Filter by text and enabled state, the count, export, import and create. */
export function CameraRegistryToolbar({
  enabled,
  setEnabled,
  setText,
  total,
  filter,
  onImport,
  onCreate,
}: {
  enabled: EnabledChoice;
  setEnabled: (choice: EnabledChoice) => void;
  setText: (text: string) => void;
  total: number | undefined;
  filter: CameraFilter;
  onImport: () => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        placeholder={t('cameras.filter')}
        style={{ maxWidth: 320 }}
        data-testid="camera-filter"
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <Segmented<EnabledChoice>
        value={enabled}
        onChange={setEnabled}
        data-testid="camera-enabled-filter"
        options={(['all', 'enabled', 'disabled'] as const).map((v) => ({
          value: v,
          label: t(`cameras.enabledFilter.${v}`),
        }))}
      />
      {total !== undefined && (
        <Typography.Text type="secondary" data-testid="camera-count">
          {t('cameras.count', { count: total })}
        </Typography.Text>
      )}
      <Flex gap={8} style={{ marginLeft: 'auto' }} wrap>
        <CameraExportButtons filter={filter} />
        <Button icon={<UploadOutlined />} data-testid="camera-import-open" onClick={onImport}>
          {t('cameras.import.open')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} data-testid="camera-create" onClick={onCreate}>
          {t('cameras.create')}
        </Button>
      </Flex>
    </Flex>
  );
}
