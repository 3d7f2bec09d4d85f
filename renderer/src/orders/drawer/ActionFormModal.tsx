import { Alert, App, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, OrderDetail } from '../../../../common/contract';
import { FEEDBACK_RESULTS, type FeedbackResult } from '../../../../common/domain/orders/feedback';
import { RESPONSE_LEVELS, type ResponseLevel } from '../../../../common/domain/orders/states';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { useQueryClient } from '@tanstack/react-query';
import { useApi, useApiMutation } from '../../api';
import { syncOrderLists } from '../listSync';
import { useErrorText } from '../../i18n/useDisplay';
import { dayjs, formatDateTime } from '../../time/dayjs';
import { AttachmentUploader, type UploadState } from '../attachments/AttachmentUploader';
import { useOrderNames } from '../display/useOrderNames';
import { parseHandlerValue } from '../reference/options';
import { useOrderReference } from '../reference/useOrderReference';
import { outsideJurisdiction } from './outsideJurisdiction';
import { actionFields } from './actionFields';
import { HandlerPicker } from './HandlerPicker';
import { ParentOrderPicker } from './ParentOrderPicker';

interface Fields {
  reason?: string;
  handler?: string;
  responseLevel?: ResponseLevel;
  extensionHours?: number;
  parentId?: number;
  supervisionDue?: Dayjs;
  feedbackResult?: FeedbackResult;
}

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
  const { message, modal } = App.useApp();
  const ref = useOrderReference();
  const names = useOrderNames();
  const errorText = useErrorText();
  const [form] = Form.useForm<Fields>();
  const fields = actionFields(action);
  const [uploads, setUploads] = useState<UploadState>({ ids: [], busy: false });
  const onUploads = useCallback((state: UploadState) => {
    setUploads(state);
  }, []);

  const api = useApi();
  const queryClient = useQueryClient();
  const act = useApiMutation('orders.act', {
    invalidates: ['orders.get', 'orders.supervisions.list', 'orders.alerts.list'],
    onSuccess: (updated) => {
      // Lists the same way as a pushed change: a deep list keeps its place.
      void syncOrderLists(queryClient, api, new Set([updated.id]));
      void message.success(t('orders.act.done', { action: names.action(action), code: updated.code }));
      onClose();
    },
  });

  const submit = (values: Fields) => {
    const input: MethodInput<'orders.act'> = { id: order.id, action, attachmentIds: uploads.ids };
    const reason = values.reason?.trim();
    if (reason) input.reason = reason;
    if (fields.handler && values.handler) {
      const handler = parseHandlerValue(values.handler);
      if (handler) input.handler = handler;
    }
    if (fields.responseLevel && values.responseLevel) input.responseLevel = values.responseLevel;
    if (fields.extensionHours && values.extensionHours) input.extensionHours = values.extensionHours;
    if (fields.parent && values.parentId) input.parentId = values.parentId;
    if (fields.supervisionDue && values.supervisionDue) input.supervisionDueAt = values.supervisionDue.valueOf();
    if (fields.feedbackResult && values.feedbackResult) input.feedbackResult = values.feedbackResult;
    // Outside the place's own station: say whose it is and ask (the hub records it if it goes ahead).
    const outside = input.handler ? outsideJurisdiction(order, input.handler, (id) => ref.unitById.get(id)) : null;
    if (!outside) {
      act.mutate(input);
      return;
    }
    modal.confirm({
      title: t('place.jurisdiction.confirmTitle'),
      content: <span data-testid="act-outside-confirm">{t('place.jurisdiction.confirm', { ...outside })}</span>,
      okText: t('place.jurisdiction.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'act-outside-ok' },
      cancelButtonProps: { 'data-testid': 'act-outside-cancel' },
      onOk: () => {
        act.mutate(input);
      },
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  const required = (message: string) => ({ required: true, message });
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
      <Form<Fields>
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
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} data-testid="act-pending">
            <Descriptions.Item label={t('orders.drawer.pendingBy')}>
              {order.pendingDetail.byName} · {formatDateTime(order.pendingDetail.at)}
            </Descriptions.Item>
            {order.pendingDetail.hours !== null && (
              <Descriptions.Item label={t('orders.act.extensionHours')}>{order.pendingDetail.hours}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('orders.act.reason')}>{order.pendingDetail.reason}</Descriptions.Item>
          </Descriptions>
        )}
        {fields.handler && (
          <Form.Item name="handler" label={t('orders.act.handler')} rules={[required(t('orders.act.handlerRequired'))]}>
            <HandlerPicker jurisdiction={order.jurisdiction} />
          </Form.Item>
        )}
        {fields.responseLevel && (
          <Form.Item name="responseLevel" label={t('orders.act.responseLevel')}>
            <Select<ResponseLevel>
              data-testid="act-response-level"
              options={RESPONSE_LEVELS.map((l) => ({ value: l, label: names.level(l) }))}
            />
          </Form.Item>
        )}
        {fields.extensionHours && (
          <Form.Item
            name="extensionHours"
            label={t('orders.act.extensionHours')}
            rules={[required(t('orders.act.extensionRequired'))]}
          >
            <InputNumber min={1} max={720} precision={0} style={{ width: 160 }} data-testid="act-extension-hours" />
          </Form.Item>
        )}
        {fields.parent && (
          <Form.Item name="parentId" label={t('orders.act.parent')} rules={[required(t('orders.act.parentRequired'))]}>
            <ParentOrderPicker excludeId={order.id} />
          </Form.Item>
        )}
        {fields.supervisionDue && (
          // Empty: the hub's default (inbox-supervision.ts, 剩余时限过半); a second 督办 is a follow-up.
          <Form.Item
            name="supervisionDue"
            label={t('orders.act.supervisionDue')}
            extra={
              order.supervisions.some((s) => s.repliedAt === null)
                ? t('inbox.supervisionFollowUp')
                : t('inbox.supervisionDefault')
            }
          >
            <DatePicker
              showTime
              format="YYYY-MM-DD HH:mm"
              data-testid="act-due"
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
        )}
        {fields.feedbackResult && (
          <Form.Item
            name="feedbackResult"
            label={t('place.feedback.result')}
            rules={[required(t('place.feedback.resultRequired'))]}
          >
            <Select<FeedbackResult>
              data-testid="act-feedback-result"
              options={FEEDBACK_RESULTS.map((r) => ({ value: r, label: names.feedback(r) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={
            fields.feedbackResult
              ? t('place.feedback.notes')
              : fields.reasonRequired
                ? t('orders.act.reason')
                : t('orders.act.reasonOptional')
          }
          rules={[
            ...(fields.reasonRequired
              ? [{ required: true, whitespace: true, message: t('orders.act.reasonRequired') }]
              : []),
            { max: 2000 },
          ]}
        >
          <Input.TextArea autoFocus rows={3} maxLength={2000} showCount data-testid="act-reason" />
        </Form.Item>
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
