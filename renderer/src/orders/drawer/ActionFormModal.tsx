import { Alert, Form, Modal } from 'antd';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { useErrorText } from '../../i18n/useDisplay';
import { AttachmentUploader, type UploadState } from '../attachments/AttachmentUploader';
import { useOrderNames } from '../display/useOrderNames';
import { actionFields } from './actionFields';
import { ActionReasonField, ActionStepFields } from './ActionStepFields';
import { PendingRequest } from './PendingRequest';
import { useOrderAct, type ActionFormValues } from './useOrderAct';

/** The step's small form: only what this action needs, then orders.act. */
export function ActionFormModal({
  order,
  action,
  onClose,
}: {
  order: OrderDetail;
  action: OrderAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const names = useOrderNames();
  const errorText = useErrorText();
  const [form] = Form.useForm<ActionFormValues>();
  const fields = actionFields(action);
  const [uploads, setUploads] = useState<UploadState>({ ids: [], busy: false });
  const onUploads = useCallback((state: UploadState) => {
    setUploads(state);
  }, []);
  const { act, submit } = useOrderAct(order, action, fields, uploads.ids, onClose);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <Modal
      open
      title={`${names.action(action)} · ${order.code}`}
      okText={names.action(action)}
      cancelText={t('common.cancel')}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'act-submit', disabled: uploads.busy, danger: action === 'void' }}
      cancelButtonProps={{ 'data-testid': 'act-cancel' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ActionFormValues>
        form={form}
        layout="vertical"
        requiredMark
        data-testid="act-form"
        data-action={action}
        style={{ paddingTop: 8 }}
        disabled={act.isPending}
        onFinish={submit}
        onKeyDown={onKeyDown}
        initialValues={{
          responseLevel: order.responseLevel,
          extensionHours: 24,
        }}
      >
        {order.pendingDetail && (action.endsWith('_extension') || action.endsWith('_park')) && (
          <PendingRequest pending={order.pendingDetail} />
        )}
        <ActionStepFields order={order} fields={fields} />
        <ActionReasonField fields={fields} />
        {fields.attachments && (
          <Form.Item label={t('attachments.label')}>
            <AttachmentUploader testId="act-attachments" onChange={onUploads} />
          </Form.Item>
        )}
        {act.error && <Alert type="error" showIcon role="alert" data-testid="act-error" title={errorText(act.error)} />}
      </Form>
    </Modal>
  );
}
