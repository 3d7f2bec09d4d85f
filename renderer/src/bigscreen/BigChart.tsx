import type { ChartOptions, ChartType } from 'chart.js';
import { useMemo } from 'react';
import type { TableData } from '../stats/charts/DataTable';
import type { ChartDefinition } from '../stats/charts/series';
import { useChart } from '../stats/charts/useChart';

/** Tick and legend type for five metres: about 24 px on a 1920-pixel-wide screen, never under 18. */
function typeSize(): number {
  return Math.max(18, Math.round(window.innerWidth / 80));
}

/**
 * A dashboard chart definition drawn for the wall: the same data and options, with large ticks and
 * legend, no tooltip (nobody points at it) and no animation on every refetch.
 */
function largeType<T extends ChartType>(options: ChartOptions<T>): ChartOptions<T> {
  const font = { size: typeSize() };
  const plain = options as unknown as {
    scales?: Record<string, { ticks?: object } | undefined>;
    plugins?: { legend?: { labels?: object } };
  };
  const scales = Object.fromEntries(
    Object.entries(plain.scales ?? {}).map(([axis, scale]) => [axis, { ...scale, ticks: { ...scale?.ticks, font } }]),
  );
  const legend = { ...plain.plugins?.legend, labels: { ...plain.plugins?.legend?.labels, font } };
  // The chart's own options are a plain object, not a class instance: copied with the large type.
  return Object.assign({}, options, {
    animation: false,
    events: [],
    scales,
    plugins: { ...plain.plugins, legend, tooltip: { enabled: false } },
  });
}

/** One chart on the big screen, titled, filling its cell. */
export function BigChart<T extends 'line' | 'bar'>({
  id,
  type,
  title,
  chart,
}: {
  id: string;
  type: T;
  title: string;
  chart: ChartDefinition<T>;
}) {
  const options = useMemo(() => largeType<T>(chart.options), [chart.options]);
  const canvas = useChart<T>(type, chart.data, options);
  return (
    <div className="bigscreen-tile" data-testid={`bigscreen-chart-${id}`} data-total={total(chart)}>
      <div className="bigscreen-label">{title}</div>
      <div className="bigscreen-chart">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </div>
  );
}

/** The chart's numbers added up (what a test or an automation compares with the API). */
function total(chart: { table: TableData }): number {
  return chart.table.rows.reduce((n, row) => n + Number(row[1] ?? 0), 0);
}
