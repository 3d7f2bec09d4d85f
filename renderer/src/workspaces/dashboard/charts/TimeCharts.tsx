import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../../common/contract';
import { usePerDaySeries, usePerHourSeries } from '../../../stats/charts/series';
import { ChartCard } from './ChartCard';

/** 每日工单量: reports per Shanghai day (line). */
export function PerDayChart({ rows }: { rows: Dashboard['perDay'] }) {
  const { t } = useTranslation();
  const chart = usePerDaySeries(rows);
  return <ChartCard id="perDay" title={t('dashboard.chart.perDay')} type="line" {...chart} />;
}

/** 时段分布: reports per hour of the Shanghai day, 0–23 (line). */
export function PerHourChart({ rows }: { rows: Dashboard['perHour'] }) {
  const { t } = useTranslation();
  const chart = usePerHourSeries(rows);
  return <ChartCard id="perHour" title={t('dashboard.chart.perHour')} type="line" {...chart} />;
}
