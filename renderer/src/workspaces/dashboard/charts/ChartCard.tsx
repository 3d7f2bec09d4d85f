import { Button, Card } from 'antd';
import type { ChartData, ChartOptions, ChartType } from 'chart.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type TableData } from '../../../stats/charts/DataTable';
import { useChart } from '../../../stats/charts/useChart';

export interface ChartCardProps<T extends ChartType> {
  /** test ids and the table's id: `dashboard-chart-<id>` */
  id: string;
  title: string;
  type: T;
  data: ChartData<T>;
  options: ChartOptions<T>;
  /** The same numbers as a table (the 表格 view: screen readers, copy and paste). */
  table: TableData;
  height?: number;
  /** Opens what a bar (or the table's row) stands for: the order list of its orders. */
  onPick?: (index: number) => void;
}

/**
 * A chart in a card with a 表格 toggle. The canvas stays mounted while the table shows, so the chart
 * keeps its instance and animates from its last numbers when it comes back.
 */
export function ChartCard<T extends ChartType>({
  id,
  title,
  type,
  data,
  options,
  table,
  height = 260,
  onPick,
}: ChartCardProps<T>) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const canvas = useChart(
    type,
    data,
    useMemo(() => pickable(options, onPick), [options, onPick]),
  );
  return (
    <Card
      size="small"
      title={title}
      data-testid={`dashboard-chart-${id}`}
      extra={
        <Button
          size="small"
          type={asTable ? 'primary' : 'default'}
          aria-pressed={asTable}
          data-testid={`dashboard-table-toggle-${id}`}
          onClick={() => {
            setAsTable((v) => !v);
          }}
        >
          {asTable ? t('dashboard.chart.chart') : t('dashboard.chart.table')}
        </Button>
      }
    >
      <div style={{ position: 'relative', height, display: asTable ? 'none' : 'block' }}>
        <canvas ref={canvas} role="img" aria-label={title} data-testid={`dashboard-canvas-${id}`} />
      </div>
      {asTable && (
        <DataTable id={id} caption={title} table={table} maxHeight={height + 40} {...(onPick ? { onPick } : {})} />
      )}
    </Card>
  );
}

/** The chart's options with a click on a bar calling `onPick` with its index (and a pointer over bars). */
function pickable<T extends ChartType>(
  options: ChartOptions<T>,
  onPick: ((index: number) => void) | undefined,
): ChartOptions<T> {
  if (!onPick) return options;
  const handlers: Pick<ChartOptions, 'onClick' | 'onHover'> = {
    onClick: (_event, elements) => {
      const index = elements[0]?.index;
      if (index !== undefined) onPick(index);
    },
    onHover: (event, elements) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
    },
  };
  // The chart's own options are a plain object, not a class instance: copied with the handlers added.
  return Object.assign({}, options, handlers);
}
