import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../common/contract';
import { useDashboardLabels } from '../useDashboardLabels';
import { SERIES_COLOURS } from './chartSetup';
import { countAxes, countSeries } from './countSeries';
import type { TableData } from './DataTable';

/**
 * The chart definitions the dashboard's cards and the big screen both draw: a chart's data, its
 * options and the same numbers as a table. One definition per chart, so the two never disagree.
 */
export interface ChartDefinition<T extends 'line' | 'bar'> {
  data: ChartData<T, number[], string>;
  options: ChartOptions<T>;
  table: TableData;
}

const shortDate = (date: string) => date.slice(5);

/** 每日工单量: reports per Shanghai day (line); the axis shows MM-DD, the table the full date. */
export function usePerDaySeries(rows: Dashboard['perDay']): ChartDefinition<'line'> {
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
  return { data: lineData, options, table };
}

/** 时段分布: reports per hour of the Shanghai day, 0–23 (line). */
export function usePerHourSeries(rows: Dashboard['perHour']): ChartDefinition<'line'> {
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
  return { data: data as ChartData<'line', number[], string>, options, table };
}

/** 按问题大类: reports per domain (bar). */
export function useDomainSeries(rows: Dashboard['byDomain']): ChartDefinition<'bar'> {
  const { t } = useTranslation();
  const label = useDashboardLabels();
  const { data, table } = useMemo(
    () =>
      countSeries(
        rows.map((r) => label.category(r.domainId)),
        rows.map((r) => r.count),
        { name: t('dashboard.filter.domain'), count: t('dashboard.chart.count') },
        SERIES_COLOURS[0],
      ),
    [rows, label, t],
  );
  const options = useMemo(() => countAxes() as ChartOptions<'bar'>, []);
  return { data: data as ChartData<'bar', number[], string>, options, table };
}
