import { Alert, App, Divider, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFY_CHANNELS, NOTIFY_CHANNEL_NAMES, type NotifyChannel } from '../../../../common/domain/contacts';
import { useApiMutation, useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { PlanNotifyList } from './PlanNotifyList';

interface Fields {
  contactId: number;
  channel: NotifyChannel;
  note?: string;
}

/**
 * Records that a contact of the 通讯录 was told about the incident, and how. The
 * plan level's 通知对象 come first, each recorded with one action; anyone else is found by search.
 */
export function NotifyDialog({ incidentId, onClose }: { incidentId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = useBilingual();
  const errorText = useErrorText();
  const [form] = Form.useForm<Fields>();
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 250);
  const contacts = useApiQuery('contacts.search', settled ? { text: settled } : {}, {
    placeholderData: (previous) => previous,
  });
  const contactId = Form.useWatch('contactId', form) as number | undefined;
  const rows = useMemo(() => contacts.data?.rows ?? [], [contacts.data]);
  const chosen = rows.find((r) => r.id === contactId);
  const notify = useApiMutation('incidents.notify', {
    invalidates: ['incidents.get'],
    onSuccess: (n) => {
      void message.success(t('notify.done', { name: n.contactName }));
      onClose();
    },
  });
  // The incident page has it already (same query): the plan level's list and who was told.
  const incident = useApiQuery('incidents.get', { id: incidentId });
  const planIds = useMemo(() => incident.data?.planLevel?.notify.map((n) => n.contactId) ?? [], [incident.data]);
  // The whole phone book resolves the plan's contact ids (hundreds of rows; the hub caps it).
  const everyone = useApiQuery('contacts.search', {}, { enabled: planIds.length > 0 });
  const known = useMemo(() => new Map((everyone.data?.rows ?? []).map((c) => [c.id, c])), [everyone.data]);
  const quick = useApiMutation('incidents.notify', {
    invalidates: ['incidents.get'],
    onSuccess: (n) => {
      void message.success(t('incidentPlans.prefill.recorded', { name: n.contactName }));
    },
  });
  const options = rows.map((r) => ({
    value: r.id,
    label: [r.name, r.title, r.parentName, r.phone ?? r.mobile].filter(Boolean).join(' · '),
  }));
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
      {incident.data?.planLevel && (
        <>
          <PlanNotifyList
            level={incident.data.incident.level}
            contactIds={planIds}
            known={known}
            notifications={incident.data.notifications}
            pending={quick.isPending ? quick.variables.contactId : null}
            onRecord={(contactId, channel) => {
              quick.mutate({ id: incidentId, contactId, channel });
            }}
          />
          {quick.error && <Alert type="error" showIcon title={errorText(quick.error)} style={{ marginBottom: 12 }} />}
          <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
            {t('incidentPlans.prefill.others')}
          </Divider>
        </>
      )}
      <Form<Fields>
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
        <Form.Item
          name="contactId"
          label={t('notify.contact')}
          rules={[{ required: true, message: t('contacts.form.required') }]}
        >
          <Select<number>
            autoFocus
            showSearch={{ filterOption: false, onSearch: setText }}
            placeholder={t('notify.contactPlaceholder')}
            loading={contacts.isFetching}
            options={options}
            onChange={(id) => {
              const next = rows.find((r) => r.id === id);
              if (next?.consoleReachable) form.setFieldValue('channel', 'console');
              else if (form.getFieldValue('channel') === 'console') form.setFieldValue('channel', 'phone');
            }}
            data-testid="notify-contact"
          />
        </Form.Item>
        <Form.Item name="channel" label={t('notify.channel')}>
          <Radio.Group data-testid="notify-channel">
            {NOTIFY_CHANNELS.map((c) => (
              <Radio.Button
                key={c}
                value={c}
                disabled={c === 'console' && chosen !== undefined && !chosen.consoleReachable}
                data-testid={`notify-channel-${c}`}
              >
                {pick(NOTIFY_CHANNEL_NAMES[c])}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('notify.note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="notify-note" />
        </Form.Item>
      </Form>
      {notify.error && <Alert type="error" showIcon title={errorText(notify.error)} />}
    </Modal>
  );
}
