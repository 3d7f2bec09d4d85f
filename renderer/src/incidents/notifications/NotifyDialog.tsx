import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';
import { NotifyFields, type NotifyFieldValues } from './NotifyFields';
import { PlanNotifySection } from './PlanNotifySection';

/**
 * Records that a contact of the 通讯录 was told about the incident, and how. The
 * plan level's 通知对象 come first, each recorded with one action; anyone else is found by search.
 */
export function NotifyDialog({ incidentId, onClose }: { incidentId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<NotifyFieldValues>();
  const notify = useApiMutation('incidents.notify', {
    invalidates: ['incidents.get'],
    onSuccess: (n) => {
      void message.success(t('notify.done', { name: n.contactName }));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('notify.dialogTitle')}
      width={640}
      okText={t('notify.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={notify.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'notify-submit' }}
      destroyOnHidden
    >
      <PlanNotifySection incidentId={incidentId} />
      <Form<NotifyFieldValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ channel: 'phone' }}
        data-testid="notify-form"
        onFinish={(f) => {
          notify.mutate({
            id: incidentId,
            contactId: f.contactId,
            channel: f.channel,
            ...(f.note?.trim() ? { note: f.note.trim() } : {}),
          });
        }}
      >
        <NotifyFields form={form} />
      </Form>
      {notify.error && <Alert type="error" showIcon title={errorText(notify.error)} />}
    </Modal>
  );
}
