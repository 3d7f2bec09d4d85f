import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Contact } from '../../../../common/contract';

const phoneCell = (value: string | null) =>
  value ? (
    <Typography.Text copyable className="tabular">
      {value}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );

/** The 通讯录 table's columns; numbers are copyable, for dialling from a desk phone or softphone. */
export function contactColumns(t: TFunction): TableColumnsType<Contact> {
  return [
    {
      key: 'name',
      title: t('contacts.column.name'),
      render: (_, c) => (
        <Space size={6}>
          <Typography.Text strong={c.kind === 'department'} data-testid="contact-name">
            {c.name}
          </Typography.Text>
          {c.kind === 'department' && <Tag>{t('contacts.kind.department')}</Tag>}
        </Space>
      ),
    },
    { key: 'title', title: t('contacts.column.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    {
      key: 'department',
      title: t('contacts.column.department'),
      dataIndex: 'parentName',
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'orgUnit',
      title: t('contacts.column.orgUnit'),
      dataIndex: 'orgUnitName',
      render: (v: string | null) => v ?? '—',
    },
    { key: 'phone', title: t('contacts.column.phone'), dataIndex: 'phone', render: phoneCell },
    { key: 'mobile', title: t('contacts.column.mobile'), dataIndex: 'mobile', render: phoneCell },
    {
      key: 'console',
      title: t('contacts.column.console'),
      render: (_, c) =>
        c.userId === null ? (
          '—'
        ) : c.consoleReachable ? (
          <Tag color="blue" data-testid="contact-console">
            {t('contacts.consoleTag')}
          </Tag>
        ) : (
          <Tag>{t('contacts.consoleDisabled')}</Tag>
        ),
    },
    {
      key: 'note',
      title: t('contacts.column.note'),
      dataIndex: 'note',
      render: (v: string | null) =>
        v ? (
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 220 }}>
            {v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
}
