import { Alert, App, Form, Modal, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallPushTarget } from '../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { useCameraMap } from '../cameras/useCameraMap';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { MAX_TILES } from '../layouts';

type Kind = WallPushTarget['kind'];

interface Fields {
  windowId?: string;
  kind: Kind;
  cameraId?: string;
  viewId?: number;
  tourId?: number;
  /** -1: the window decides (first free tile, or its selected tile for a tour). */
  slot: number;
}

export interface PushPreset {
  cameraId?: string;
}

/** Sends a camera, a saved view or a tour to a wall window (wall.push). */
export function PushModal({ preset, onClose }: { preset: PushPreset | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useAnyErrorText();
  const [form] = Form.useForm<Fields>();
  const open = preset !== null;
  const windows = useApiQuery('wall.windows.list', {}, { enabled: open, refetchOnMount: 'always' });
  const views = useApiQuery('wall.views.list', {}, { enabled: open });
  const tours = useApiQuery('wall.tours.list', {}, { enabled: open });
  const { cameras } = useCameraMap();
  const kind = Form.useWatch('kind', form);
  const push = useApiMutation('wall.push', {
    onSuccess: (pushed) => {
      const name = windows.data?.rows.find((w) => w.windowId === pushed.windowId)?.name ?? pushed.windowId;
      void message.success(t('wall.push.done', { name }));
      onClose();
    },
  });

  const windowRows = windows.data?.rows ?? [];
  const initialValues = useMemo<Fields>(
    () => ({ kind: 'camera', slot: -1, ...(preset?.cameraId ? { cameraId: preset.cameraId } : {}) }),
    [preset],
  );
  const slotOptions = [
    { value: -1, label: t('wall.push.slotAuto') },
    ...Array.from({ length: MAX_TILES }, (_, i) => ({ value: i, label: t('wall.push.slotN', { n: i + 1 }) })),
  ];

  const submit = (f: Fields) => {
    if (!f.windowId) return;
    const slot = f.slot >= 0 ? { slot: f.slot } : {};
    let target: WallPushTarget | null = null;
    if (f.kind === 'camera' && f.cameraId) target = { kind: 'camera', cameraId: f.cameraId, ...slot };
    if (f.kind === 'view' && f.viewId !== undefined) target = { kind: 'view', viewId: f.viewId };
    if (f.kind === 'tour' && f.tourId !== undefined) target = { kind: 'tour', tourId: f.tourId, ...slot };
    if (target) push.mutate({ windowId: f.windowId, target });
  };

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
      <Form<Fields>
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
            ]}
          />
        </Form.Item>
        {kind === 'camera' && (
          <Form.Item name="cameraId" label={t('wall.push.camera')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="wall-push-camera"
              options={[...cameras.values()].map((c) => ({ value: c.id, label: `${c.name}（${c.id}）` }))}
            />
          </Form.Item>
        )}
        {kind === 'view' && (
          <Form.Item name="viewId" label={t('wall.push.view')} rules={[{ required: true }]}>
            <Select
              data-testid="wall-push-view"
              options={(views.data?.rows ?? []).map((v) => ({ value: v.id, label: v.name }))}
            />
          </Form.Item>
        )}
        {kind === 'tour' && (
          <Form.Item name="tourId" label={t('wall.push.tour')} rules={[{ required: true }]}>
            <Select
              data-testid="wall-push-tour"
              options={(tours.data?.rows ?? []).map((v) => ({ value: v.id, label: v.name }))}
            />
          </Form.Item>
        )}
        {kind !== 'view' && (
          <Form.Item name="slot" label={t('wall.push.slot')}>
            {/* Searchable: an operator types the tile's number (12 → 第 12 格) rather than scrolling 37 rows. */}
            <Select showSearch={{ optionFilterProp: 'label' }} data-testid="wall-push-slot" options={slotOptions} />
          </Form.Item>
        )}
        {push.error && (
          <Alert type="error" showIcon title={t('wall.push.failed', { message: errorText(push.error) })} />
        )}
      </Form>
    </Modal>
  );
}
