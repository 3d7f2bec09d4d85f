/**
 * The printable incident report (应急事件报告): an A4 PDF in Chinese drawn with the
 * reports' PDF writer (pdfkit, Noto Sans SC embedded as a subset; see main/services/reports/pdf).
 *
 * Sections: 事件概况 (type, level, drill, units, commander, situation, start/end, duration, summary);
 * 响应级别记录; 事件时间线; 关联工单 with their durations; 处置清单 completion; 通知与确认;
 * 信息报送 and its punctuality. Before the incident is closed the same document is an interim
 * report (阶段报告) and says so on every page. Every page carries the incident at the top and the
 * print time, printer and "第 n / N 页" at the bottom, so a loose page still says where it belongs.
 */
import { Flow, NumberedSections, decorateReportPage, type Column, type PageFrame } from '../../reports/pdf';
import { asOf, clockFrom, dateMinute, dateTime, durationText, punctuality, punctualityText } from './report-format';
import type { IncidentReportData } from './report-model';

const BODY = { size: 10 } as const;
const NOTE = { size: 9, gray: 0.35 } as const;
/** An ideographic space: the gap between parts of one line in Chinese typesetting. */
const GAP = '\u3000';
const NONE = '无';
const DASH = '—';

/** The report's title: a closed incident's report, or an interim one while it runs. */
export function reportTitle(r: Pick<IncidentReportData, 'endedAt' | 'drill'>): string {
  const title = r.endedAt === null ? '应急事件阶段报告' : '应急事件报告';
  return r.drill ? `【演练】${title}` : title;
}

function titleBlock(flow: Flow, r: IncidentReportData): void {
  flow.line(reportTitle(r), { size: 18, bold: true }, 'center');
  flow.space(4);
  const name = r.name && r.name !== r.typeName ? `${r.name}（${r.typeName}）` : r.typeName;
  flow.line(`${name}${GAP}${r.levelName}${GAP}事件编号 #${r.id}`, { size: 11 }, 'center');
  flow.space(6);
  if (r.drill) {
    flow.paragraph('本事件为演练，非真实事件，不计入应急统计。', { size: 10.5, bold: true });
    flow.space(2);
  }
  if (r.endedAt === null) {
    flow.paragraph(`事件尚未结束。本报告为截至 ${dateTime(r.printedAt)} 的阶段报告，结束后请重新导出正式报告。`, {
      size: 10,
      bold: true,
    });
    flow.space(2);
  }
}

function overviewSection(flow: Flow, r: IncidentReportData): void {
  const ended = r.endedAt === null ? '尚未结束' : dateTime(r.endedAt);
  const duration = durationText(asOf(r) - r.startedAt) + (r.endedAt === null ? '（截至打印时）' : '');
  flow.table(
    [
      { header: '', weight: 1.2 },
      { header: '', weight: 3 },
      { header: '', weight: 1.2 },
      { header: '', weight: 3 },
    ],
    [
      ['事件名称', r.name || r.typeName, '事件编号', `#${r.id}`],
      ['事件类型', r.typeName, '当前级别', r.levelName],
      ['事件性质', r.drill ? '演练' : '真实事件', '现场指挥', r.commander || DASH],
      ['开始时间', dateTime(r.startedAt), '启动人', r.startedBy],
      ['结束时间', ended, '结束人', r.closedBy ?? DASH],
      ['持续时间', duration, '处置预案', r.planName ?? DASH],
    ],
    { header: false, labelColumns: [0, 2], size: 9.5 },
  );
  const long: Column[] = [
    { header: '', weight: 1.2 },
    { header: '', weight: 7.2 },
  ];
  flow.table(
    long,
    [
      ['涉及单位', r.affectedUnits.length > 0 ? r.affectedUnits.join('、') : DASH],
      ['事件情况', r.situation || DASH],
      ['处置总结', r.summary ?? (r.endedAt === null ? '（事件结束时填写）' : DASH)],
    ],
    { header: false, labelColumns: [0], size: 9.5 },
  );
}

function levelSection(flow: Flow, r: IncidentReportData): void {
  if (r.levelHistory.length === 0) {
    flow.paragraph(NONE, BODY);
    return;
  }
  flow.table(
    [
      { header: '时间', weight: 1.4 },
      { header: '级别', weight: 1.6 },
      { header: '操作人', weight: 1.3 },
      { header: '原因', weight: 4.5 },
    ],
    r.levelHistory.map((l) => [clockFrom(l.at, r.startedAt), l.levelName, l.byName, l.reason ?? DASH]),
  );
}

function timelineSection(flow: Flow, r: IncidentReportData): void {
  if (r.timeline.length === 0) {
    flow.paragraph(NONE, BODY);
    return;
  }
  flow.table(
    [
      // Wide enough for "MM-DD HH:mm", the time of an entry after the first day.
      { header: '时间', weight: 1.25 },
      { header: '类型', weight: 1.2 },
      { header: '记录人', weight: 1.2 },
      { header: '内容', weight: 6.3 },
    ],
    r.timeline.map((e) => [clockFrom(e.at, r.startedAt), e.kindName, e.byName, e.alarm ? `【超时】${e.text}` : e.text]),
  );
  flow.space(3);
  flow.paragraph('时间线只增不改，按发生时间排列；“【超时】”为超过报送时限未报的记录。', NOTE);
}

function ordersSection(flow: Flow, r: IncidentReportData): void {
  if (r.orders.length === 0) {
    flow.paragraph(NONE, BODY);
    return;
  }
  const end = asOf(r);
  flow.table(
    [
      { header: '工单编号', weight: 2.1 },
      { header: '标题', weight: 2.8 },
      { header: '状态', weight: 1 },
      { header: '创建时间', weight: 1.3 },
      { header: '办结时间', weight: 1.3 },
      { header: '用时', weight: 2 },
    ],
    r.orders.map((o) => [
      o.code,
      o.title,
      o.stateName,
      clockFrom(o.createdAt, r.startedAt),
      o.finishedAt === null ? '未办结' : clockFrom(o.finishedAt, r.startedAt),
      o.finishedAt === null
        ? `已 ${durationText(end - o.createdAt)}（未办结）`
        : durationText(o.finishedAt - o.createdAt),
    ]),
  );
  if (r.endedAt === null) {
    flow.space(3);
    flow.paragraph('未办结工单的用时计至打印时。', NOTE);
  }
}

function checklistSection(flow: Flow, r: IncidentReportData): void {
  if (r.checklist.length === 0) {
    flow.paragraph(NONE, BODY);
    return;
  }
  flow.table(
    [
      { header: '级别', weight: 1.5 },
      { header: '事项', weight: 4.4 },
      { header: '完成', weight: 0.8 },
      { header: '完成人', weight: 1.3 },
      { header: '完成时间', weight: 1.3 },
    ],
    r.checklist.map((c) => [
      c.levelName,
      c.text,
      c.done ? '是' : '否',
      c.done ? (c.byName ?? DASH) : DASH,
      c.done && c.at !== null ? clockFrom(c.at, r.startedAt) : DASH,
    ]),
  );
}

function notificationSection(flow: Flow, r: IncidentReportData): void {
  if (r.notifications.length === 0) {
    flow.paragraph(NONE, BODY);
    return;
  }
  flow.table(
    [
      { header: '通知对象', weight: 3 },
      { header: '方式', weight: 1 },
      { header: '通知人', weight: 1.3 },
      { header: '通知时间', weight: 1.3 },
      { header: '确认', weight: 2.4 },
    ],
    r.notifications.map((n) => [
      n.contact,
      n.channelName,
      n.byName,
      clockFrom(n.at, r.startedAt),
      n.confirmedAt === null
        ? '未确认'
        : `${clockFrom(n.confirmedAt, r.startedAt)}${n.confirmedBy ? ` ${n.confirmedBy}` : ''}`,
    ]),
  );
}

function reportsSection(flow: Flow, r: IncidentReportData): void {
  if (r.reports.length === 0) {
    flow.paragraph(NONE, BODY);
    return;
  }
  const end = asOf(r);
  flow.table(
    [
      { header: '报告', weight: 1.6 },
      { header: '级别', weight: 1.5 },
      { header: '应报时间', weight: 1.3 },
      { header: '报送时间', weight: 1.3 },
      { header: '报送人', weight: 1.3 },
      { header: '情况', weight: 2 },
    ],
    r.reports.map((d) => [
      d.name,
      d.levelName,
      clockFrom(d.dueAt, r.startedAt),
      d.recordedAt === null ? DASH : clockFrom(d.recordedAt, r.startedAt),
      d.byName ?? DASH,
      punctualityText(punctuality(d, end, r.endedAt)),
    ]),
  );
  flow.space(3);
  flow.paragraph('迟报按分钟向上取整；级别调整或事件结束时尚未到期的报告不再报送，不计为未报。', NOTE);
}

/** Counts for the section headings, e.g. 处置清单（完成 3 / 5）. */
export function reportCounts(r: IncidentReportData): {
  checklistDone: number;
  onTime: number;
  late: number;
  missed: number;
  confirmed: number;
} {
  const end = asOf(r);
  const kinds = r.reports.map((d) => punctuality(d, end, r.endedAt).kind);
  return {
    checklistDone: r.checklist.filter((c) => c.done).length,
    onTime: kinds.filter((k) => k === 'onTime').length,
    late: kinds.filter((k) => k === 'late').length,
    missed: kinds.filter((k) => k === 'missed').length,
    confirmed: r.notifications.filter((n) => n.confirmedAt !== null).length,
  };
}

/** Header and footer of every page, in the margins. */
function decorate(r: IncidentReportData, frame: PageFrame): void {
  const status = r.endedAt === null ? `进行中（截至 ${dateMinute(r.printedAt)}）` : '已结束';
  decorateReportPage(
    frame,
    { title: reportTitle(r), subject: `#${r.id} ${r.typeName}${GAP}${r.levelName}${GAP}${status}` },
    `打印时间：${dateTime(r.printedAt)}${GAP}打印人：${r.printedBy}`,
  );
}

/** The report as PDF bytes. */
export function renderIncidentPdf(r: IncidentReportData): Uint8Array {
  const flow = new Flow();
  const sections = new NumberedSections(flow);
  const counts = reportCounts(r);
  titleBlock(flow, r);

  sections.heading('事件概况');
  overviewSection(flow, r);
  sections.heading('响应级别记录');
  levelSection(flow, r);
  sections.heading(`事件时间线（共 ${r.timeline.length} 条）`);
  timelineSection(flow, r);
  sections.heading(`关联工单（${r.orders.length} 件）`);
  ordersSection(flow, r);
  sections.heading(`处置清单（完成 ${counts.checklistDone} / ${r.checklist.length}）`);
  checklistSection(flow, r);
  sections.heading(`通知与确认（通知 ${r.notifications.length} 次，已确认 ${counts.confirmed} 次）`);
  notificationSection(flow, r);
  sections.heading(`信息报送（按时 ${counts.onTime}，迟报 ${counts.late}，未报 ${counts.missed}）`);
  reportsSection(flow, r);

  return flow.finish((frame) => decorate(r, frame), {
    title: `${reportTitle(r)} #${r.id} ${r.typeName} ${r.levelName}`,
    author: r.printedBy,
    subject: r.drill ? '应急事件报告（演练）' : '应急事件报告',
    creationDate: new Date(r.printedAt),
  });
}
