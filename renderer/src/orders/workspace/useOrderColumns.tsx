import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../common/contract';
import { useOrderNames } from '../display/useOrderNames';
import { useCurrentIncidents } from '../../incidents/data';
import { progressColumns, subjectColumns } from './orderColumns';

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
      [...subjectColumns(t, running), ...progressColumns(t, names)].map((c) => ({
        // One line per row and per header: the virtual body's row height and the header's height are fixed.
        ellipsis: true,
        ...c,
      })),
    [t, names, running],
  );
}
