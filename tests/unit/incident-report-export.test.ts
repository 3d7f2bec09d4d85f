/**
 * incidents.export: the report built from what incidents.get shows, through the
 * router — the caller's scope (role, station), an interim report before the close, the final one
 * after, the timeline XLSX — and buildIncidentReport on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../common/contract/incidents';
import type { Hub } from '../../main/hub';
import { buildIncidentReport } from '../../main/services/incidents/report/report-build';
import { addSecondStationChief, call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';
import { pdfPageTexts, pdfText as pdfTextOf } from '../helpers/pdf-text';
import { xlsxFirstSheet, xlsxRows } from '../helpers/xlsx-read';

const MIN = 60_000;
/** Wed 2026-12-02 14:00 Shanghai. */
const START = Date.UTC(2026, 11, 2, 6, 0, 0);

const pdfText = (dataBase64: string): Promise<string> => pdfTextOf(new Uint8Array(Buffer.from(dataBase64, 'base64')));
const squash = (s: string): string => s.replace(/\s/g, '');
const firstSheet = (dataBase64: string) => xlsxFirstSheet(new Uint8Array(Buffer.from(dataBase64, 'base64')));

describe('incidents.export through the hub', () => {
  let hub: Hub;
  const clock = testClock(START);
  let coord: TestConnection;
  let chief: TestConnection;
  let monitor: TestConnection;
  let station: TestConnection;
  let station2: TestConnection;
  let grid: TestConnection;
  let incidentId: number;

  beforeAll(async () => {
    hub = await demoHub({ clock });
    await addSecondStationChief(hub, START);
    coord = await signedIn(hub, 'coord');
    chief = await signedIn(hub, 'chief');
    monitor = await signedIn(hub, 'monitor');
    station = await signedIn(hub, 'station');
    station2 = await signedIn(hub, 'station2');
    grid = await signedIn(hub, 'grid');
    // 防台防汛 Ⅳ for two workstations of 第二联勤站's grid (蔡路责任网格).
    const activated = await ok(hub, coord, 'incidents.activate', {
      type: 'flood',
      level: 'IV',
      areaIds: ['HQ-W-CL15', 'HQ-W-CL02'],
      commanderName: '周指挥',
      situation: '台风“海葵”外围影响，今晚有强降水。',
    });
    incidentId = activated.incident.id;
    clock.advance(5 * MIN);
    await ok(hub, coord, 'incidents.note', { id: incidentId, text: '川沙路下立交开始积水，已通知排水所。' });
    const item = activated.checklist[0];
    if (item) await ok(hub, chief, 'incidents.checklist.tick', { id: incidentId, itemId: item.id, done: true });
    clock.advance(40 * MIN);
    await ok(hub, coord, 'incidents.setLevel', { id: incidentId, level: 'III', reason: '一小时降雨量超过 50 毫米' });
  });
  afterAll(() => hub.close());

  it('prints an interim report while the incident runs', async () => {
    const file = await ok(hub, coord, 'incidents.export', { id: incidentId, format: 'pdf' });
    expect(file.mime).toBe('application/pdf');
    expect(file.fileName).toBe(`应急事件阶段报告-${incidentId}-20261202-1445.pdf`);
    const text = await pdfText(file.dataBase64);
    expect(text).toContain('应急事件阶段报告');
    expect(text).toContain('事件尚未结束');
    expect(text).toContain('华星村、海塘村');
    expect(text).toContain('川沙路下立交开始积水，已通知排水所。');
    expect(squash(text)).toContain('一小时降雨量超过50毫米');
    expect(text).toContain('打印人：赵磊（应急协调）');
  });

  it('after the close: the final report with the summary, the timeline and the report punctuality', async () => {
    clock.advance(60 * MIN);
    await ok(hub, coord, 'incidents.close', { id: incidentId, summary: '排水点位 12 处全部恢复，无人员伤亡。' });
    const detail = await ok(hub, coord, 'incidents.get', { id: incidentId });
    const file = await ok(hub, chief, 'incidents.export', { id: incidentId, format: 'pdf' });
    expect(file.fileName).toBe(`应急事件报告-${incidentId}-20261202-1545.pdf`);
    const text = await pdfText(file.dataBase64);
    expect(text).not.toContain('阶段报告');
    expect(text).toContain('排水点位 12 处全部恢复，无人员伤亡。');
    expect(text).toContain('1 小时 45 分钟');
    expect(text).toContain('打印人：张伟（值班长）');
    // Every timeline entry the console shows is on paper.
    expect(detail.timeline.length).toBeGreaterThanOrEqual(4);
    for (const entry of detail.timeline) expect(squash(text)).toContain(squash(entry.text).slice(0, 40));
    // Each report deadline with its state: nothing was recorded, so the ones due before the close are missed.
    expect(detail.reports.length).toBeGreaterThan(0);
    expect(text).toContain('未报（超时）');
    // Checklist completion as ticked.
    const done = detail.checklist.filter((c) => c.done).length;
    expect(text).toContain(`处置清单（完成 ${done} / ${detail.checklist.length}）`);
  });

  it('the timeline as XLSX, one row per entry', async () => {
    const detail = await ok(hub, coord, 'incidents.get', { id: incidentId });
    const file = await ok(hub, monitor, 'incidents.export', { id: incidentId, format: 'xlsx' });
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toMatch(new RegExp(`^应急事件时间线-${incidentId}-\\d{8}-\\d{4}\\.xlsx$`));
    const sheet = await firstSheet(file.dataBase64);
    const rows = xlsxRows(sheet);
    expect(rows).toHaveLength(detail.timeline.length + 1);
    expect(rows.slice(1).map((row) => row[4])).toEqual(detail.timeline.map((entry) => entry.text));
    expect(sheet.autoFilter).toBe(`A1:F${detail.timeline.length + 1}`);
  });

  it('another station’s incident is not found; its own station’s chief may print it', async () => {
    const other = await call(hub, station, 'incidents.export', { id: incidentId, format: 'pdf' });
    expect(other.ok ? null : other.error.code).toBe('E_NOT_FOUND');
    expect(other.ok ? '' : JSON.stringify(other.error)).not.toContain('海葵');
    const own = await ok(hub, station2, 'incidents.export', { id: incidentId, format: 'xlsx' });
    expect(xlsxRows(await firstSheet(own.dataBase64)).length).toBeGreaterThan(1);
    const missing = await call(hub, coord, 'incidents.export', { id: 999_999, format: 'pdf' });
    expect(missing.ok ? null : missing.error.code).toBe('E_NOT_FOUND');
  });

  it('a role that may not open incidents is refused', async () => {
    const denied = await call(hub, grid, 'incidents.export', { id: incidentId, format: 'pdf' });
    expect(denied.ok ? null : denied.error.code).toBe('E_FORBIDDEN');
  });

  it('bad input is refused with E_INVALID', async () => {
    for (const input of [
      { id: incidentId, format: 'docx' },
      { id: -1, format: 'pdf' },
      { id: incidentId, format: 'pdf', extra: 1 },
    ]) {
      const r = await hub.call(coord, 'incidents.export', input);
      expect(r.ok ? null : r.error.code).toBe('E_INVALID');
    }
  });

  it('hostile text: a drill with a 4000-character summary and PDF syntax prints whole', async () => {
    const drill = await ok(hub, coord, 'incidents.activate', {
      type: 'fire',
      level: 'II',
      drill: true,
      areaIds: ['HQ-W-HQ05'],
      commanderName: '(pwn) Tj ET',
      situation: 'BT /F1 99 Tf (x) Tj ET >> endobj %%EOF \\ )(',
    });
    const summary = `${'消防通道畅通，'.repeat(570)}END`.slice(0, 3998);
    await ok(hub, coord, 'incidents.close', { id: drill.incident.id, summary });
    const file = await ok(hub, station, 'incidents.export', { id: drill.incident.id, format: 'pdf' });
    expect(file.fileName).toMatch(/^演练-应急事件报告-/);
    const pages = await pdfPageTexts(new Uint8Array(Buffer.from(file.dataBase64, 'base64')));
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain('【演练】');
    const all = squash(pages.join(''));
    expect(all).toContain(squash('BT /F1 99 Tf (x) Tj ET >> endobj %%EOF \\ )('));
    expect(all).toContain(squash(summary).slice(-60));
  });
});

describe('buildIncidentReport', () => {
  const detail: IncidentDetail = {
    incident: {
      id: 7,
      type: 'flood',
      name: '台风海葵',
      level: 'III',
      drill: false,
      situation: '外围影响',
      areas: [
        { id: 'HQ-W-CL15', name: '华星村', kind: 'workstation' },
        { id: 'HQ-G-HQ', name: '合庆责任网格', kind: 'grid' },
      ],
      commanderName: '周指挥',
      startedAt: START,
      startedByName: '赵磊',
      levelChangedAt: START + 40 * MIN,
      closedAt: START + 120 * MIN,
      nextReports: [],
      commanderUserId: null,
      closedByName: '张伟',
      summary: '结束',
      planId: 1,
      planName: '防台防汛预案',
    },
    checklist: [
      {
        id: 1,
        key: 'lead',
        text: '领导带班到岗',
        level: 'IV',
        addedAt: START,
        done: true,
        doneAt: START + 3 * MIN,
        doneByName: '张伟',
      },
    ],
    reports: [
      {
        id: 3,
        kind: 'update',
        level: 'III',
        dueAt: START + 90 * MIN,
        status: 'late',
        recordedAt: START + 95 * MIN,
        recordedByName: '赵磊',
        text: 'x',
        attachmentIds: [],
        supersededAt: null,
      },
      {
        id: 1,
        kind: 'initial',
        level: 'IV',
        dueAt: START + 30 * MIN,
        status: 'missed',
        recordedAt: null,
        recordedByName: null,
        text: null,
        attachmentIds: [],
        supersededAt: null,
      },
      {
        id: 2,
        kind: 'update',
        level: 'IV',
        dueAt: START + 60 * MIN,
        status: 'superseded',
        recordedAt: null,
        recordedByName: null,
        text: null,
        attachmentIds: [],
        supersededAt: START + 40 * MIN,
      },
      {
        id: 4,
        kind: 'update',
        level: 'III',
        dueAt: START + 150 * MIN,
        status: 'superseded',
        recordedAt: null,
        recordedByName: null,
        text: null,
        attachmentIds: [],
        supersededAt: START + 120 * MIN,
      },
    ],
    timeline: [
      {
        id: 2,
        at: START + 40 * MIN,
        kind: 'level',
        text: '升级：Ⅳ级（一般） → Ⅲ级（较大）；原因：雨大',
        byUserId: 1,
        byName: '赵磊',
        ref: { level: 'III', fromLevel: 'IV' },
        detail: null,
      },
      {
        id: 1,
        at: START,
        kind: 'activated',
        text: '启动应急响应',
        byUserId: 1,
        byName: '赵磊',
        ref: { level: 'IV' },
        detail: null,
      },
      {
        id: 3,
        at: START + 31 * MIN,
        kind: 'report_missed',
        text: '初报超时',
        byUserId: null,
        byName: '系统',
        ref: { reportId: 1 },
        detail: null,
      },
    ],
    orders: [
      {
        id: 9,
        code: 'B',
        title: '后',
        state: 'handling',
        urgency: 'normal',
        createdAt: START + 50 * MIN,
        closedAt: null,
        durationMs: 0,
        linkedAt: START + 50 * MIN,
        linkedByName: '赵磊',
        auto: true,
      },
      {
        id: 8,
        code: 'A',
        title: '前',
        state: 'archived',
        urgency: 'normal',
        createdAt: START + 10 * MIN,
        closedAt: START + 70 * MIN,
        durationMs: 60 * MIN,
        linkedAt: START + 10 * MIN,
        linkedByName: '赵磊',
        auto: false,
      },
    ],
    notifications: [
      {
        id: 1,
        contactId: 4,
        contactName: '区应急局',
        contactPhone: '021-5888',
        channel: 'phone',
        note: '',
        at: START + 2 * MIN,
        byUserId: 1,
        byName: '赵磊',
        confirmedAt: START + 4 * MIN,
        confirmedByName: '赵磊',
      },
    ],
    planLevel: null,
  };

  it('resolves names, orders everything oldest first and reads the level history off the timeline', () => {
    const r = buildIncidentReport(detail, { at: START + 200 * MIN, by: '张伟' });
    expect(r).toMatchObject({
      id: 7,
      typeName: '防台防汛',
      name: '台风海葵',
      levelName: 'Ⅲ级（较大）',
      affectedUnits: ['华星村', '合庆责任网格'],
      planName: '防台防汛预案',
      endedAt: START + 120 * MIN,
      closedBy: '张伟',
      printedBy: '张伟',
    });
    expect(r.levelHistory).toEqual([
      { at: START, levelName: 'Ⅳ级（一般）', byName: '赵磊', reason: null },
      { at: START + 40 * MIN, levelName: 'Ⅲ级（较大）', byName: '赵磊', reason: '雨大' },
    ]);
    expect(r.timeline.map((e) => [e.kindName, e.alarm])).toEqual([
      ['启动', false],
      ['超时未报', true],
      ['级别调整', false],
    ]);
    expect(r.orders.map((o) => [o.code, o.finishedAt])).toEqual([
      ['A', START + 70 * MIN],
      ['B', null],
    ]);
    expect(r.reports.map((d) => [d.name, d.levelName])).toEqual([
      ['初报（口头）', 'Ⅳ级（一般）'],
      ['续报 1', 'Ⅳ级（一般）'],
      ['续报 2', 'Ⅲ级（较大）'],
      ['续报 3', 'Ⅲ级（较大）'],
    ]);
    expect(r.notifications).toEqual([
      {
        contact: '区应急局（021-5888）',
        channelName: '电话',
        byName: '赵磊',
        at: START + 2 * MIN,
        confirmedAt: START + 4 * MIN,
        confirmedBy: '赵磊',
      },
    ]);
  });
});
