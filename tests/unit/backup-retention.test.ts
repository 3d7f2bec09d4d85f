import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../main/config';
import { backupFileName, parseBackupName, type BackupName } from '../../main/services/backups/backup-names';
import { DEFAULT_RETENTION, planRetention, shanghaiWeek } from '../../main/services/backups/retention';
import { nextRunAt, parseTimeOfDay } from '../../main/services/backups/schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Epoch ms of a Shanghai wall time (UTC+8). */
const sh = (y: number, mo: number, d: number, h = 3, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const scheduled = (at: number): BackupName => ({ name: backupFileName(at, 'scheduled'), at, origin: 'scheduled' });

describe('backup file names', () => {
  it('carry the Shanghai time and read back to the same instant', () => {
    const at = sh(2026, 12, 3, 3, 0);
    expect(backupFileName(at, 'scheduled')).toBe('cityops-20261203-030000.sqlite');
    expect(backupFileName(sh(2026, 12, 3, 0, 30), 'pre-upgrade')).toBe('cityops-20261203-003000-pre-upgrade.sqlite');
    expect(parseBackupName('cityops-20261203-030000.sqlite')).toEqual({
      name: 'cityops-20261203-030000.sqlite',
      at,
      origin: 'scheduled',
    });
    expect(parseBackupName('cityops-20261203-003000-pre-upgrade.sqlite')?.origin).toBe('pre-upgrade');
  });

  it('are nothing else: paths, control characters, impossible dates', () => {
    for (const bad of [
      '../cityops-20261203-030000.sqlite',
      'cityops-20261203-030000.sqlite/..',
      'cityops-20261203-030000.sqlite\n',
      'cityops-20261203-030000\u0000.sqlite',
      'cityops-20260230-030000.sqlite',
      'cityops-20261203-246000.sqlite',
      'cityops-20261203-030000.sqlite.partial',
      'state.json',
    ]) {
      expect(parseBackupName(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('the daily schedule', () => {
  it('runs next at the given Shanghai time, today if still ahead, else tomorrow', () => {
    expect(nextRunAt(sh(2026, 12, 3, 2, 59), 180)).toBe(sh(2026, 12, 3, 3, 0));
    expect(nextRunAt(sh(2026, 12, 3, 3, 0), 180)).toBe(sh(2026, 12, 4, 3, 0));
    // 20:00 UTC on 2 December is already 04:00 on 3 December in Shanghai.
    expect(nextRunAt(Date.UTC(2026, 11, 2, 20, 0), 180)).toBe(sh(2026, 12, 4, 3, 0));
    // Across a month and a year end.
    expect(nextRunAt(sh(2026, 12, 31, 23, 0), 180)).toBe(sh(2027, 1, 1, 3, 0));
  });

  it('reads HH:mm and nothing else', () => {
    expect(parseTimeOfDay('03:00')).toBe(180);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    for (const bad of ['3:00', '24:00', '03:60', '0300', '', 'off']) expect(parseTimeOfDay(bad), bad).toBeNull();
  });
});

describe('retention', () => {
  it('keeps everything while there are fewer backups than slots', () => {
    const backups = [0, 1, 2].map((d) => scheduled(sh(2026, 12, 1 + d)));
    const plan = planRetention(backups, DEFAULT_RETENTION);
    expect(plan.remove).toEqual([]);
    expect(plan.keep.size).toBe(3);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly of a year of daily backups, each labelled by its widest period', () => {
    // Thursday 3 December 2026, 03:00, and the 399 days before it.
    const end = sh(2026, 12, 3);
    const backups = Array.from({ length: 400 }, (_, i) => scheduled(end - i * DAY));
    const plan = planRetention(backups, DEFAULT_RETENTION);
    const kept = (kind: string) =>
      [...plan.keep]
        .filter(([, k]) => k === kind)
        .map(([name]) => name.slice(8, 16))
        .sort();
    // The newest of each of 12 months (2026), of the 4 newest weeks (Monday-start), of the 7 newest days.
    expect(kept('monthly')).toEqual(
      ['0131', '0228', '0331', '0430', '0531', '0630', '0731', '0831', '0930', '1031', '1130', '1203'].map(
        (d) => `2026${d}`,
      ),
    );
    expect(kept('weekly')).toEqual(['20261115', '20261122', '20261129']);
    expect(kept('daily')).toEqual(['20261127', '20261128', '20261201', '20261202']);
    expect(plan.remove).toHaveLength(400 - 19);
  });

  it('labels the newest backup of a Shanghai month even when UTC still says the month before', () => {
    // 1 Dec 02:00 Shanghai is 30 Nov 18:00 UTC: it belongs to December.
    const first = scheduled(sh(2026, 12, 1, 2, 0));
    const lastOfNov = scheduled(sh(2026, 11, 30, 23, 0));
    const plan = planRetention([first, lastOfNov], { daily: 1, weekly: 0, monthly: 2 });
    expect(plan.keep.get(first.name)).toBe('monthly');
    expect(plan.keep.get(lastOfNov.name)).toBe('monthly');
    expect(planRetention([first, lastOfNov], { daily: 1, weekly: 0, monthly: 1 }).remove).toEqual([lastOfNov.name]);
  });

  it('starts Shanghai weeks on Monday 00:00', () => {
    // Sunday 6 Dec 2026 23:59 and Monday 7 Dec 00:00 (Shanghai) fall in different weeks.
    expect(shanghaiWeek(sh(2026, 12, 7, 0, 0))).toBe(shanghaiWeek(sh(2026, 12, 6, 23, 59)) + 1);
    expect(shanghaiWeek(sh(2026, 12, 13, 23, 59))).toBe(shanghaiWeek(sh(2026, 12, 7, 0, 0)));
    const sunday = scheduled(sh(2026, 12, 6, 23, 59));
    const monday = scheduled(sh(2026, 12, 7, 0, 0));
    const plan = planRetention([sunday, monday], { daily: 1, weekly: 2, monthly: 0 });
    expect(plan.keep.get(monday.name)).toBe('weekly');
    expect(plan.keep.get(sunday.name)).toBe('weekly');
  });

  it('keeps the newest backup of a day, and counts only days that have backups', () => {
    const morning = scheduled(sh(2026, 12, 3, 3));
    const noon = scheduled(sh(2026, 12, 3, 12));
    // A month without backups (the hub was off) does not use up a daily slot.
    const before = scheduled(sh(2026, 11, 1, 3));
    const plan = planRetention([morning, noon, before], { daily: 2, weekly: 0, monthly: 0 });
    expect([...plan.keep.keys()].sort()).toEqual([before.name, noon.name].sort());
    expect(plan.remove).toEqual([morning.name]);
  });

  it('never removes a backup made before a schema upgrade', () => {
    const old: BackupName = {
      name: 'cityops-20250101-030000-pre-upgrade.sqlite',
      at: sh(2025, 1, 1),
      origin: 'pre-upgrade',
    };
    const plan = planRetention([old, scheduled(sh(2026, 12, 3))], { daily: 1, weekly: 0, monthly: 0 });
    expect(plan.keep.get(old.name)).toBe('pre-upgrade');
    expect(plan.remove).toEqual([]);
  });
});

describe('backup settings', () => {
  it('default to <dataDir>/backups, daily at 03:00, keeping 7/4/12', () => {
    const c = resolveConfig(['--data-dir', '/srv/cityops'], {});
    expect(c.backups).toEqual({ dir: '/srv/cityops/backups', dailyAt: 180, retention: DEFAULT_RETENTION });
  });

  it('take flags over the environment, and off for no schedule', () => {
    const env = { CITYOPS_BACKUP_DIR: '/mnt/a', CITYOPS_BACKUP_TIME: '02:30', CITYOPS_BACKUP_KEEP_MONTHLY: '24' };
    expect(resolveConfig([], env).backups).toMatchObject({ dir: '/mnt/a', dailyAt: 150 });
    expect(resolveConfig([], env).backups.retention.monthly).toBe(24);
    const flags = resolveConfig(['--backup-dir', '/mnt/b', '--backup-time', 'off'], env).backups;
    expect(flags).toMatchObject({ dir: '/mnt/b', dailyAt: null });
  });

  it('refuse nonsense with the name of the setting', () => {
    expect(() => resolveConfig([], { CITYOPS_BACKUP_TIME: '3 am' })).toThrow(/CITYOPS_BACKUP_TIME/);
    expect(() => resolveConfig(['--backup-time', '25:00'], {})).toThrow(/--backup-time/);
    expect(() => resolveConfig([], { CITYOPS_BACKUP_KEEP_DAILY: '0' })).toThrow(/CITYOPS_BACKUP_KEEP_DAILY/);
    expect(() => resolveConfig([], { CITYOPS_BACKUP_KEEP_WEEKLY: '-1' })).toThrow(/CITYOPS_BACKUP_KEEP_WEEKLY/);
  });
});
