import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';
import { ContactActions } from './ContactActions';
import { contactColumns } from './contactColumns';

/** The directory's columns, with edit and remove for administrators (`onEdit` null for everyone else). */
export function useContactTableColumns(onEdit: ((contact: Contact) => void) | null): TableColumnsType<Contact> {
  const { t } = useTranslation();
  const columns = useMemo(() => contactColumns(t), [t]);
  return onEdit
    ? [
        ...columns,
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, c) => (
            <ContactActions
              contact={c}
              onEdit={() => {
                onEdit(c);
              }}
            />
          ),
        },
      ]
    : columns;
}
