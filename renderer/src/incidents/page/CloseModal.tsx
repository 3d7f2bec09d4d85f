import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TEXT_MAX, type IncidentDetail } from '../../../../common/contract';
import { useErrorText } from '../../i18n/useDisplay';
import { navigate } from '../../stores/route';
import { useIncidentMutation } from '../data';
import { incidentPath } from '../route';

/** 结束事件: a summary (what happened, what was done, losses), then a confirmation. */
export function CloseModal({ detail, open, onClose }: { detail: IncidentDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ summary: string }>();
  const close = useIncidentMutation('incidents.close', {
    onSuccess: (closed) => {
      onClose();
      // Off the current tab (it no longer lists it) onto its own page: the summary and the report.
      navigate(incidentPath(closed.incident.id));
    },
  });
  const openItems = detail.checklist.filter((c) => !c.done).length;
  const openReports = detail.incident.nextReports.length;

  return (
    <Modal
      open={open}
      title={t(detail.incident.drill ? 'incidents.close.titleDrill' : 'incidents.close.title')}
      width={640}
      okText={t('incidents.close.submit')}
      okButtonProps={{ danger: true, loading: close.isPending, 'data-testid': 'incident-close-submit' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      afterClose={() => {
        close.reset();
      }}
      destroyOnHidden
    >
      {(openItems > 0 || openReports > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('incidents.close.openWork', { items: openItems, reports: openReports })}
        />
      )}
      {close.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(close.error)} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ summary }) => {
          modal.confirm({
            title: t('incidents.close.confirmTitle'),
            content: t('incidents.close.confirmBody'),
            okText: t('incidents.close.confirmOk'),
            okButtonProps: { danger: true, 'data-testid': 'incident-close-confirm' },
            onOk: () => {
              close.mutate({ id: detail.incident.id, summary: summary.trim() });
            },
          });
        }}
      >
        <Form.Item
          name="summary"
          label={t('incidents.close.summary')}
          rules={[{ required: true, whitespace: true, message: t('incidents.close.summaryRequired') }]}
        >
          <Input.TextArea
            autoFocus
            rows={6}
            maxLength={INCIDENT_TEXT_MAX}
            placeholder={t('incidents.close.summaryPlaceholder')}
            data-testid="incident-close-summary"
          />
        </Form.Item>
        <Typography.Text type="secondary">{t('incidents.close.after')}</Typography.Text>
      </Form>
    </Modal>
  );
}
