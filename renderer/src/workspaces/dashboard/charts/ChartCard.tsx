import { Button, Card } from 'antd';
import type { ChartData, ChartOptions, ChartType } from 'chart.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type TableData } from './DataTable';
import { useChart } from './useChart';

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
}: ChartCardProps<T>) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const canvas = useChart(type, data, options);
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
      {asTable && <DataTable id={id} caption={title} table={table} maxHeight={height + 40} />}
    </Card>
  );
}
