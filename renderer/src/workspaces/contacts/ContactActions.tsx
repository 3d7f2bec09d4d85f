import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';
import { useApiMutation } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';

/** A row's edit and delete (administrators only; the hub refuses anyone else). */
export function ContactActions({ contact, onEdit }: { contact: Contact; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remove = useApiMutation('contacts.delete', {
    invalidates: ['contacts.search'],
    onSuccess: () => {
      void message.success(t('contacts.deleted', { name: contact.name }));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
  return (
    <Space size={0}>
      <Button type="link" size="small" data-testid="contact-edit" onClick={onEdit}>
        {t('contacts.edit')}
      </Button>
      <Popconfirm
        title={t('contacts.confirmDelete', { name: contact.name })}
        okText={t('contacts.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'contact-confirm-delete' }}
        onConfirm={() => {
          remove.mutate({ id: contact.id });
        }}
      >
        <Button type="link" size="small" danger loading={remove.isPending} data-testid="contact-delete">
          {t('contacts.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
