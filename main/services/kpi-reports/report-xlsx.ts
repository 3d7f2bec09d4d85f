/**
 * The KPI report as XLSX: a KPI sheet, then one sheet per table behind the charts and the overdue
 * list, with the orders' export writer (main/services/orders/export/xlsx.ts: text stays text, no
 * formula is ever written). The numbers are the PDF's: both come from the same KpiReportData.
 */
import { displayWidth, writeXlsxBook, type XlsxCell, type XlsxSheet } from '../orders/export/xlsx';
import { kpiLines, overdueText } from './report-kpis';
import type { KpiReportData } from './report-model';

export const REPORT_SHEETS = [
  '指标',
  '每日',
  '时段',
  '问题大类',
  '问题小类',
  '村居工作站',
  '工单状态',
  '在办超期',
] as const;

const MAX_WIDTH = 60;

/** A sheet whose columns are as wide as their widest text (within reason). */
function sheet(name: string, headers: readonly string[], rows: XlsxCell[][]): XlsxSheet {
  const columns = headers.map((header, i) => {
    let width = Math.max(8, displayWidth(header));
    for (const row of rows) {
      const v = row[i];
      if (typeof v === 'string') width = Math.max(width, displayWidth(v));
    }
    return { header, width: Math.min(width + 2, MAX_WIDTH) };
  });
  return { name, columns, rows };
}

/** The KPI sheet: the card's words, and the raw value (ratios as 0–1, times in hours) with its parts. */
function kpiSheet(r: KpiReportData): XlsxSheet {
  const rows: XlsxCell[][] = kpiLines(r).map((k) => [
    k.label,
    k.value,
    k.raw,
    k.numerator,
    k.denominator,
    k.previous,
    k.change,
  ]);
  rows.push(['在办超期（生成时）', overdueText(r), null, null, null, null, null]);
  return sheet(REPORT_SHEETS[0], ['指标', '本期', '数值', '分子', '分母', '上期', '环比'], rows);
}

export function renderKpiReportXlsx(r: KpiReportData): Uint8Array {
  const [, perDay, perHour, domains, categories, workstations, states, overdue] = REPORT_SHEETS;
  const lights = new Map(r.lights.map((l) => [l.date, l]));
  return writeXlsxBook(
    [
      kpiSheet(r),
      sheet(
        perDay,
        ['日期', '工单量', '绿灯', '黄灯', '红灯'],
        r.perDay.map((d) => {
          const l = lights.get(d.date);
          return [d.date, d.count, l?.green ?? 0, l?.yellow ?? 0, l?.red ?? 0];
        }),
      ),
      sheet(
        perHour,
        ['小时', '工单量'],
        r.perHour.map((h) => [h.hour, h.count]),
      ),
      sheet(
        domains,
        ['问题大类', '工单量'],
        r.byDomain.map((d) => [d.label, d.count]),
      ),
      sheet(
        categories,
        ['问题大类', '问题小类', '工单量'],
        r.byCategory.map((c) => [c.domain, c.label, c.count]),
      ),
      sheet(
        workstations,
        ['联勤站', '工作站', '工单量'],
        r.byWorkstation.map((w) => [w.station, w.label, w.count]),
      ),
      sheet(
        states,
        ['当前状态', '工单量'],
        r.byState.map((s) => [s.label, s.count]),
      ),
      sheet(
        overdue,
        ['工单编号', '标题', '状态', '联勤站', '工作站', '处置人', '处置时限', '已超期'],
        r.overdue.rows.map((o) => [
          o.code,
          o.title,
          o.state,
          o.station,
          o.workstation,
          o.handler,
          o.deadline,
          o.overdueBy,
        ]),
      ),
    ],
    r.generatedAt,
  );
}
