import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dashboard, MethodInput, ReportEntry } from '../../common/contract';
import { formatKpi, kpiViews } from '../../common/domain/kpi';
import { dayNumber, dayStart } from '../../common/domain/time';
import type { Hub } from '../../main/hub';
import { REPORT_SHEETS } from '../../main/services/kpi-reports/report-xlsx';
import { dashboardWorld, type DashboardWorld } from '../helpers/dashboard-fixture';
import { call, ok, type TestConnection } from '../helpers/hub';
import { pdfText } from '../helpers/pdf-text';
import { readXlsx, xlsxRows } from '../helpers/xlsx-read';

// 报表 (issue 14 item 5): reports.generate / list / download over the dashboard's hand-built center.

let world: DashboardWorld | undefined;
afterEach(() => world?.hub.close());

const day = (date: string) => dayStart(dayNumber(date)!);
const squash = (s: string) => s.replace(/\s/g, '');
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

async function download(hub: Hub, conn: TestConnection, name: string, format: 'pdf' | 'xlsx') {
  const file = await ok(hub, conn, 'reports.download', { name, format });
  return bytes(file.dataBase64);
}

/** Each KPI card of a dashboard answer in the order the report's table lists them, as the cards read. */
function cardValues(d: Dashboard): { key: string; value: string }[] {
  return kpiViews(d.kpis, d.previousKpis).map((v) => {
    const text = formatKpi(v.kind, v.value);
    return { key: v.key, value: v.kind === 'hours' && text !== '—' ? `${text}小时` : text };
  });
}

async function sheet(data: Uint8Array, name: string) {
  const book = await readXlsx(data);
  const s = book.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return xlsxRows(s);
}

const errorOf = async (p: Promise<{ ok: boolean; error?: { code: string; details?: unknown } }>) => {
  const r = await p;
  return r.ok ? 'ok' : (r.error?.code ?? '?');
};

describe('reports.generate', () => {
  it('writes the daily report whose PDF and XLSX carry dashboard.get’s numbers for the same day and scope', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    const entry = await ok(hub, users.chief, 'reports.generate', { kind: 'daily', date: '2026-11-26' });
    expect(entry).toMatchObject({
      name: '日报-2026-11-26-全中心',
      kind: 'daily',
      date: '2026-11-26',
      from: day('2026-11-26'),
      to: day('2026-11-27'),
      stationId: null,
      generatedAt: world.clock(),
    });
    expect(entry.files.map((f) => f.format)).toEqual(['pdf', 'xlsx']);
    const d = await ok(hub, users.chief, 'dashboard.get', { from: entry.from, to: entry.to });

    const text = squash(await pdfText(await download(hub, users.chief, entry.name, 'pdf')));
    expect(text).toContain('城运中心日报');
    expect(text).toContain('全中心2026-11-26（星期四）');
    for (const card of cardValues(d)) expect(text, card.key).toContain(card.value);
    // The KPI table's rows read label, value, ratio as the cards do.
    expect(text).toContain(`受理量${d.kpis.accepted}`);
    expect(text).toContain(`立案数${d.kpis.filed}`);
    expect(text).toContain(`在办超期（生成时）红${d.overdueNow.red}·黄${d.overdueNow.yellow}`);

    const xlsx = await download(hub, users.chief, entry.name, 'xlsx');
    const book = await readXlsx(xlsx);
    expect(book.worksheets.map((s) => s.name)).toEqual([...REPORT_SHEETS]);
    const kpis = await sheet(xlsx, '指标');
    expect(kpis[0]).toEqual(['指标', '本期', '数值', '分子', '分母', '上期', '环比']);
    const byLabel = new Map(kpis.slice(1).map((r) => [r[0], r]));
    expect(byLabel.get('受理量')?.[2]).toBe(String(d.kpis.accepted));
    expect(byLabel.get('结案率')?.slice(3, 5)).toEqual([
      String(d.kpis.closeRate.numerator),
      String(d.kpis.closeRate.denominator),
    ]);
    expect(byLabel.get('结案率')?.[1]).toBe(formatKpi('ratio', d.kpis.closeRate.value));
    const hours = await sheet(xlsx, '时段');
    expect(hours.slice(1).map((r) => Number(r[1]))).toEqual(d.perHour.map((h) => h.count));
    const ws = await sheet(xlsx, '村居工作站');
    expect(ws.slice(1).map((r) => Number(r[2]))).toEqual(d.byWorkstation.map((w) => w.count));
    expect(ws).toHaveLength(37);
    const states = await sheet(xlsx, '工单状态');
    expect(states.slice(1).reduce((n, r) => n + Number(r[1]), 0)).toBe(d.byState.reduce((n, r) => n + r.count, 0));
  });

  it('writes the weekly report of Monday to Sunday of the date’s week, with the previous week to compare', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    const entry = await ok(hub, users.coord, 'reports.generate', { kind: 'weekly', date: '2026-11-26' });
    expect(entry).toMatchObject({ name: '周报-2026-11-23-全中心', from: day('2026-11-23'), to: day('2026-11-30') });
    const d = await ok(hub, users.coord, 'dashboard.get', { from: entry.from, to: entry.to });
    const text = squash(await pdfText(await download(hub, users.coord, entry.name, 'pdf')));
    expect(text).toContain('2026-11-23至2026-11-29');
    for (const card of cardValues(d)) expect(text, card.key).toContain(card.value);
    const days = await sheet(await download(hub, users.coord, entry.name, 'xlsx'), '每日');
    expect(days.slice(1).map((r) => [r[0], Number(r[1])])).toEqual(d.perDay.map((p) => [p.date, p.count]));
  });

  it('gives a station chief their station’s report, the numbers their dashboard shows, and refuses another station’s', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    const entry = await ok(hub, users.station2, 'reports.generate', { kind: 'daily', date: '2026-11-26' });
    expect(entry.stationId).toBe('HQ-S2');
    const name = hub.services.org.units().find((u) => u.id === 'HQ-S2')?.name;
    expect(entry.name).toBe(`日报-2026-11-26-${name}`);
    const mine = await ok(hub, users.station2, 'dashboard.get', { from: entry.from, to: entry.to });
    const text = squash(await pdfText(await download(hub, users.station2, entry.name, 'pdf')));
    for (const card of cardValues(mine)) expect(text, card.key).toContain(card.value);
    expect(mine.kpis.accepted).toBe(1);

    const other = call(hub, users.station2, 'reports.generate', {
      kind: 'daily',
      date: '2026-11-26',
      stationId: 'HQ-S1',
    });
    expect(await errorOf(other)).toBe('E_FORBIDDEN');
    // The first station's chief neither lists nor downloads it; the center's users do.
    expect((await ok(hub, users.station, 'reports.list', {})).reports).toEqual([]);
    expect(await errorOf(call(hub, users.station, 'reports.download', { name: entry.name, format: 'pdf' }))).toBe(
      'E_FORBIDDEN',
    );
    expect((await ok(hub, users.chief, 'reports.list', {})).reports.map((r) => r.name)).toEqual([entry.name]);
  });

  it('is for the dashboard’s roles only', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    for (const conn of [users.hotline, users.monitor, users.grid]) {
      expect(await errorOf(call(hub, conn, 'reports.generate', { kind: 'daily', date: '2026-11-26' }))).toBe(
        'E_FORBIDDEN',
      );
      expect(await errorOf(call(hub, conn, 'reports.list', {}))).toBe('E_FORBIDDEN');
      expect(
        await errorOf(call(hub, conn, 'reports.download', { name: '日报-2026-11-26-全中心', format: 'pdf' })),
      ).toBe('E_FORBIDDEN');
    }
    expect((await ok(hub, users.admin, 'reports.generate', { kind: 'daily', date: '2026-11-25' })).name).toBe(
      '日报-2026-11-25-全中心',
    );
  });

  it('refuses hostile dates, names and scopes with stable codes, and audits what it generates', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    const gen = (input: Record<string, unknown>) =>
      call(hub, users.chief, 'reports.generate', input as MethodInput<'reports.generate'>);
    for (const [input, reason] of [
      [{ kind: 'daily', date: '2026-13-40' }, 'report_date'],
      [{ kind: 'daily', date: '2026-02-29' }, 'report_date'],
      [{ kind: 'weekly', date: '1969-12-29' }, 'report_date'],
      [{ kind: 'daily', date: '2026-11-27' }, 'report_future'],
      [{ kind: 'daily', date: '2026-11-26', stationId: 'HQ-W-CL01' }, 'report_station'],
      [{ kind: 'daily', date: '2026-11-26', stationId: '../../etc' }, 'report_station'],
    ] as const) {
      const r = await gen(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('E_INVALID');
      expect(r.error.details).toMatchObject({ reason });
      expect(r.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const input of [
      { kind: 'daily', date: '../../x' },
      { kind: 'monthly', date: '2026-11-26' },
      { kind: 'daily', date: '2026-11-26', extra: 1 },
    ]) {
      expect(await errorOf(gen(input))).toBe('E_INVALID');
    }
    for (const name of ['../日报-2026-11-26-全中心', '日报-2026-11-26-..', '日报-2026-11-26-a/b', 'x.pdf', '']) {
      expect(await errorOf(call(hub, users.chief, 'reports.download', { name, format: 'pdf' }))).toBe('E_INVALID');
    }
    expect(
      await errorOf(call(hub, users.chief, 'reports.download', { name: '日报-2026-11-24-全中心', format: 'pdf' })),
    ).toBe('E_NOT_FOUND');
    await ok(hub, users.chief, 'reports.generate', { kind: 'daily', date: '2026-11-26' });
    const audit = hub.db
      .prepare(`SELECT target, summary FROM audit_log WHERE method = 'reports.generate' AND ok = 1`)
      .all() as { target: string; summary: string }[];
    expect(audit).toEqual([{ target: 'report:日报-2026-11-26-全中心', summary: '生成报表 日报-2026-11-26-全中心' }]);
  });

  it('prints "—" for the ratios of a day without orders, never 0 % or 100 %', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    const entry = await ok(hub, users.chief, 'reports.generate', { kind: 'daily', date: '2026-11-20' });
    const text = squash(await pdfText(await download(hub, users.chief, entry.name, 'pdf')));
    expect(text).toContain('受理量0');
    expect(text).toContain('结案率—');
    expect(text).not.toMatch(/结案率(0\.0|100\.0)%/);
    const kpis = await sheet(await download(hub, users.chief, entry.name, 'xlsx'), '指标');
    const close = kpis.find((r) => r[0] === '结案率');
    expect(close?.slice(1, 5)).toEqual(['—', null, '0', '0']);
  });

  it('lists only the report files it can read: a stray or foreign file in the folder is left out', async () => {
    world = await dashboardWorld();
    const { hub, users } = world;
    const entry: ReportEntry = await ok(hub, users.chief, 'reports.generate', { kind: 'daily', date: '2026-11-26' });
    const dir = path.join(hub.dataDir, 'reports');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    fs.writeFileSync(path.join(dir, '日报-2026-11-26-没有这个站.pdf'), 'x');
    fs.writeFileSync(path.join(dir, '周报-2026-11-26-全中心.pdf'), 'x'); // not a Monday
    fs.mkdirSync(path.join(dir, '日报-2026-11-25-全中心.pdf'));
    const list = await ok(hub, users.chief, 'reports.list', {});
    expect(list.reports.map((r) => r.name)).toEqual([entry.name]);
    expect(list.schedule).toEqual({ dailyAt: '07:00', stations: false });
  });
});
