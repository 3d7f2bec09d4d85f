import { Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { IncidentSummary, OrderSummary } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { LightDot } from '../display/LightDot';
import { StateTag } from '../display/StateTag';
import { UrgencyTag } from '../display/UrgencyTag';
import type { OrderNames } from '../display/useOrderNames';
import { IncidentOrderTag } from '../incidents/IncidentOrderTag';

// The order table's columns. Every column has a width: the virtual body lays out by them, not by
// its content (the widths add up as tableWidth in useOrderColumns.tsx explains).

/** Which order and what about: light, code, title (with its incident's mark), category, workstation. */
export function subjectColumns(t: TFunction, running: readonly IncidentSummary[]): ColumnsType<OrderSummary> {
  return [
    {
      key: 'light',
      title: t('orders.column.light'),
      width: 40,
      align: 'center',
      fixed: 'left',
      render: (_, o) => <LightDot light={o.light} timeUsed={o.timeUsed} />,
    },
    {
      key: 'code',
      title: t('orders.column.code'),
      dataIndex: 'code',
      width: 136,
      fixed: 'left',
      render: (code: string) => <span className="tabular">{code}</span>,
    },
    {
      key: 'title',
      title: t('orders.column.title'),
      dataIndex: 'title',
      width: 200,
      ellipsis: { showTitle: false },
      render: (title: string, o) => (
        <>
          {o.incidentId !== null && <IncidentOrderTag incidentId={o.incidentId} running={running} />}
          <Tooltip title={title}>{title}</Tooltip>
        </>
      ),
    },
    { key: 'category', title: t('orders.column.category'), dataIndex: 'categoryName', width: 104, ellipsis: true },
    {
      key: 'workstation',
      title: t('orders.column.workstation'),
      dataIndex: 'workstationName',
      width: 84,
      ellipsis: true,
      render: (name: string | null) => name ?? t('common.none'),
    },
  ];
}

/** Where it stands: source, urgency, state, handler, deadline, 督办, rework count. */
export function progressColumns(t: TFunction, names: OrderNames): ColumnsType<OrderSummary> {
  return [
    { key: 'source', title: t('orders.column.source'), width: 60, render: (_, o) => names.source(o.source) },
    {
      key: 'urgency',
      title: t('orders.column.urgency'),
      width: 66,
      render: (_, o) => <UrgencyTag urgency={o.urgency} />,
    },
    {
      key: 'state',
      title: t('orders.column.state'),
      width: 150,
      render: (_, o) => <StateTag state={o.state} pending={o.pending} />,
    },
    {
      key: 'handler',
      title: t('orders.column.handler'),
      width: 96,
      ellipsis: true,
      render: (_, o) => o.handler?.name ?? t('common.none'),
    },
    {
      key: 'deadline',
      title: t('orders.column.deadline'),
      dataIndex: 'deadlineAt',
      width: 150,
      render: (at: number | null) =>
        at === null ? t('common.none') : <span className="tabular">{formatDateTime(at)}</span>,
    },
    {
      key: 'supervised',
      title: t('orders.column.supervised'),
      width: 52,
      align: 'center',
      render: (_, o) =>
        o.supervised ? (
          <Tag color="volcano" data-testid="order-supervised" style={{ marginInlineEnd: 0 }}>
            {t('orders.supervisedFlag')}
          </Tag>
        ) : null,
    },
    {
      key: 'rework',
      title: t('orders.column.rework'),
      dataIndex: 'reworkCount',
      width: 60,
      align: 'center',
      fixed: 'right',
      render: (n: number) =>
        n > 0 ? (
          <Typography.Text type="warning">{n}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
  ];
}
