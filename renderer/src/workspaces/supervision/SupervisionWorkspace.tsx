import { Alert, Card, Flex, Segmented, Statistic, Table, Tag, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Supervision } from '../../../../common/contract';
import { useApiQuery } from '../../api';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { openOrder } from '../../orders/drawer/store';
import { formatDateTime } from '../../time/dayjs';
import { useNow } from '../../time/useNow';

type Status = 'open' | 'overdue' | 'replied';

function statusOf(s: Supervision, now: number): Status {
  if (s.repliedAt !== null) return 'replied';
  return s.dueAt < now ? 'overdue' : 'open';
}

const STATUS_COLORS: Record<Status, string> = { open: 'orange', overdue: 'red', replied: 'green' };

/** 督办: what the chiefs have pressed for, what is overdue, and what has been answered. */
export function SupervisionWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const now = useNow(60_000);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const list = useApiQuery('orders.supervisions.list', { onlyOpen }, { placeholderData: (previous) => previous });
  const counts = list.data?.counts;
  return (
    <>
      <WorkspaceTitle
        extra={
          <Segmented<'open' | 'all'>
            data-testid="supervision-scope"
            value={onlyOpen ? 'open' : 'all'}
            onChange={(v) => {
              setOnlyOpen(v === 'open');
            }}
            options={[
              { value: 'open', label: t('supervision.scopeOpen') },
              { value: 'all', label: t('supervision.scopeAll') },
            ]}
          />
        }
      >
        {t('supervision.title')}
      </WorkspaceTitle>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        {(['open', 'overdue', 'replied'] as const).map((k) => (
          <Card
            key={k}
            size="small"
            style={{ width: 160 }}
            data-testid={`supervision-count-${k}`}
            data-count={counts?.[k] ?? ''}
          >
            <Statistic
              title={t(`supervision.count.${k}`)}
              value={counts?.[k] ?? '—'}
              styles={{ content: { color: k === 'overdue' && (counts?.overdue ?? 0) > 0 ? '#e5484d' : undefined } }}
            />
          </Card>
        ))}
      </Flex>
      {list.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(list.error)} />}
      <Table<Supervision>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.rows ?? []}
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
        columns={[
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
        ]}
      />
    </>
  );
}
