import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../../common/contract/cameras';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';

/** A row's edit, enable/disable and delete; the last two ask first, since the wall changes at once. */
export function CameraActions({ camera, onEdit }: { camera: Camera; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const onError = (error: Parameters<typeof errorText>[0]) => {
    void message.error(errorText(error));
  };
  const setEnabled = useApiMutation('cameras.setEnabled', {
    invalidates: ['cameras.list'],
    onSuccess: (c) => {
      void message.success(t(c.enabled ? 'cameras.enabledDone' : 'cameras.disabledDone', { name: c.name }));
    },
    onError,
  });
  const remove = useApiMutation('cameras.delete', {
    invalidates: ['cameras.list'],
    onSuccess: () => {
      void message.success(t('cameras.deleted', { name: camera.name }));
    },
    onError,
  });
  const name = camera.name;
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" data-testid="camera-edit" onClick={onEdit}>
        {t('cameras.edit')}
      </Button>
      <Popconfirm
        title={t(camera.enabled ? 'cameras.confirmDisable' : 'cameras.confirmEnable', { name })}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: camera.enabled, 'data-testid': 'camera-confirm' }}
        onConfirm={() => {
          setEnabled.mutate({ id: camera.id, enabled: !camera.enabled });
        }}
      >
        <Button
          type="link"
          size="small"
          danger={camera.enabled}
          loading={setEnabled.isPending}
          data-testid="camera-toggle-enabled"
        >
          {camera.enabled ? t('cameras.disable') : t('cameras.enable')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('cameras.confirmDelete', { name })}
        okText={t('cameras.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'camera-confirm' }}
        onConfirm={() => {
          remove.mutate({ id: camera.id });
        }}
      >
        <Button type="link" size="small" danger loading={remove.isPending} data-testid="camera-delete">
          {t('cameras.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
