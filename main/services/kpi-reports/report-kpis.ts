import { formatChange, formatKpi, kpiViews, type KpiView } from '../../../common/domain/kpi';
import { KPI_LABELS_ZH } from '../../../common/domain/kpi/kpi-labels';
import type { KpiReportData } from './report-model';

/** One KPI of the report: the card's words (value, ratio, previous, change) and its raw value. */
export interface KpiLine {
  key: string;
  label: string;
  kind: KpiView['kind'];
  value: string;
  /** `numerator / denominator` of a ratio, else "". */
  ratio: string;
  previous: string;
  change: string;
  raw: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Hours carry their unit, a ratio's change is in percentage points: as the dashboard's cards read. */
function unit(kind: KpiView['kind'], text: string, change: boolean): string {
  if (text === '—') return text;
  if (kind === 'hours') return `${text} 小时`;
  return change && kind === 'ratio' ? `${text} 个百分点` : text;
}

/** The dashboard's KPI cards, in their order, in the cards' words ("—" for a zero denominator). */
export function kpiLines(r: Pick<KpiReportData, 'kpis' | 'previousKpis'>): KpiLine[] {
  return kpiViews(r.kpis, r.previousKpis).map((v) => ({
    key: v.key,
    label: (KPI_LABELS_ZH as Record<string, string>)[v.key] ?? v.key,
    kind: v.kind,
    value: unit(v.kind, formatKpi(v.kind, v.value), false),
    ratio: v.denominator === undefined ? '' : `${v.numerator ?? 0} / ${v.denominator}`,
    previous: unit(v.kind, formatKpi(v.kind, v.previous), false),
    change: unit(v.kind, formatChange(v.kind, v.value, v.previous), true),
    // Hours as hours, ratios as fractions (0–1): what a spreadsheet computes with.
    raw: v.value === null ? null : v.kind === 'hours' ? v.value / 3_600_000 : v.value,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
  }));
}

/** 在办超期 as the card reads it. */
export function overdueText(r: Pick<KpiReportData, 'overdueNow'>): string {
  return `红 ${r.overdueNow.red} · 黄 ${r.overdueNow.yellow}`;
}
