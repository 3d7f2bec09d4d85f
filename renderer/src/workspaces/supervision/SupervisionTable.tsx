import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Supervision } from '../../../../common/contract';
import { openOrder } from '../../orders/drawer/store';
import { formatDateTime } from '../../time/dayjs';

type Status = 'open' | 'overdue' | 'replied';

function statusOf(s: Supervision, now: number): Status {
  if (s.repliedAt !== null) return 'replied';
  return s.dueAt < now ? 'overdue' : 'open';
}

const STATUS_COLORS: Record<Status, string> = { open: 'orange', overdue: 'red', replied: 'green' };

/** Each 督办: its status, the order, what was asked, by when and by whom, and the answer. */
function supervisionColumns(t: TFunction, now: number): ColumnsType<Supervision> {
  return [
    {
      key: 'status',
      title: t('supervision.column.status'),
      width: 90,
      render: (_, s) => {
        const status = statusOf(s, now);
        return <Tag color={STATUS_COLORS[status]}>{t(`supervision.${status}`)}</Tag>;
      },
    },
    {
      key: 'code',
      title: t('orders.column.code'),
      dataIndex: 'orderCode',
      width: 150,
      render: (code: string) => <span className="tabular">{code}</span>,
    },
    { key: 'title', title: t('orders.column.title'), dataIndex: 'orderTitle', ellipsis: true },
    {
      key: 'note',
      title: t('supervision.column.note'),
      dataIndex: 'note',
      ellipsis: { showTitle: false },
      render: (note: string) => <Tooltip title={note}>{note}</Tooltip>,
    },
    {
      key: 'due',
      title: t('supervision.column.due'),
      dataIndex: 'dueAt',
      width: 160,
      render: (at: number) => <span className="tabular">{formatDateTime(at)}</span>,
    },
    { key: 'by', title: t('supervision.column.by'), dataIndex: 'createdByName', width: 100 },
    {
      key: 'created',
      title: t('supervision.column.created'),
      dataIndex: 'createdAt',
      width: 160,
      render: (at: number) => <span className="tabular">{formatDateTime(at)}</span>,
    },
    {
      key: 'reply',
      title: t('supervision.column.reply'),
      ellipsis: { showTitle: false },
      render: (_, s) =>
        s.reply === null ? (
          t('common.none')
        ) : (
          <Tooltip title={s.reply}>
            {s.repliedByName}：{s.reply}
          </Tooltip>
        ),
    },
  ];
}

/** The 督办 list, 50 a page; a row opens the order's drawer. */
export function SupervisionTable({ rows, loading, now }: { rows: Supervision[]; loading: boolean; now: number }) {
  const { t } = useTranslation();
  return (
    <Table<Supervision>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      data-testid="supervision-table"
      rowClassName="clickable-row"
      onRow={(s) =>
        ({
          'data-testid': 'supervision-row',
          'data-order-code': s.orderCode,
          'data-status': statusOf(s, now),
          onClick: () => {
            openOrder(s.orderId);
          },
        }) as HTMLAttributes<HTMLElement>
      }
      columns={supervisionColumns(t, now)}
    />
  );
}
