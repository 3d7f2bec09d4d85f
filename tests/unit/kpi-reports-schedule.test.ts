import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { reportConfig } from '../../main/config-reports';
import { mondayOf, periodOfDay } from '../../main/services/kpi-reports/report-period';
import { call, demoHub, ok, signedIn, tempDir, testClock } from '../helpers/hub';

// 报表 (issue 14 item 5): the automatic reports on the injected clock, and their settings.

/** Epoch ms of a Shanghai wall time (UTC+8). */
const sh = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const MIN = 60_000;

const hubs: Hub[] = [];
afterEach(() => {
  for (const h of hubs.splice(0)) h.close();
});

async function scheduledHub(start: number, settings: { dir?: string; stations: boolean }) {
  const clock = testClock(start);
  const dataDir = tempDir();
  const dir = settings.dir ?? path.join(dataDir, 'reports');
  const hub = await demoHub({
    clock,
    dataDir,
    reportSweepMs: 0,
    reports: { dir, dailyAt: 7 * 60, stations: settings.stations },
  });
  hubs.push(hub);
  return { hub, clock, dir };
}

describe('the automatic reports', () => {
  it('write the previous day’s report at the set time, and on Mondays the previous week’s, for the center and each station', async () => {
    // Monday 2026-11-30, 06:59 Shanghai.
    const { hub, clock, dir } = await scheduledHub(sh(2026, 11, 30, 6, 59), { stations: true });
    expect(hub.sweepReports()).toBeNull();
    clock.advance(MIN);
    const written = hub.sweepReports() ?? [];
    const stations = hub.services.org.units().filter((u) => u.kind === 'station');
    expect(stations.length).toBeGreaterThan(0);
    const scopes = ['全中心', ...stations.map((s) => s.name)];
    expect(written.map((e) => e.name).sort()).toEqual(
      [...scopes.map((s) => `日报-2026-11-29-${s}`), ...scopes.map((s) => `周报-2026-11-23-${s}`)].sort(),
    );
    expect(fs.readdirSync(dir)).toHaveLength(written.length * 2);
    // Once per day: the next sweep, and the one a minute later, write nothing.
    expect(hub.sweepReports()).toBeNull();
    clock.advance(MIN);
    expect(hub.sweepReports()).toBeNull();
    // Tuesday 07:00: the daily reports only.
    clock.advance(sh(2026, 12, 1, 7) - clock());
    expect((hub.sweepReports() ?? []).map((e) => e.name).sort()).toEqual(
      scopes.map((s) => `日报-2026-11-30-${s}`).sort(),
    );
    const chief = await signedIn(hub, 'chief');
    const listed = await ok(hub, chief, 'reports.list', {});
    expect(listed.reports[0]?.name).toBe('日报-2026-11-30-全中心');
    expect(listed.schedule).toEqual({ dailyAt: '07:00', stations: true });
  });

  it('a hub off for days makes one round, not one per missed day', async () => {
    const { hub, clock } = await scheduledHub(sh(2026, 12, 2, 6, 0), { stations: false });
    clock.advance(3 * 24 * 60 * MIN);
    expect((hub.sweepReports() ?? []).map((e) => e.name)).toEqual(['日报-2026-12-04-全中心']);
    expect(hub.sweepReports()).toBeNull();
  });

  it('a report that cannot be written goes into the center’s duty log in both languages; on request it is a stable E_CONFLICT', async () => {
    const blocked = path.join(tempDir(), 'reports');
    fs.writeFileSync(blocked, 'a file where the reports folder should be');
    const { hub, clock } = await scheduledHub(sh(2026, 12, 2, 6, 59), { dir: blocked, stations: false });
    clock.advance(MIN);
    expect(hub.sweepReports()).toEqual([]);
    const entries = hub.db
      .prepare(
        "SELECT s.org_unit_id AS unit, e.text FROM duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id WHERE e.kind = 'system'",
      )
      .all() as { unit: string; text: string }[];
    expect(entries.map((e) => e.unit)).toEqual(['HQ-C']);
    expect(entries[0]?.text).toMatch(/自动报表生成失败（日报 2026-12-01）：报表文件夹不可写.*Automatic report failed/);
    expect(entries[0]?.text).not.toContain(blocked);
    const chief = await signedIn(hub, 'chief');
    const r = await call(hub, chief, 'reports.generate', { kind: 'daily', date: '2026-12-01' });
    expect(r.ok ? null : r.error.code).toBe('E_CONFLICT');
  });

  it('are off with the time "off"; the settings refuse a bad time or folder flag', () => {
    const dataDir = tempDir();
    expect(reportConfig({}, {}, dataDir)).toEqual({
      dir: path.join(dataDir, 'reports'),
      dailyAt: 420,
      stations: false,
    });
    expect(reportConfig({ 'report-time': 'off' }, { CITYOPS_REPORT_STATIONS: '1' }, dataDir)).toMatchObject({
      dailyAt: null,
      stations: true,
    });
    expect(reportConfig({}, { CITYOPS_REPORT_TIME: '18:30' }, dataDir).dailyAt).toBe(18 * 60 + 30);
    expect(() => reportConfig({}, { CITYOPS_REPORT_TIME: '25:00' }, dataDir)).toThrow(/CITYOPS_REPORT_TIME/);
    expect(() => reportConfig({ 'report-time': true }, {}, dataDir)).toThrow(/--report-time/);
    expect(() => reportConfig({ 'reports-dir': '' }, {}, dataDir)).toThrow(/--reports-dir/);
    expect(() => reportConfig({}, { CITYOPS_REPORT_STATIONS: 'yes' }, dataDir)).toThrow(/CITYOPS_REPORT_STATIONS/);
  });

  it('periods: a day in Shanghai time, a week from Monday', () => {
    const day = Date.UTC(2026, 11, 3) / 86_400_000; // Thursday 2026-12-03
    expect(periodOfDay('weekly', day)).toMatchObject({ firstDate: '2026-11-30', lastDate: '2026-12-06' });
    expect(periodOfDay('daily', day)).toMatchObject({ from: sh(2026, 12, 3, 0), to: sh(2026, 12, 4, 0) });
    expect(mondayOf(day - 3)).toBe(day - 3);
    expect(mondayOf(-1)).toBe(-3);
  });
});
