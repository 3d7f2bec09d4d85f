import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../common/contract';

const KNOWN_KINDS = ['enforcement', 'police', 'regulator', 'utility', 'management', 'other'] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];

function isKnownKind(kind: string): kind is KnownKind {
  return (KNOWN_KINDS as readonly string[]).includes(kind);
}

export function DepartmentsTable({ departments }: { departments: readonly Department[] }) {
  const { t } = useTranslation();
  const rows = [...departments].sort((a, b) => a.sort - b.sort);
  return (
    <Table<Department>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      data-testid="department-table"
      style={{ maxWidth: 720 }}
      columns={[
        { key: 'name', title: t('org.departments.name'), dataIndex: 'name' },
        {
          key: 'kind',
          title: t('org.departments.kind'),
          dataIndex: 'kind',
          // Kinds are open-ended in the contract; unknown ones are shown as sent.
          render: (kind: string) => <Tag>{isKnownKind(kind) ? t(`org.departmentKind.${kind}`) : kind}</Tag>,
        },
        { key: 'id', title: t('org.departments.code'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
      ]}
    />
  );
}
