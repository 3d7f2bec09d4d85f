/**
 * The incident report's files from a plain report object: the PDF read back with pdfjs (what a
 * viewer shows), the XLSX rows, punctuality and durations, and hostile text.
 */
import { describe, expect, it } from 'vitest';
import { exportIncident, incidentExportName } from '../../main/services/incidents/report/incident-export';
import { renderIncidentPdf } from '../../main/services/incidents/report/incident-pdf';
import { renderIncidentTimelineXlsx } from '../../main/services/incidents/report/incident-xlsx';
import { clockFrom, durationText, punctuality } from '../../main/services/incidents/report/report-format';
import type { IncidentReportData } from '../../main/services/incidents/report/report-model';
import { A4, CONTENT_WIDTH, MARGIN } from '../../main/services/reports/pdf';
import { pdfActualTexts, pdfPageItems, pdfPageTexts, pdfText } from '../helpers/pdf-text';
import { xlsxCell, xlsxFirstSheet, xlsxRows } from '../helpers/xlsx-read';

const MIN = 60_000;
/** 2026-12-02 14:00 Shanghai. */
const START = Date.UTC(2026, 11, 2, 6, 0, 0);
const IV = 'Ⅳ级（一般）';
const III = 'Ⅲ级（较大）';

function sample(more: Partial<IncidentReportData> = {}): IncidentReportData {
  return {
    id: 12,
    typeName: '防台防汛',
    name: '防台防汛',
    planName: '防台防汛预案',
    drill: false,
    levelName: 'Ⅲ级（较大）',
    levelHistory: [
      { at: START, levelName: 'Ⅳ级（一般）', byName: '李协调', reason: null },
      { at: START + 40 * MIN, levelName: 'Ⅲ级（较大）', byName: '王值班长', reason: '降雨量超过 50 毫米' },
    ],
    affectedUnits: ['第一联勤站', '第二联勤站'],
    commander: '周指挥',
    situation: '台风“海葵”外围影响，预计今晚有强降水。',
    startedAt: START,
    startedBy: '李协调',
    endedAt: START + 26 * 60 * MIN,
    closedBy: '王值班长',
    summary: '共转移群众 35 人，排水点位 12 处，无人员伤亡。',
    timeline: [
      { at: START, kindName: '启动', byName: '李协调', text: '启动防台防汛 Ⅳ级响应', alarm: false },
      { at: START + 10 * MIN, kindName: '处置清单', byName: '赵六', text: '完成：领导带班到岗', alarm: false },
      { at: START + 31 * MIN, kindName: '超时未报', byName: '系统', text: '初报（口头）超过时限未报', alarm: true },
      { at: START + 40 * MIN, kindName: '级别调整', byName: '王值班长', text: 'Ⅳ级 → Ⅲ级', alarm: false },
      { at: START + 25 * 60 * MIN, kindName: '备注', byName: '赵六', text: '川沙路下立交积水已排空', alarm: false },
    ],
    orders: [
      {
        code: 'HQ20261202-0007',
        title: '川沙路下立交积水',
        stateName: '已办结',
        createdAt: START + 5 * MIN,
        finishedAt: START + 130 * MIN,
      },
      {
        code: 'HQ20261202-0009',
        title: '华星村树木倒伏',
        stateName: '处置中',
        createdAt: START + 50 * MIN,
        finishedAt: null,
      },
    ],
    checklist: [
      { levelName: 'Ⅳ级（一般）', text: '领导带班到岗', done: true, byName: '赵六', at: START + 10 * MIN },
      { levelName: 'Ⅲ级（较大）', text: '巡查低洼易涝点', done: false, byName: null, at: null },
    ],
    notifications: [
      {
        contact: '区应急管理局 值班室',
        channelName: '电话',
        byName: '李协调',
        at: START + 3 * MIN,
        confirmedAt: START + 5 * MIN,
        confirmedBy: '李协调',
      },
      {
        contact: '华星村 村委会',
        channelName: '系统',
        byName: '李协调',
        at: START + 4 * MIN,
        confirmedAt: null,
        confirmedBy: null,
      },
    ],
    reports: [
      {
        name: '初报（口头）',
        levelName: IV,
        dueAt: START + 30 * MIN,
        recordedAt: null,
        byName: null,
        supersededAt: null,
      },
      {
        name: '书面报告',
        levelName: IV,
        dueAt: START + 60 * MIN,
        recordedAt: START + 55 * MIN,
        byName: '李协调',
        supersededAt: null,
      },
      {
        name: '续报 1',
        levelName: IV,
        dueAt: START + 70 * MIN,
        recordedAt: null,
        byName: null,
        supersededAt: START + 40 * MIN,
      },
      {
        name: '续报 2',
        levelName: III,
        dueAt: START + 120 * MIN,
        recordedAt: START + 127 * MIN + 1_000,
        byName: '李协调',
        supersededAt: null,
      },
      {
        name: '续报 3',
        levelName: III,
        dueAt: START + 27 * 60 * MIN,
        recordedAt: null,
        byName: null,
        supersededAt: START + 26 * 60 * MIN,
      },
    ],
    printedAt: START + 27 * 60 * MIN,
    printedBy: '王值班长',
    ...more,
  };
}

const text = pdfText;

describe('incident report format', () => {
  it('durations are whole minutes rounded down', () => {
    expect(durationText(59_999)).toBe('不足 1 分钟');
    expect(durationText(45 * MIN + 59_000)).toBe('45 分钟');
    expect(durationText(125 * MIN)).toBe('2 小时 5 分钟');
    expect(durationText(26 * 60 * MIN)).toBe('1 天 2 小时');
    expect(durationText(-5)).toBe('不足 1 分钟');
  });

  it('punctuality: on time, late by whole minutes rounded up, missed, superseded, pending', () => {
    const due = START + 30 * MIN;
    const at = (recordedAt: number | null, supersededAt: number | null = null) => ({
      dueAt: due,
      recordedAt,
      supersededAt,
    });
    expect(punctuality(at(due), due + MIN, null)).toEqual({ kind: 'onTime' });
    expect(punctuality(at(due + 1_000), due + MIN, null)).toEqual({ kind: 'late', minutes: 1 });
    expect(punctuality(at(due + 7 * MIN), due + MIN, null)).toEqual({ kind: 'late', minutes: 7 });
    // The console's rule: at the deadline with nothing recorded, the report is missed.
    expect(punctuality(at(null), due, null)).toEqual({ kind: 'missed' });
    expect(punctuality(at(null), due - 1, null)).toEqual({ kind: 'pending' });
    expect(punctuality(at(null), due - 10 * MIN, null)).toEqual({ kind: 'pending' });
    // Called off before it fell due: by a level change, or by the close.
    expect(punctuality(at(null, due - MIN), due + MIN, null)).toEqual({ kind: 'superseded', byClose: false });
    expect(punctuality(at(null, due - MIN), due - MIN, due - MIN)).toEqual({ kind: 'superseded', byClose: true });
    // Called off only after the deadline had passed: it was missed all the same.
    expect(punctuality(at(null, due + MIN), due + MIN, null)).toEqual({ kind: 'missed' });
  });

  it('times carry the date only when the incident has run past its first day', () => {
    expect(clockFrom(START + 10 * MIN, START)).toBe('14:10');
    expect(clockFrom(START + 25 * 60 * MIN, START)).toBe('12-03 15:00');
    expect(clockFrom(Date.UTC(2027, 0, 1, 6), START)).toBe('2027-01-01 14:00');
  });
});

describe('incident report PDF', () => {
  it('reads back with the header, timeline, orders, checklist, notifications and reports', async () => {
    const data = renderIncidentPdf(sample());
    expect(Buffer.from(data.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    const all = await text(data);
    for (const s of [
      '应急事件报告',
      '防台防汛',
      'Ⅲ级（较大）',
      '事件编号 #12',
      '第一联勤站、第二联勤站',
      '周指挥',
      '台风“海葵”外围影响',
      '2026-12-02 14:00:00',
      '2026-12-03 16:00:00',
      '1 天 2 小时',
      '共转移群众 35 人',
      // level history
      '降雨量超过 50 毫米',
      // timeline, with the date on the second day and the missed deadline marked
      '启动防台防汛 Ⅳ级响应',
      '完成：领导带班到岗',
      '【超时】初报（口头）超过时限未报',
      '12-03 15:00',
      '川沙路下立交积水已排空',
      // orders with durations; the open one runs to the end of the incident
      'HQ20261202-0007',
      '2 小时 5 分钟',
      // checklist completion
      '处置清单（完成 1 / 2）',
      '巡查低洼易涝点',
      // notifications and confirmations
      '通知与确认（通知 2 次，已确认 1 次）',
      '区应急管理局 值班室',
      '14:05 李协调',
      '未确认',
      // reports and their punctuality
      '信息报送（按时 1，迟报 1，未报 1）',
      '未报（超时）',
      '迟报 8 分钟',
      '级别调整，不再报送',
      '事件结束，不再报送',
      '打印人：王值班长',
    ]) {
      expect(all, s).toContain(s);
    }
    // A cell wrapped at a space reads back without it.
    expect(all.replace(/\s/g, '')).toContain('已1天1小时10分钟（未办结）');
    expect(all).not.toContain('阶段报告');
    expect(all).not.toContain('演练');
  });

  it('every page names the incident and counts pages', async () => {
    const many = sample({
      timeline: Array.from({ length: 150 }, (_, i) => ({
        at: START + i * MIN,
        kindName: '备注',
        byName: '赵六',
        text: `巡查记录 ${i + 1}：合庆路沿线积水点位正常。`,
        alarm: false,
      })),
    });
    const pages = await pdfPageTexts(renderIncidentPdf(many));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => {
      expect(p).toContain('#12 防台防汛');
      expect(p).toContain(`第 ${i + 1} / ${pages.length} 页`);
    });
    const all = pages.join('\n');
    expect(all).toContain('事件时间线（共 150 条）');
    expect(all).toContain('巡查记录 1：');
    expect(all).toContain('巡查记录 150：');
  });

  it('an interim report of a running drill says so on every page; empty lists print 无', async () => {
    const running = sample({
      drill: true,
      endedAt: null,
      closedBy: null,
      summary: null,
      orders: [],
      checklist: [],
      notifications: [],
      reports: [
        {
          name: '初报（口头）',
          levelName: IV,
          dueAt: START + 30 * MIN,
          recordedAt: null,
          byName: null,
          supersededAt: null,
        },
      ],
      printedAt: START + 20 * MIN,
    });
    const pages = await pdfPageTexts(renderIncidentPdf(running));
    const all = pages.join('\n');
    expect(all).toContain('【演练】应急事件阶段报告');
    expect(all).toContain('本事件为演练，非真实事件，不计入应急统计。');
    expect(all).toContain('事件尚未结束');
    expect(all).toContain('尚未结束');
    expect(all).toContain('20 分钟（截至打印时）');
    expect(all).toContain('关联工单（0 件）无');
    expect(all).toContain('处置清单（完成 0 / 0）无');
    expect(all).toContain('通知与确认（通知 0 次，已确认 0 次）无');
    expect(all).toContain('未到期');
    expect(all).not.toContain('，不再报送');
    for (const p of pages) expect(p).toContain('【演练】');
  });

  it('hostile text: control characters go, long text wraps within the page, nothing breaks the file', async () => {
    const long = '排水泵站运行正常，'.repeat(700) + 'END-OF-SUMMARY';
    const hostile = sample({
      commander: 'a\u0000b\u0007c\u001b[31m\u202e周',
      situation: `第一行\r\n第二行\t(括号) \\ ) ( %PDF endstream >> /Type /Page`,
      summary: long,
      timeline: [
        {
          at: START,
          kindName: '备注',
          byName: 'x'.repeat(300),
          text: `${'W'.repeat(2000)}\u0000\u0008😀𠀀 BT /F1 99 Tf (pwn) Tj ET`,
          alarm: false,
        },
      ],
    });
    const data = renderIncidentPdf(hostile);
    const pages = await pdfPageTexts(data);
    // Wrapped lines read back joined, without the spaces they broke at.
    const all = pages.join('\n').replace(/\s/g, '');
    expect(pages.length).toBeGreaterThan(2);
    expect(all).toContain('abc[31m周');
    // eslint-disable-next-line no-control-regex -- the characters the report must have dropped
    expect(all).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
    expect(all).toContain('(括号)\\)(%PDFendstream>>/Type/Page');
    expect(all).toContain('END-OF-SUMMARY');
    // (A row split across pages has that page's header and footer between its halves.)
    expect(all).toMatch(/BT.*\/F1.*99.*Tf.*\(pwn\).*Tj.*ET/);
    // Characters the font cannot show are drawn as a square each, never dropped silently into a
    // broken string; the characters themselves stay in the text layer (/ActualText).
    expect(all).toContain('□□');
    expect(pdfActualTexts(data)).toContain('😀𠀀');
    // Every page is A4 and no text runs past the margins: long words and long summaries wrap.
    const layout = await pdfPageItems(data);
    expect(layout).toHaveLength(pages.length);
    for (const p of layout) {
      expect(p.width).toBeCloseTo(A4.width, 2);
      expect(p.height).toBeCloseTo(A4.height, 2);
      for (const it of p.items) {
        expect(it.x).toBeGreaterThanOrEqual(MARGIN.left - 0.01);
        expect(it.x + it.width).toBeLessThanOrEqual(MARGIN.left + CONTENT_WIDTH + 0.01);
        expect(it.y).toBeGreaterThan(20);
        expect(it.y).toBeLessThan(A4.height - 30);
      }
    }
    // Nothing the user typed reached the page stream as PDF syntax: the only page objects are ours.
    const raw = Buffer.from(data).toString('latin1');
    expect(raw.match(/\/Type \/Page\b/g)?.length).toBe(pages.length);
  });
});

describe('incident timeline XLSX', () => {
  const sheet = xlsxFirstSheet;
  const cell = xlsxCell;

  it('one row per timeline entry, oldest first, times as date cells', async () => {
    const s = await sheet(renderIncidentTimelineXlsx(sample()));
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((r) => cell(s, r))).toEqual([
      '序号',
      '时间',
      '类型',
      '记录人',
      '内容',
      '超时',
    ]);
    expect(cell(s, 'A2')).toBe('1');
    expect(cell(s, 'B2')).toBe('2026-12-02 14:00:00');
    expect(s.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(cell(s, 'C2')).toBe('启动');
    expect(cell(s, 'D2')).toBe('李协调');
    expect(cell(s, 'E2')).toBe('启动防台防汛 Ⅳ级响应');
    expect(cell(s, 'F2')).toBeNull();
    expect(cell(s, 'E4')).toBe('初报（口头）超过时限未报');
    expect(cell(s, 'F4')).toBe('是');
    expect(cell(s, 'E6')).toBe('川沙路下立交积水已排空');
    expect(cell(s, 'A7')).toBeNull();
    expect(s.autoFilter).toBe('A1:F6');
  });

  it('hostile text stays text: no formula, no control characters, XML escaped', async () => {
    const s = await sheet(
      renderIncidentTimelineXlsx(
        sample({
          timeline: [
            { at: START, kindName: '备注', byName: '=cmd|calc', text: '<x>&"\u0000\u0007=1+1</x>', alarm: false },
          ],
        }),
      ),
    );
    // xlsxRows reads every cell and fails on a formula.
    expect(xlsxRows(s)[1]).toEqual(['1', '2026-12-02 14:00:00', '备注', '=cmd|calc', '<x>&"=1+1</x>', null]);
    expect(cell(s, 'D2')).toBe('=cmd|calc');
    expect(cell(s, 'E2')).toBe('<x>&"=1+1</x>');
  });

  it('file names say which incident, drill and interim', () => {
    expect(incidentExportName(sample(), 'pdf')).toBe('应急事件报告-12-20261203-1700.pdf');
    expect(incidentExportName(sample({ endedAt: null }), 'pdf')).toBe('应急事件阶段报告-12-20261203-1700.pdf');
    expect(incidentExportName(sample({ drill: true }), 'xlsx')).toBe('演练-应急事件时间线-12-20261203-1700.xlsx');
    expect(exportIncident(sample(), 'xlsx').mime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(exportIncident(sample(), 'pdf').mime).toBe('application/pdf');
  });
});
