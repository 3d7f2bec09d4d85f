import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TEXT_MAX, type IncidentReport } from '../../../../common/contract';
import { AttachmentUploader } from '../../orders/attachments/AttachmentUploader';
import { useErrorText } from '../../i18n/useDisplay';
import { formatDateTime } from '../../time/dayjs';
import { useIncidentNames } from '../display';
import { useRecordReport } from './useRecordReport';

/** The report a form is open for: the incident it belongs to and the deadline as last seen. */
export interface ReportToRecord {
  incidentId: number;
  report: IncidentReport;
}

/**
 * 记录报告: what was reported (to whom, how, the main points or the written text) with photos,
 * documents or recordings; the hub stops the report's timer and puts it on the timeline.
 * The text is checked by the hub only (empty, too long, control characters): its message is shown
 * under the field, so the operator reads exactly what the hub refused.
 */
export function RecordReportModal({ target, onClose }: { target: ReportToRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ text?: string }>();
  const { uploads, onUploads, record, textError } = useRecordReport(onClose);
  const report = target?.report ?? null;

  return (
    <Modal
      open={target !== null}
      title={report ? t('incidents.reports.recordTitle', { kind: names.report(report.kind) }) : ''}
      okText={t('incidents.reports.recordSubmit')}
      okButtonProps={{ loading: record.isPending, disabled: uploads.busy, 'data-testid': 'incident-report-submit' }}
      cancelButtonProps={{ 'data-testid': 'incident-report-cancel' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      afterClose={() => {
        record.reset();
      }}
      destroyOnHidden
      data-testid="incident-report-modal"
    >
      {report && (
        <Typography.Paragraph type="secondary" className="tabular" data-testid="incident-report-modal-due">
          {t('incidents.reports.dueAt', { at: formatDateTime(report.dueAt) })}
        </Typography.Paragraph>
      )}
      {record.error && !textError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorText(record.error)}
          data-testid="incident-report-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={() => {
          if (textError) record.reset();
        }}
        onFinish={({ text }) => {
          if (!target || uploads.busy) return;
          record.mutate({
            id: target.incidentId,
            reportId: target.report.id,
            text: text ?? '',
            attachmentIds: uploads.ids,
          });
        }}
      >
        <Form.Item
          name="text"
          label={t('incidents.reports.text')}
          validateStatus={textError ? 'error' : undefined}
          help={textError ? <span data-testid="incident-report-text-error">{errorText(textError)}</span> : undefined}
        >
          {/* The counter turns red past the limit but does not cut the text: the hub says why it refuses. */}
          <Input.TextArea
            autoFocus
            rows={5}
            count={{ show: true, max: INCIDENT_TEXT_MAX }}
            placeholder={t('incidents.reports.textPlaceholder')}
            data-testid="incident-report-text"
          />
        </Form.Item>
        <Form.Item label={t('incidents.reports.attachments')}>
          <AttachmentUploader testId="incident-report-attachment" onChange={onUploads} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
