import type { ChartData, ChartOptions } from 'chart.js';
import type { TableData } from './DataTable';

/** One series of counts: the chart's data and the same numbers as a table (label, count). */
export function countSeries(
  labels: readonly string[],
  counts: readonly number[],
  header: { name: string; count: string },
  colour: string | readonly string[],
): { data: ChartData<'bar' | 'line' | 'doughnut', number[], string>; table: TableData } {
  return {
    data: {
      labels: [...labels],
      datasets: [
        {
          label: header.count,
          data: [...counts],
          backgroundColor: typeof colour === 'string' ? colour : [...colour],
          borderColor: typeof colour === 'string' ? colour : [...colour],
        },
      ],
    },
    table: { columns: [header.name, header.count], rows: labels.map((l, i) => [l, counts[i] ?? 0]) },
  };
}

/** Axes for counts: from zero, whole numbers only, no legend for a single series. */
export function countAxes(horizontal = false, stacked = false): ChartOptions<'bar' | 'line'> {
  const counts = { beginAtZero: true, stacked, ticks: { precision: 0 } };
  const labels = { stacked, ticks: { autoSkip: true } };
  return {
    indexAxis: horizontal ? 'y' : 'x',
    scales: horizontal ? { x: counts, y: labels } : { x: labels, y: counts },
    plugins: { legend: { display: stacked } },
  };
}
