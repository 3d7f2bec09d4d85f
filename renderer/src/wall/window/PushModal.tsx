import { Alert, Form, Modal, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BIGSCREEN_DWELL_DEFAULT_S, canSeeBigScreen } from '../../../../common/contract/bigscreen';
import { useApiQuery } from '../../api';
import { useUser } from '../../stores/session';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { PushTargetFields } from './PushTargetFields';
import { usePushToWindow, type PushFields } from './usePushToWindow';

export interface PushPreset {
  cameraId?: string;
}

/**
 * Sends a camera, a saved view, a tour or — for those who may see it — the big screen (大屏) to a wall
 * window (wall.push).
 */
export function PushModal({ preset, onClose }: { preset: PushPreset | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useAnyErrorText();
  const [form] = Form.useForm<PushFields>();
  const open = preset !== null;
  const { windows, push, submit } = usePushToWindow(open, onClose);
  const views = useApiQuery('wall.views.list', {}, { enabled: open });
  const tours = useApiQuery('wall.tours.list', {}, { enabled: open });
  const kind = Form.useWatch('kind', form);
  const bigScreen = canSeeBigScreen(useUser().roles);

  const windowRows = windows.data?.rows ?? [];
  const initialValues = useMemo<PushFields>(
    () => ({
      kind: 'camera',
      slot: -1,
      dwellSeconds: BIGSCREEN_DWELL_DEFAULT_S,
      ...(preset?.cameraId ? { cameraId: preset.cameraId } : {}),
    }),
    [preset],
  );
  return (
    <Modal
      open={open}
      title={t('wall.push.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('wall.push.action')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: push.isPending, disabled: windowRows.length === 0, 'data-testid': 'wall-push-ok' }}
      onOk={() => {
        form.submit();
      }}
    >
      {windows.isSuccess && windowRows.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('wall.push.noWindows')} />
      )}
      <Form<PushFields>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="wall-push-form"
      >
        <Form.Item name="windowId" label={t('wall.push.window')} rules={[{ required: true }]}>
          {/* The first choice takes the focus: keyboard users pick the window at once. */}
          <Select
            autoFocus
            data-testid="wall-push-window"
            loading={windows.isPending}
            options={windowRows.map((w) => ({
              value: w.windowId,
              label: `${w.name} · ${w.userName}${w.self ? ` ${t('wall.push.self')}` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('wall.push.what')}>
          <Radio.Group
            optionType="button"
            data-testid="wall-push-kind"
            options={[
              { value: 'camera', label: t('wall.push.camera') },
              { value: 'view', label: t('wall.push.view') },
              { value: 'tour', label: t('wall.push.tour') },
              ...(bigScreen ? [{ value: 'bigscreen', label: t('bigscreen.open') }] : []),
            ]}
          />
        </Form.Item>
        <PushTargetFields kind={kind} views={views.data?.rows ?? []} tours={tours.data?.rows ?? []} />
        {push.error && (
          <Alert type="error" showIcon title={t('wall.push.failed', { message: errorText(push.error) })} />
        )}
      </Form>
    </Modal>
  );
}
