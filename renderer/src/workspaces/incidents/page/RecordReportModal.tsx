import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TEXT_MAX, type IncidentReport } from '../../../../../common/contract';
import { AttachmentUploader, type UploadState } from '../../../orders/attachments/AttachmentUploader';
import { useErrorText } from '../../../i18n/useDisplay';
import { formatDateTime } from '../../../time/dayjs';
import { useIncidentMutation } from '../data';
import { useIncidentNames } from '../display';

/** Records what was reported (to whom, what was said, the written text) and stops the report's timer. */
export function RecordReportModal({
  incidentId,
  report,
  onClose,
}: {
  incidentId: number;
  report: IncidentReport | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ text: string }>();
  const [uploads, setUploads] = useState<UploadState>({ ids: [], busy: false });
  const onUploads = useCallback((state: UploadState) => {
    setUploads(state);
  }, []);
  const record = useIncidentMutation('incidents.report.record', {
    onSuccess: () => {
      onClose();
    },
  });

  return (
    <Modal
      open={report !== null}
      title={report ? t('incidents.reports.recordTitle', { kind: names.report(report.kind) }) : ''}
      okText={t('incidents.reports.recordSubmit')}
      okButtonProps={{ loading: record.isPending, disabled: uploads.busy, 'data-testid': 'incident-report-submit' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      afterClose={() => {
        record.reset();
      }}
      destroyOnHidden
    >
      {report && (
        <Typography.Paragraph type="secondary" className="tabular">
          {t('incidents.reports.dueAt', { at: formatDateTime(report.dueAt) })}
        </Typography.Paragraph>
      )}
      {record.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(record.error)} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ text }) => {
          if (!report || uploads.busy) return;
          record.mutate({ id: incidentId, reportId: report.id, text: text.trim(), attachmentIds: uploads.ids });
        }}
      >
        <Form.Item
          name="text"
          label={t('incidents.reports.text')}
          rules={[{ required: true, whitespace: true, message: t('incidents.reports.textRequired') }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={INCIDENT_TEXT_MAX}
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
