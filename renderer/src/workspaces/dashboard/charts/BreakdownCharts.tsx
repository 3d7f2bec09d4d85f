import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../../common/contract';
import type { DashboardFilter } from '../../../../../common/contract/dashboard';
import { openOrders } from '../orderLinks';
import { useDashboardLabels } from '../../../stats/useDashboardLabels';
import { ChartCard } from './ChartCard';
import { SERIES_COLOURS } from '../../../stats/charts/chartSetup';
import { countAxes, countSeries } from '../../../stats/charts/countSeries';
import { useDomainSeries } from '../../../stats/charts/series';

type BarData = ChartData<'bar', number[], string>;

/** A bar chart of counts by name (vertical, or horizontal for long names). */
function CountBars(props: {
  id: string;
  title: string;
  header: string;
  labels: readonly string[];
  counts: readonly number[];
  colour: string;
  horizontal?: boolean;
  height?: number;
  onPick: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { data, table } = useMemo(
    () =>
      countSeries(props.labels, props.counts, { name: props.header, count: t('dashboard.chart.count') }, props.colour),
    [props.labels, props.counts, props.header, props.colour, t],
  );
  const options = useMemo(() => countAxes(props.horizontal) as ChartOptions<'bar'>, [props.horizontal]);
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      type="bar"
      data={data as BarData}
      options={options}
      table={table}
      onPick={props.onPick}
      {...(props.height === undefined ? {} : { height: props.height })}
    />
  );
}

/** 按问题大类 (bar); a bar opens its orders. */
export function DomainChart({ rows, filter }: { rows: Dashboard['byDomain']; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const chart = useDomainSeries(rows);
  return (
    <ChartCard
      id="byDomain"
      title={t('dashboard.chart.byDomain')}
      type="bar"
      {...chart}
      onPick={(i) => {
        const row = rows[i];
        if (row) openOrders(filter, { domainId: row.domainId });
      }}
    />
  );
}

/** 按问题小类 (horizontal bar, most first). */
export function CategoryChart({ rows, filter }: { rows: Dashboard['byCategory']; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const label = useDashboardLabels();
  const sorted = useMemo(() => [...rows].sort((a, b) => b.count - a.count), [rows]);
  const labels = useMemo(() => sorted.map((r) => label.category(r.categoryId)), [sorted, label]);
  const counts = useMemo(() => sorted.map((r) => r.count), [sorted]);
  return (
    <CountBars
      id="byCategory"
      title={t('dashboard.chart.byCategory')}
      header={t('dashboard.chart.name')}
      labels={labels}
      counts={counts}
      colour={SERIES_COLOURS[3]}
      onPick={(i) => {
        const row = sorted[i];
        if (row) openOrders(filter, { categoryId: row.categoryId });
      }}
      horizontal
      height={Math.max(260, sorted.length * 22)}
    />
  );
}

/** 按村居工作站: every workstation the filter covers, in organisation order (bar). */
export function WorkstationChart({ rows, filter }: { rows: Dashboard['byWorkstation']; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const label = useDashboardLabels();
  const labels = useMemo(() => rows.map((r) => label.unit(r.workstationId)), [rows, label]);
  const counts = useMemo(() => rows.map((r) => r.count), [rows]);
  return (
    <CountBars
      id="byWorkstation"
      title={t('dashboard.chart.byWorkstation')}
      header={t('dashboard.filter.workstation')}
      labels={labels}
      counts={counts}
      colour={SERIES_COLOURS[4]}
      onPick={(i) => {
        const row = rows[i];
        if (row) openOrders(filter, { workstationId: row.workstationId });
      }}
    />
  );
}
