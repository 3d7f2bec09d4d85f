import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';
import type { ContactKind } from '../../../../common/domain/contacts';
import { useContactFieldOptions } from './useContactFieldOptions';

/** The contact form's fields; parent department and linked user only for a person. */
export function ContactFormFields({ kind, contact }: { kind: ContactKind; contact: Contact | null }) {
  const { t } = useTranslation();
  const { units, departments, users, departmentOptions, userOptions } = useContactFieldOptions(kind);
  const required = { required: true, whitespace: true, message: t('contacts.form.required') };
  return (
    <>
      <Form.Item name="kind" label={t('contacts.form.kind')}>
        <Radio.Group disabled={contact !== null} data-testid="contact-form-kind">
          <Radio.Button value="person">{t('contacts.kind.person')}</Radio.Button>
          <Radio.Button value="department">{t('contacts.kind.department')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="name" label={t('contacts.form.name')} rules={[required, { max: 60 }]}>
        <Input autoFocus autoComplete="off" data-testid="contact-form-name" />
      </Form.Item>
      {kind === 'person' && (
        <Form.Item name="parentId" label={t('contacts.form.parent')}>
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('contacts.form.parentPlaceholder')}
            loading={departments.isPending}
            options={departmentOptions.filter((o) => o.value !== contact?.id)}
            data-testid="contact-form-parent"
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('contacts.form.title')} rules={[{ max: 40 }]}>
        <Input autoComplete="off" data-testid="contact-form-title" />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('contacts.form.orgUnit')}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('contacts.form.orgUnitPlaceholder')}
          loading={units.loading}
          options={units.options}
          data-testid="contact-form-unit"
        />
      </Form.Item>
      <Form.Item name="phone" label={t('contacts.form.phone')} extra={t('contacts.form.phoneHelp')}>
        <Input autoComplete="off" maxLength={32} className="tabular" data-testid="contact-form-phone" />
      </Form.Item>
      <Form.Item name="mobile" label={t('contacts.form.mobile')}>
        <Input autoComplete="off" maxLength={32} className="tabular" data-testid="contact-form-mobile" />
      </Form.Item>
      {kind === 'person' && (
        <Form.Item name="userId" label={t('contacts.form.user')} extra={t('contacts.form.userHelp')}>
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('contacts.form.userPlaceholder')}
            loading={users.isPending}
            options={userOptions}
            data-testid="contact-form-user"
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('contacts.form.note')} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="contact-form-note" />
      </Form.Item>
    </>
  );
}
