import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../../common/contract/cameras';
import { useErrorText } from '../../../i18n/useDisplay';
import { CameraFormFields } from './CameraFormFields';
import { cameraFormValues, useCameraSave, type CameraFields } from './useCameraSave';

/** Create a camera (no `camera`) or edit one; its id is fixed once created. */
export function CameraFormModal({ camera, onClose }: { camera: Camera | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<CameraFields>();
  const { submit, pending, error } = useCameraSave(form, camera, onClose);
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
      <Form<CameraFields>
        data-testid="camera-form"
        style={{ paddingTop: 8 }}
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={pending}
        onFinish={submit}
        initialValues={cameraFormValues(camera)}
      >
        <CameraFormFields masked={masked} />
        {error && <Alert type="error" showIcon role="alert" data-testid="camera-form-error" title={errorText(error)} />}
      </Form>
    </Modal>
  );
}
