import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../../common/contract';
import { ChartCard } from './ChartCard';
import { SERIES_COLOURS } from './chartSetup';
import { countAxes, countSeries } from './countSeries';

const shortDate = (date: string) => date.slice(5);

/** 每日工单量: reports per Shanghai day (line). */
export function PerDayChart({ rows }: { rows: Dashboard['perDay'] }) {
  const { t } = useTranslation();
  const { data, table } = useMemo(
    () =>
      countSeries(
        rows.map((r) => r.date),
        rows.map((r) => r.count),
        { name: t('dashboard.chart.date'), count: t('dashboard.chart.count') },
        SERIES_COLOURS[0],
      ),
    [rows, t],
  );
  const lineData = useMemo(
    () => ({ ...data, labels: (data.labels ?? []).map(shortDate) }) as ChartData<'line', number[], string>,
    [data],
  );
  const options = useMemo(() => countAxes() as ChartOptions<'line'>, []);
  return (
    <ChartCard
      id="perDay"
      title={t('dashboard.chart.perDay')}
      type="line"
      data={lineData}
      options={options}
      table={table}
    />
  );
}

/** 时段分布: reports per hour of the Shanghai day, 0–23 (line). */
export function PerHourChart({ rows }: { rows: Dashboard['perHour'] }) {
  const { t } = useTranslation();
  const { data, table } = useMemo(
    () =>
      countSeries(
        rows.map((r) => t('dashboard.chart.hour', { hour: r.hour })),
        rows.map((r) => r.count),
        { name: t('dashboard.chart.hourHeader'), count: t('dashboard.chart.count') },
        SERIES_COLOURS[1],
      ),
    [rows, t],
  );
  const options = useMemo(() => countAxes() as ChartOptions<'line'>, []);
  return (
    <ChartCard
      id="perHour"
      title={t('dashboard.chart.perHour')}
      type="line"
      data={data as ChartData<'line', number[], string>}
      options={options}
      table={table}
    />
  );
}
