import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';
import type { ContactKind } from '../../../../common/domain/contacts';
import { useErrorText } from '../../i18n/useDisplay';
import { ContactFormFields } from './ContactFormFields';
import { contactFormValues, useContactSave, type ContactFields } from './useContactSave';

/** Add a contact (no `contact`) or edit one; its kind is fixed once saved. */
export function ContactFormModal({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<ContactFields>();
  // Undefined until the form has mounted, whatever antd's type says.
  const watched = Form.useWatch('kind', form) as ContactKind | undefined;
  const kind = watched ?? contact?.kind ?? 'person';
  const { save, submit } = useContactSave(form, contact, onClose);
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
      <Form<ContactFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={save.isPending}
        onFinish={submit}
        data-testid="contact-form"
        style={{ paddingTop: 8 }}
        initialValues={contactFormValues(contact)}
      >
        <ContactFormFields kind={kind} contact={contact} />
      </Form>
      {save.error && <Alert type="error" showIcon title={errorText(save.error)} />}
    </Modal>
  );
}
