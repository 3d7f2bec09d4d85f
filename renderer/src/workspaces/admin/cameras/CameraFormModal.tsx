import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CAMERA_PLAYBACKS, type Camera, type CameraPlayback } from '../../../../../common/contract/cameras';
import { CAMERA_PROTOCOLS, type CameraProtocol } from '../../../../../common/domain/cameras/stream-url';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { useLanguage } from '../../../stores/language';
import { markCameraErrors } from './camera-errors';
import { useWorkstationOptions } from './useWorkstationOptions';

interface Fields {
  name: string;
  code?: string;
  workstationId: string;
  mainUrl: string;
  subUrl?: string;
  protocol?: CameraProtocol;
  tags: string[];
  enabled: boolean;
  playback: CameraPlayback;
  transcode: boolean;
}

const FIELDS = [
  'name',
  'code',
  'workstationId',
  'mainUrl',
  'subUrl',
  'protocol',
  'tags',
  'enabled',
  'playback',
  'transcode',
] as const;

/** Empty optional text means "none" to the hub (null), not an empty string it would reject. */
function orNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Create a camera (no `camera`) or edit one; its id is fixed once created. */
export function CameraFormModal({ camera, onClose }: { camera: Camera | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const language = useLanguage();
  const [form] = Form.useForm<Fields>();
  const workstations = useWorkstationOptions();

  const onError = (error: Parameters<typeof markCameraErrors>[1]) => {
    markCameraErrors(form, error, FIELDS, language);
  };
  const create = useApiMutation('cameras.create', {
    invalidates: ['cameras.list'],
    onSuccess: (c) => {
      void message.success(t('cameras.created', { name: c.name, id: c.id }));
      onClose();
    },
    onError,
  });
  const update = useApiMutation('cameras.update', {
    invalidates: ['cameras.list'],
    onSuccess: (c) => {
      void message.success(t('cameras.updated', { name: c.name }));
      onClose();
    },
    onError,
  });
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (f: Fields) => {
    const body = {
      name: f.name.trim(),
      code: orNull(f.code),
      workstationId: f.workstationId,
      // Sent as shown: a URL still holding *** tells the hub to keep the stored credential.
      mainUrl: f.mainUrl.trim(),
      subUrl: orNull(f.subUrl),
      tags: f.tags,
      enabled: f.enabled,
      playback: f.playback,
      transcode: f.transcode,
      ...(f.protocol ? { protocol: f.protocol } : {}),
    };
    if (camera) update.mutate({ id: camera.id, ...body });
    else create.mutate(body);
  };

  const required = { required: true, whitespace: true, message: t('cameras.form.required') };
  const masked = camera !== null && (camera.mainHasCredentials || camera.subHasCredentials);
  return (
    <Modal
      open
      title={camera ? t('cameras.form.editTitle', { id: camera.id }) : t('cameras.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'camera-form-submit' }}
      destroyOnHidden
      width={600}
    >
      <Form<Fields>
        data-testid="camera-form"
        style={{ paddingTop: 8 }}
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={pending}
        onFinish={submit}
        initialValues={
          camera
            ? {
                name: camera.name,
                code: camera.code ?? '',
                workstationId: camera.workstationId,
                mainUrl: camera.mainUrl,
                subUrl: camera.subUrl ?? '',
                protocol: camera.protocol,
                tags: camera.tags,
                enabled: camera.enabled,
                playback: camera.playback,
                transcode: camera.transcode,
              }
            : { tags: [], enabled: true, playback: 'auto', transcode: false }
        }
      >
        <Form.Item name="name" label={t('cameras.form.name')} rules={[required, { max: 200 }]}>
          <Input autoFocus autoComplete="off" data-testid="camera-form-name" />
        </Form.Item>
        <Form.Item name="code" label={t('cameras.form.code')} extra={t('cameras.form.codeHelp')}>
          <Input autoComplete="off" maxLength={40} className="tabular" data-testid="camera-form-code" />
        </Form.Item>
        <Form.Item name="workstationId" label={t('cameras.form.workstation')} rules={[required]}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('cameras.form.workstationPlaceholder')}
            loading={workstations.loading}
            options={workstations.options}
            data-testid="camera-form-workstation"
          />
        </Form.Item>
        <Form.Item
          name="mainUrl"
          label={t('cameras.form.mainUrl')}
          extra={masked ? t('cameras.form.maskedHelp') : t('cameras.form.urlHelp')}
          rules={[required]}
        >
          <Input autoComplete="off" spellCheck={false} data-testid="camera-form-main-url" />
        </Form.Item>
        <Form.Item name="subUrl" label={t('cameras.form.subUrl')}>
          <Input autoComplete="off" spellCheck={false} data-testid="camera-form-sub-url" />
        </Form.Item>
        <Form.Item name="protocol" label={t('cameras.form.protocol')}>
          <Select<CameraProtocol>
            allowClear
            placeholder={t('cameras.form.protocolPlaceholder')}
            options={CAMERA_PROTOCOLS.map((p) => ({ value: p, label: p.toUpperCase() }))}
            data-testid="camera-form-protocol"
          />
        </Form.Item>
        <Form.Item name="tags" label={t('cameras.form.tags')}>
          <Select<string[]>
            mode="tags"
            open={false}
            placeholder={t('cameras.form.tagsPlaceholder')}
            data-testid="camera-form-tags"
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('cameras.form.enabled')} valuePropName="checked">
          <Switch data-testid="camera-form-enabled" />
        </Form.Item>
        <Form.Item name="playback" label={t('cameras.form.playback')} extra={t('cameras.form.playbackHelp')}>
          <Select<CameraPlayback>
            options={CAMERA_PLAYBACKS.map((p) => ({ value: p, label: t(`cameras.form.playbackOption.${p}`) }))}
            data-testid="camera-form-playback"
          />
        </Form.Item>
        <Form.Item
          name="transcode"
          label={t('cameras.form.transcode')}
          extra={t('cameras.form.transcodeHelp')}
          valuePropName="checked"
        >
          <Switch data-testid="camera-form-transcode" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" data-testid="camera-form-error" title={errorText(error)} />}
      </Form>
    </Modal>
  );
}
