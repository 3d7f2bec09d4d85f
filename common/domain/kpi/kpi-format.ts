import type { DashboardKpis } from '../../contract/dashboard';

/** What a KPI card shows: its value now and before, and the change ("—" where a side has none). */
export interface KpiView {
  key: string;
  kind: 'count' | 'ratio' | 'hours';
  /** the raw value: a count, a ratio's value (0–1) or milliseconds; null: "—" */
  value: number | null;
  previous: number | null;
  numerator?: number;
  denominator?: number;
}

type RatioKey = {
  [K in keyof DashboardKpis]: DashboardKpis[K] extends { denominator: number } ? K : never;
}[keyof DashboardKpis];

type CountKey = 'accepted' | 'filed' | 'supervisions';
const RATIOS: readonly RatioKey[] = [
  'closeRate',
  'onTimeCloseRate',
  'onTimeHandleRate',
  'reworkRate',
  'returnRate',
  'inStationRate',
  'supervisionReplyRate',
  'satisfactionRate',
];

/** The cards in the order the dashboard shows them (the README's KPI table). */
export function kpiViews(now: DashboardKpis, before: DashboardKpis): KpiView[] {
  const count = (key: CountKey): KpiView => ({
    key,
    kind: 'count',
    value: now[key],
    previous: before[key],
  });
  const ratio = (key: RatioKey): KpiView => ({
    key,
    kind: 'ratio',
    value: now[key].value,
    previous: before[key].value,
    numerator: now[key].numerator,
    denominator: now[key].denominator,
  });
  const hours = (['averageMs', 'p90Ms'] as const).map((k): KpiView => ({
    key: k === 'averageMs' ? 'handlingAverage' : 'handlingP90',
    kind: 'hours',
    value: now.handlingTime[k],
    previous: before.handlingTime[k],
  }));
  return [
    count('accepted'),
    count('filed'),
    ...RATIOS.slice(0, 6).map(ratio),
    ...hours,
    count('supervisions'),
    ...RATIOS.slice(6).map(ratio),
  ];
}

const HOUR_MS = 3_600_000;

/** The value as the card shows it: a count, a percentage with one decimal, hours with one decimal; "—" for none. */
export function formatKpi(kind: KpiView['kind'], value: number | null): string {
  if (value === null) return '—';
  if (kind === 'count') return String(value);
  if (kind === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return (value / HOUR_MS).toFixed(1);
}

/**
 * The change against the previous period: counts as a signed difference, ratios in percentage
 * points, times in hours; "—" when either side has no value (nothing to compare).
 */
export function formatChange(kind: KpiView['kind'], value: number | null, previous: number | null): string {
  if (value === null || previous === null) return '—';
  const diff = value - previous;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const abs = Math.abs(diff);
  if (kind === 'count') return `${sign}${abs}`;
  if (kind === 'ratio') return `${sign}${(abs * 100).toFixed(1)}`;
  return `${sign}${(abs / HOUR_MS).toFixed(1)}`;
}
