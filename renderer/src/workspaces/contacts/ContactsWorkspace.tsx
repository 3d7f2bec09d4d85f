import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ADMINS, type Contact } from '../../../../common/contract';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { hasAnyRole } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { ContactsFilterBar } from './ContactsFilterBar';
import { useContactTableColumns } from './useContactTableColumns';
import { ContactFormModal } from './ContactFormModal';
import { useContactSearch } from './useContactSearch';
import { useContactsEvents } from './useContactsEvents';

type Dialog = { kind: 'create' } | { kind: 'edit'; contact: Contact } | null;

/**
 * 通讯录: every signed-in user finds whom to call; administrators keep it. The
 * search runs on the hub (names, numbers with any separators, titles, departments, units).
 */
export function ContactsWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const admin = hasAnyRole(user.roles, CONTACT_ADMINS);
  const [dialog, setDialog] = useState<Dialog>(null);
  useContactsEvents();
  const { kind, setKind, setText, orgUnitId, setOrgUnitId, contacts } = useContactSearch();
  const columns = useContactTableColumns(
    admin
      ? (contact) => {
          setDialog({ kind: 'edit', contact });
        }
      : null,
  );
  const rows = contacts.data?.rows ?? [];

  return (
    <>
      <WorkspaceTitle
        extra={
          admin && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="contact-create"
              onClick={() => {
                setDialog({ kind: 'create' });
              }}
            >
              {t('contacts.create')}
            </Button>
          )
        }
      >
        {t('contacts.title')}
      </WorkspaceTitle>
      <ContactsFilterBar
        kind={kind}
        setKind={setKind}
        setText={setText}
        orgUnitId={orgUnitId}
        setOrgUnitId={setOrgUnitId}
        total={contacts.data?.total}
        shown={rows.length}
      />
      {contacts.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(contacts.error)} />}
      <Table<Contact>
        size="small"
        rowKey="id"
        loading={contacts.isPending}
        dataSource={rows}
        locale={{ emptyText: t('contacts.empty') }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        data-testid="contact-table"
        onRow={(c) =>
          ({
            'data-testid': 'contact-row',
            'data-contact-id': c.id,
            'data-kind': c.kind,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={columns}
      />
      {dialog && (
        <ContactFormModal
          contact={dialog.kind === 'edit' ? dialog.contact : null}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
