import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';
import type { ContactKind } from '../../../../common/domain/contacts';
import { useApiMutation } from '../../api';
import { fieldIssues, markBilingualFieldErrors } from '../../components/form-errors';
import { useBilingual } from '../../i18n/useDisplay';

export interface ContactFields {
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

/** The form's starting values: the contact's own, or a new person. */
export function contactFormValues(contact: Contact | null): Partial<ContactFields> {
  return contact
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
    : { kind: 'person' };
}

/** Saves the contact from the form (a new one without `contact`); server errors are marked on their fields. */
export function useContactSave(form: FormInstance<ContactFields>, contact: Contact | null, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = useBilingual();
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

  const submit = (f: ContactFields) => {
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
  return { save, submit };
}
