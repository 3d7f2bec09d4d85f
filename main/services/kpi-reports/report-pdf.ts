/**
 * The KPI report as an A4 PDF (日报 / 周报), with the reports' PDF writer (pdfkit, Noto Sans SC
 * embedded as a subset; main/services/reports/pdf): the KPI cards of the period against the one
 * before, the charts of the dashboard drawn as vectors, the tables behind them, and the overdue list.
 * Every page carries the report and scope at the top, and when and by whom it was generated and
 * "第 n / N 页" at the bottom.
 */
import { REPORT_KIND_NAMES } from '../../../common/contract';
import { shanghaiDay } from '../../../common/domain/time';
import { dateTime } from '../duty/report/report-format';
import { Flow, NumberedSections, decorateReportPage, type Column } from '../reports/pdf';
import { columns, horizontalBars, line, stackedLights } from './report-charts';
import { kpiLines, overdueText } from './report-kpis';
import type { KpiReportData, LabelledCount } from './report-model';

const BODY = { size: 10 } as const;
const NOTE = { size: 9, gray: 0.35 } as const;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `2026-12-02（星期三）` or `2026-11-30 至 2026-12-06`. */
export function periodText(r: Pick<KpiReportData, 'period'>): string {
  const { firstDate, lastDate, from } = r.period;
  if (firstDate === lastDate) {
    // Day 0 (1970-01-01) was a Thursday.
    const weekday = WEEKDAYS[(shanghaiDay(from) + 4) % 7] ?? '';
    return `${firstDate}（${weekday}）`;
  }
  return `${firstDate} 至 ${lastDate}`;
}

export function reportTitle(r: Pick<KpiReportData, 'period'>): string {
  return `城运中心${REPORT_KIND_NAMES[r.period.kind]}`;
}

function titleBlock(flow: Flow, r: KpiReportData): void {
  flow.line(reportTitle(r), { size: 18, bold: true }, 'center');
  flow.space(4);
  flow.line(`${r.scopeName}\u3000${periodText(r)}`, { size: 11 }, 'center');
  flow.space(6);
  flow.paragraph(
    `统计区间 ${dateTime(r.period.from).slice(0, 16)} 至 ${dateTime(r.period.to).slice(0, 16)}（北京时间）；` +
      `环比为与上一${r.period.kind === 'daily' ? '日' : '周'}比较。生成于 ${dateTime(r.generatedAt)}。`,
    NOTE,
  );
}

function kpiSection(flow: Flow, r: KpiReportData): void {
  const cols: Column[] = [
    { header: '指标', weight: 2.2 },
    { header: '本期', weight: 1.6 },
    { header: '分子 / 分母', weight: 1.4 },
    { header: '上期', weight: 1.6 },
    { header: '环比', weight: 1.8 },
  ];
  const rows = kpiLines(r).map((k) => [k.label, k.value, k.ratio, k.previous, k.change]);
  rows.push(['在办超期（生成时）', overdueText(r), '', '', '']);
  flow.table(cols, rows);
  flow.space(3);
  flow.paragraph(
    '比率的分母为 0 时显示“—”（无从计算），不是 0% 或 100%。演练工单一律不计。指标定义见操作手册“指标定义”。',
    NOTE,
  );
}

/** A table of counts; `group` adds a first column (the domain of a sub-category, the station of a workstation). */
function countTable(
  flow: Flow,
  header: string,
  rows: readonly LabelledCount[],
  group?: { header: string; of: (i: number) => string },
): void {
  if (rows.length === 0) {
    flow.paragraph('本期无工单。', BODY);
    return;
  }
  const cols: Column[] = group
    ? [
        { header: group.header, weight: 2 },
        { header, weight: 3 },
        { header: '工单量', weight: 1 },
      ]
    : [
        { header, weight: 4 },
        { header: '工单量', weight: 1 },
      ];
  flow.table(
    cols,
    rows.map((row, i) => (group ? [group.of(i), row.label, String(row.count)] : [row.label, String(row.count)])),
  );
}

function trendSection(flow: Flow, r: KpiReportData): void {
  if (r.period.kind === 'weekly') {
    line(
      flow,
      '每日工单量',
      r.perDay.map((d) => ({ label: d.date.slice(5), count: d.count })),
    );
  }
  columns(
    flow,
    '时段分布（按小时）',
    r.perHour.map((h) => ({ label: String(h.hour), count: h.count })),
  );
  stackedLights(
    flow,
    '每日时限红黄绿灯',
    r.lights.map((l) => ({ ...l, label: l.date.slice(5) })),
  );
}

function overdueSection(flow: Flow, r: KpiReportData): void {
  if (r.overdue.total === 0) {
    flow.paragraph('生成时没有超期在办的工单。', BODY);
    return;
  }
  flow.table(
    [
      { header: '工单编号', weight: 1.6 },
      { header: '标题', weight: 3 },
      { header: '状态', weight: 1.1 },
      { header: '工作站', weight: 1.4 },
      { header: '处置时限', weight: 1.7 },
      { header: '已超期', weight: 1.5 },
    ],
    r.overdue.rows.map((o) => [o.code, o.title, o.state, o.workstation, o.deadline, o.overdueBy]),
    { size: 8 },
  );
  if (r.overdue.total > r.overdue.rows.length) {
    flow.space(3);
    flow.paragraph(`共 ${r.overdue.total} 件，此处列出超期最久的 ${r.overdue.rows.length} 件。`, NOTE);
  }
}

export function renderKpiReportPdf(r: KpiReportData): Uint8Array {
  const flow = new Flow();
  const sections = new NumberedSections(flow);
  titleBlock(flow, r);
  sections.heading('核心指标');
  kpiSection(flow, r);
  sections.heading('工单趋势');
  trendSection(flow, r);
  sections.heading('按问题分类');
  horizontalBars(flow, '按问题大类', r.byDomain);
  flow.space(4);
  countTable(flow, '问题大类', r.byDomain);
  flow.space(4);
  countTable(flow, '问题小类', r.byCategory, { header: '问题大类', of: (i) => r.byCategory[i]?.domain ?? '' });
  sections.heading('按村居工作站');
  horizontalBars(flow, '按村居工作站', r.byWorkstation);
  flow.space(4);
  countTable(flow, '工作站', r.byWorkstation, { header: '联勤站', of: (i) => r.byWorkstation[i]?.station ?? '' });
  sections.heading('工单状态构成');
  countTable(flow, '当前状态', r.byState);
  sections.heading(`在办超期清单（生成时，共 ${r.overdue.total} 件）`);
  overdueSection(flow, r);
  const title = `${reportTitle(r)} ${periodText(r)}`;
  const printed = `生成：${dateTime(r.generatedAt)}\u3000生成人：${r.generatedBy}`;
  return flow.finish((frame) => decorateReportPage(frame, { title, subject: r.scopeName }, printed), {
    title: `${title} ${r.scopeName}`,
    author: r.generatedBy,
    subject: `${REPORT_KIND_NAMES[r.period.kind]}（${r.scopeName}）`,
    creationDate: new Date(r.generatedAt),
  });
}
