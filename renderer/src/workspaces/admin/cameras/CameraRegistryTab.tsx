import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Segmented, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, CameraFilter } from '../../../../../common/contract/cameras';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { CameraActions } from './CameraActions';
import { cameraColumns } from './cameraColumns';
import { CameraExportButtons } from './CameraExportButtons';
import { CameraFormModal } from './CameraFormModal';
import { CameraImportModal } from './CameraImportModal';

type Dialog = { kind: 'create' } | { kind: 'edit'; camera: Camera } | { kind: 'import' } | null;
type EnabledChoice = 'all' | 'enabled' | 'disabled';

/** The text filter runs on the hub: wait for a pause in typing rather than query on every key. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, ms]);
  return settled;
}

export function CameraRegistryTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [enabled, setEnabled] = useState<EnabledChoice>('all');
  const [dialog, setDialog] = useState<Dialog>(null);
  const settledText = useDebounced(text.trim(), 250);
  const filter = useMemo<CameraFilter>(
    () => ({
      ...(settledText ? { text: settledText } : {}),
      ...(enabled === 'all' ? {} : { enabled: enabled === 'enabled' }),
    }),
    [settledText, enabled],
  );
  const cameras = useApiQuery('cameras.list', { filter });
  const columns = useMemo(() => cameraColumns(t), [t]);
  const close = () => {
    setDialog(null);
  };

  return (
    <>
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
        {cameras.data && (
          <Typography.Text type="secondary" data-testid="camera-count">
            {t('cameras.count', { count: cameras.data.total })}
          </Typography.Text>
        )}
        <Flex gap={8} style={{ marginLeft: 'auto' }} wrap>
          <CameraExportButtons filter={filter} />
          <Button
            icon={<UploadOutlined />}
            data-testid="camera-import-open"
            onClick={() => {
              setDialog({ kind: 'import' });
            }}
          >
            {t('cameras.import.open')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="camera-create"
            onClick={() => {
              setDialog({ kind: 'create' });
            }}
          >
            {t('cameras.create')}
          </Button>
        </Flex>
      </Flex>
      {cameras.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(cameras.error)} />}
      <Table<Camera>
        size="small"
        rowKey="id"
        loading={cameras.isPending}
        dataSource={cameras.data?.rows ?? []}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        data-testid="camera-table"
        onRow={(c) => ({ 'data-testid': 'camera-row', 'data-camera-id': c.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          ...columns,
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, c) => (
              <CameraActions
                camera={c}
                onEdit={() => {
                  setDialog({ kind: 'edit', camera: c });
                }}
              />
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && <CameraFormModal camera={null} onClose={close} />}
      {dialog?.kind === 'edit' && <CameraFormModal camera={dialog.camera} onClose={close} />}
      {dialog?.kind === 'import' && <CameraImportModal onClose={close} />}
    </>
  );
}
