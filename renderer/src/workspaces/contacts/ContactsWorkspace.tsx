import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ADMINS, type Contact } from '../../../../common/contract';
import type { ContactKind } from '../../../../common/domain/contacts';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { hasAnyRole } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { ContactActions } from './ContactActions';
import { contactColumns } from './contactColumns';
import { ContactFormModal } from './ContactFormModal';
import { useContactsEvents } from './useContactsEvents';
import { useUnitOptions } from './useUnitOptions';

type KindChoice = 'all' | ContactKind;
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
  const [text, setText] = useState('');
  const [kind, setKind] = useState<KindChoice>('all');
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const units = useUnitOptions();
  useContactsEvents();
  const settled = useDebounced(text.trim(), 250);
  const input = useMemo(
    () => ({
      ...(settled ? { text: settled } : {}),
      ...(kind === 'all' ? {} : { kind }),
      ...(orgUnitId ? { orgUnitId } : {}),
    }),
    [settled, kind, orgUnitId],
  );
  const contacts = useApiQuery('contacts.search', input, { placeholderData: (previous) => previous });
  const columns = useMemo(() => contactColumns(t), [t]);
  const rows = contacts.data?.rows ?? [];
  const total = contacts.data?.total ?? 0;

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
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('contacts.search')}
          style={{ maxWidth: 340 }}
          data-testid="contact-search"
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
        <Segmented<KindChoice>
          value={kind}
          onChange={setKind}
          data-testid="contact-kind-filter"
          options={(['all', 'department', 'person'] as const).map((v) => ({
            value: v,
            label: t(`contacts.kind.${v}`),
          }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('contacts.unitFilter')}
          style={{ width: 240 }}
          loading={units.loading}
          options={units.options}
          value={orgUnitId}
          onChange={setOrgUnitId}
          data-testid="contact-unit-filter"
        />
        {contacts.data && (
          <Typography.Text type="secondary" data-testid="contact-count" data-count={total}>
            {total > rows.length
              ? t('contacts.truncated', { total, count: rows.length })
              : t('contacts.count', { count: total })}
          </Typography.Text>
        )}
      </Flex>
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
        columns={
          admin
            ? [
                ...columns,
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_, c) => (
                    <ContactActions
                      contact={c}
                      onEdit={() => {
                        setDialog({ kind: 'edit', contact: c });
                      }}
                    />
                  ),
                },
              ]
            : columns
        }
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
