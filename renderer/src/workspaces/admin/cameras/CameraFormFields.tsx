import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CAMERA_PLAYBACKS, type CameraPlayback } from '../../../../../common/contract/cameras';
import { CAMERA_PROTOCOLS, type CameraProtocol } from '../../../../../common/domain/cameras/stream-url';
import { useWorkstationOptions } from './useWorkstationOptions';

/** The camera form's fields; `masked` when the stored URLs hold credentials shown as ***. */
export function CameraFormFields({ masked }: { masked: boolean }) {
  const { t } = useTranslation();
  const workstations = useWorkstationOptions();
  const required = { required: true, whitespace: true, message: t('cameras.form.required') };
  return (
    <>
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
    </>
  );
}
