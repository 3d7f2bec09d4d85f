import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';
import type { ContactKind } from '../../../../common/domain/contacts';
import { useApiMutation, useApiQuery } from '../../api';
import { fieldIssues, markBilingualFieldErrors } from '../../components/form-errors';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { useUnitOptions } from './useUnitOptions';

interface Fields {
  kind: ContactKind;
  name: string;
  parentId?: number | null;
  title?: string;
  orgUnitId?: string | null;
  phone?: string;
  mobile?: string;
  userId?: number | null;
  note?: string;
}

const FIELDS = ['kind', 'name', 'parentId', 'title', 'orgUnitId', 'phone', 'mobile', 'userId', 'note'];

/** Add a contact (no `contact`) or edit one; its kind is fixed once saved. */
export function ContactFormModal({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const pick = useBilingual();
  const [form] = Form.useForm<Fields>();
  // Undefined until the form has mounted, whatever antd's type says.
  const watched = Form.useWatch('kind', form) as ContactKind | undefined;
  const kind = watched ?? contact?.kind ?? 'person';
  const units = useUnitOptions();
  const departments = useApiQuery('contacts.search', { kind: 'department' });
  const users = useApiQuery('admin.users.list', {}, { enabled: kind === 'person' });
  const departmentOptions = useMemo(
    () => (departments.data?.rows ?? []).map((d) => ({ value: d.id, label: d.name })),
    [departments.data],
  );
  const userOptions = useMemo(
    () =>
      (users.data ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName}（${u.username}）`,
        disabled: u.disabled,
      })),
    [users.data],
  );

  const save = useApiMutation('contacts.save', {
    invalidates: ['contacts.search'],
    onSuccess: (c) => {
      void message.success(t(contact ? 'contacts.updated' : 'contacts.created', { name: c.name }));
      onClose();
    },
    onError: (error) => {
      markBilingualFieldErrors(
        form,
        error,
        pick,
        (field) => (FIELDS.includes(field) ? field : null),
        fieldIssues(error.body.details),
      );
    },
  });

  const submit = (f: Fields) => {
    const person = f.kind === 'person';
    save.mutate({
      ...(contact ? { id: contact.id } : {}),
      kind: f.kind,
      name: f.name.trim(),
      parentId: person ? (f.parentId ?? null) : null,
      title: f.title?.trim() ?? null,
      orgUnitId: f.orgUnitId ?? null,
      phone: f.phone?.trim() ?? null,
      mobile: f.mobile?.trim() ?? null,
      userId: person ? (f.userId ?? null) : null,
      note: f.note?.trim() ?? null,
    });
  };

  const required = { required: true, whitespace: true, message: t('contacts.form.required') };
  return (
    <Modal
      open
      title={contact ? t('contacts.form.editTitle') : t('contacts.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'contact-form-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={save.isPending}
        onFinish={submit}
        data-testid="contact-form"
        style={{ paddingTop: 8 }}
        initialValues={
          contact
            ? {
                kind: contact.kind,
                name: contact.name,
                parentId: contact.parentId,
                title: contact.title ?? '',
                orgUnitId: contact.orgUnitId,
                phone: contact.phone ?? '',
                mobile: contact.mobile ?? '',
                userId: contact.userId,
                note: contact.note ?? '',
              }
            : { kind: 'person' }
        }
      >
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
      </Form>
      {save.error && <Alert type="error" showIcon title={errorText(save.error)} />}
    </Modal>
  );
}
