import { Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../common/contract';
import { LightDot } from '../display/LightDot';
import { StateTag } from '../display/StateTag';
import { UrgencyTag } from '../display/UrgencyTag';
import { useOrderNames } from '../display/useOrderNames';
import { formatDateTime } from '../../time/dayjs';
import { useCurrentIncidents } from '../../workspaces/incidents/data';
import { IncidentOrderTag } from '../incidents/IncidentOrderTag';

/**
 * The sum of the widths below; wider windows stretch the columns, narrower ones scroll sideways.
 * They add up to 1198 px so that the whole row fits the workspace of a 1440×900 window (1440 −
 * the 188 px menu − 32 px padding, less the scroll bar) without cutting a column; the title
 * takes what a wider window adds, and shows in full in a tooltip when cut.
 */
export function tableWidth(columns: ColumnsType<OrderSummary>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
}

export function useOrderColumns(): ColumnsType<OrderSummary> {
  const { t } = useTranslation();
  const names = useOrderNames();
  // Orders linked to a running incident come first (the hub pins them) and carry its mark.
  const current = useCurrentIncidents();
  const running = useMemo(() => current.data?.incidents ?? [], [current.data]);
  return useMemo(
    () =>
      (
        [
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
            // Every column has a width: the virtual body lays out by them, not by its content.
            width: 200,
            ellipsis: { showTitle: false },
            render: (title: string, o) => (
              <>
                {o.incidentId !== null && <IncidentOrderTag incidentId={o.incidentId} running={running} />}
                <Tooltip title={title}>{title}</Tooltip>
              </>
            ),
          },
          {
            key: 'category',
            title: t('orders.column.category'),
            dataIndex: 'categoryName',
            width: 104,
            ellipsis: true,
          },
          {
            key: 'workstation',
            title: t('orders.column.workstation'),
            dataIndex: 'workstationName',
            width: 84,
            ellipsis: true,
            render: (name: string | null) => name ?? t('common.none'),
          },
          {
            key: 'source',
            title: t('orders.column.source'),
            width: 60,
            render: (_, o) => names.source(o.source),
          },
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
        ] satisfies ColumnsType<OrderSummary>
      ).map((c) => ({
        // One line per row and per header: the virtual body's row height and the header's height are fixed.
        ellipsis: true,
        ...c,
      })),
    [t, names, running],
  );
}
