import { Alert, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, CameraFilter } from '../../../../../common/contract/cameras';
import { useApiQuery } from '../../../api';
import { useDebounced } from '../../../components/useDebounced';
import { useErrorText } from '../../../i18n/useDisplay';
import { CameraActions } from './CameraActions';
import { cameraColumns } from './cameraColumns';
import { CameraFormModal } from './CameraFormModal';
import { CameraImportModal } from './CameraImportModal';
import { CameraRegistryToolbar, type EnabledChoice } from './CameraRegistryToolbar';

type Dialog = { kind: 'create' } | { kind: 'edit'; camera: Camera } | { kind: 'import' } | null;

export function CameraRegistryTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [enabled, setEnabled] = useState<EnabledChoice>('all');
  const [dialog, setDialog] = useState<Dialog>(null);
  // The text filter runs on the hub: wait for a pause in typing rather than query on every key.
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
      <CameraRegistryToolbar
        enabled={enabled}
        setEnabled={setEnabled}
        setText={setText}
        total={cameras.data?.total}
        filter={filter}
        onImport={() => {
          setDialog({ kind: 'import' });
        }}
        onCreate={() => {
          setDialog({ kind: 'create' });
        }}
      />
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
