import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../../common/contract';
import { useDashboardLabels } from '../../../stats/useDashboardLabels';
import { ChartCard } from './ChartCard';
import { LIGHT_COLOURS, SERIES_COLOURS } from '../../../stats/charts/chartSetup';
import { countAxes, countSeries } from '../../../stats/charts/countSeries';
import type { TableData } from '../../../stats/charts/DataTable';

const LIGHTS = ['green', 'yellow', 'red'] as const;

/** 工单状态构成 (doughnut). */
export function StatusChart({ rows }: { rows: Dashboard['byState'] }) {
  const { t } = useTranslation();
  const label = useDashboardLabels();
  const { data, table } = useMemo(
    () =>
      countSeries(
        rows.map((r) => label.state(r.state)),
        rows.map((r) => r.count),
        { name: t('orders.filter.states'), count: t('dashboard.chart.count') },
        rows.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length] ?? SERIES_COLOURS[0]),
      ),
    [rows, label, t],
  );
  const options = useMemo<ChartOptions<'doughnut'>>(() => ({ plugins: { legend: { position: 'right' } } }), []);
  return (
    <ChartCard
      id="byState"
      title={t('dashboard.chart.byState')}
      type="doughnut"
      data={data as ChartData<'doughnut', number[], string>}
      options={options}
      table={table}
    />
  );
}

/** 每日时限红黄绿灯: per day of report, the light its orders reached (stacked bars). */
export function LightsChart({ rows }: { rows: Dashboard['lights'] }) {
  const { t } = useTranslation();
  const { data, table } = useMemo(() => {
    const names = LIGHTS.map((l) => t(`dashboard.chart.${l}`));
    const chart: ChartData<'bar', number[], string> = {
      labels: rows.map((r) => r.date.slice(5)),
      datasets: LIGHTS.map((l, i) => ({
        label: names[i] ?? l,
        data: rows.map((r) => r[l]),
        backgroundColor: LIGHT_COLOURS[l],
      })),
    };
    const numbers: TableData = {
      columns: [t('dashboard.chart.date'), ...names],
      rows: rows.map((r) => [r.date, r.green, r.yellow, r.red]),
    };
    return { data: chart, table: numbers };
  }, [rows, t]);
  const options = useMemo(() => countAxes(false, true) as ChartOptions<'bar'>, []);
  return (
    <ChartCard id="lights" title={t('dashboard.chart.lights')} type="bar" data={data} options={options} table={table} />
  );
}
