import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { FEEDBACK_RESULTS, type FeedbackResult } from '../../../../common/domain/orders/feedback';
import { RESPONSE_LEVELS, type ResponseLevel } from '../../../../common/domain/orders/states';
import { dayjs } from '../../time/dayjs';
import { useOrderNames } from '../display/useOrderNames';
import type { ActionFields } from './actionFields';
import { HandlerPicker } from './HandlerPicker';
import { ParentOrderPicker } from './ParentOrderPicker';

const required = (message: string) => ({ required: true, message });

/** The fields only some steps ask for: handler, level, extension, parent, 督办 due time, 回访结果. */
export function ActionStepFields({ order, fields }: { order: OrderDetail; fields: ActionFields }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  return (
    <>
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
    </>
  );
}

/** Why (required by some steps; the notes of a 回访). Focused first. */
export function ActionReasonField({ fields }: { fields: ActionFields }) {
  const { t } = useTranslation();
  return (
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
  );
}
