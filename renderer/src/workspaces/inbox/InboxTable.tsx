import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../common/contract';
import { UrgencyTag } from '../../orders/display/UrgencyTag';
import { openOrder } from '../../orders/drawer/store';
import { InboxKindTag } from '../../orders/inbox/InboxKindTag';
import { formatDateTime } from '../../time/dayjs';

/** What each 待办 asks, on which order, how pressing, since when, due when (red once past), by whom. */
function inboxColumns(t: TFunction, now: number): ColumnsType<InboxItem> {
  return [
    {
      key: 'kind',
      title: t('inbox.column.kind'),
      width: 120,
      render: (_, item) => <InboxKindTag item={item} />,
    },
    {
      key: 'order',
      title: t('inbox.column.order'),
      render: (_, item) => (
        <span>
          <span className="tabular">{item.orderCode}</span> {item.orderTitle}
        </span>
      ),
    },
    {
      key: 'urgency',
      title: t('inbox.column.urgency'),
      width: 90,
      render: (_, item) => <UrgencyTag urgency={item.urgency} />,
    },
    {
      key: 'since',
      title: t('inbox.column.since'),
      width: 150,
      render: (_, item) => <span className="tabular">{formatDateTime(item.since).slice(0, 16)}</span>,
    },
    {
      key: 'due',
      title: t('inbox.column.due'),
      width: 150,
      render: (_, item) =>
        item.dueAt === null ? null : (
          <Typography.Text className="tabular" type={item.dueAt < now ? 'danger' : undefined}>
            {formatDateTime(item.dueAt).slice(0, 16)}
          </Typography.Text>
        ),
    },
    { key: 'by', title: t('inbox.column.by'), width: 110, render: (_, item) => item.byName },
    {
      key: 'note',
      title: t('inbox.column.note'),
      ellipsis: true,
      render: (_, item) => item.note,
    },
  ];
}

/** The 待办 order items; a row (click or Enter) opens the order's drawer. */
export function InboxTable({ rows, loading, now }: { rows: InboxItem[]; loading: boolean; now: number }) {
  const { t } = useTranslation();
  return (
    <Table<InboxItem>
      size="small"
      rowKey="key"
      data-testid="inbox-table"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('inbox.empty') }}
      onRow={(item) =>
        ({
          'data-testid': 'inbox-row',
          'data-code': item.orderCode,
          'data-kind': item.kind,
          'data-request': item.request ?? '',
          tabIndex: 0,
          style: { cursor: 'pointer' },
          onClick: () => {
            openOrder(item.orderId);
          },
          onKeyDown: (e) => {
            if (e.key === 'Enter') openOrder(item.orderId);
          },
        }) as HTMLAttributes<HTMLElement>
      }
      columns={inboxColumns(t, now)}
    />
  );
}
