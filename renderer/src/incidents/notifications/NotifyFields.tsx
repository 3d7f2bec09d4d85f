import { Form, Input, Radio, Select, type FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFY_CHANNELS, NOTIFY_CHANNEL_NAMES, type NotifyChannel } from '../../../../common/domain/contacts';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import { useBilingual } from '../../i18n/useDisplay';

export interface NotifyFieldValues {
  contactId: number;
  channel: NotifyChannel;
  note?: string;
}

/**
 * Whom (found in the 通讯录 by search), how, and a note. Picking someone reachable in the console
 * switches the channel to the console; someone who is not cannot be told there.
 */
export function NotifyFields({ form }: { form: FormInstance<NotifyFieldValues> }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 250);
  const contacts = useApiQuery('contacts.search', settled ? { text: settled } : {}, {
    placeholderData: (previous) => previous,
  });
  const contactId = Form.useWatch('contactId', form) as number | undefined;
  const rows = useMemo(() => contacts.data?.rows ?? [], [contacts.data]);
  const chosen = rows.find((r) => r.id === contactId);
  const options = rows.map((r) => ({
    value: r.id,
    label: [r.name, r.title, r.parentName, r.phone ?? r.mobile].filter(Boolean).join(' · '),
  }));
  return (
    <>
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
    </>
  );
}
