import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiskWarning } from '../../common/contract';
import { ConfigError, resolveConfig } from '../../main/config';
import { lowDiskConfig } from '../../main/config-upkeep';
import type { Hub } from '../../main/hub';
import {
  DEFAULT_LOW_DISK,
  DiskWatch,
  diskWarningText,
  lowDiskThreshold,
  readDisk,
  type DiskReading,
} from '../../main/services/system/disk-space';
import { call, demoHub, ok, signedIn, tempDir, testClock } from '../helpers/hub';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const HOUR = 3_600_000;

/** Two folders whose disks the test fills and frees by hand, on one device unless told otherwise. */
function disks(options: { sameDisk?: boolean; totalBytes?: number } = {}) {
  const free = { '/srv/data': 50 * GB, '/srv/backups': 50 * GB } as Record<string, number>;
  const totalBytes = options.totalBytes ?? 100 * GB;
  const clock = testClock();
  const warnings: DiskWarning[] = [];
  const read = (dir: string): DiskReading => ({
    freeBytes: free[dir] ?? 0,
    totalBytes,
    device: options.sameDisk === false && dir.endsWith('backups') ? 2 : 1,
  });
  const watch = new DiskWatch({
    folders: [
      { folder: 'data', dir: '/srv/data' },
      { folder: 'backups', dir: '/srv/backups' },
    ],
    policy: { minFreeMb: 2048, minFreePercent: 0, repeatHours: 6 },
    clock,
    read,
    warn: (w) => warnings.push(w),
  });
  const setFree = (bytes: number, dir?: string) => {
    for (const d of Object.keys(free)) if (dir === undefined || d === dir) free[d] = bytes;
  };
  return { watch, warnings, clock, setFree };
}

describe('the low-disk threshold', () => {
  it('is the larger of the MB and percent settings; 0 turns each off', () => {
    expect(lowDiskThreshold(DEFAULT_LOW_DISK, 20 * GB)).toBe(2048 * MB);
    expect(lowDiskThreshold(DEFAULT_LOW_DISK, 1000 * GB)).toBe(50 * GB);
    expect(lowDiskThreshold({ minFreeMb: 0, minFreePercent: 0, repeatHours: 6 }, 1000 * GB)).toBe(0);
  });
});

describe('DiskWatch', () => {
  it('warns once when a disk crosses the threshold, not again every sweep', () => {
    const { watch, warnings, clock, setFree } = disks();
    expect(watch.sweep()).toEqual([]);
    setFree(2 * GB + 1);
    expect(watch.sweep()).toEqual([]);
    setFree(1500 * MB);
    const [low] = watch.sweep();
    expect(low).toEqual({
      kind: 'low',
      at: clock(),
      folders: [
        { folder: 'data', path: '/srv/data' },
        { folder: 'backups', path: '/srv/backups' },
      ],
      freeBytes: 1500 * MB,
      totalBytes: 100 * GB,
      thresholdBytes: 2 * GB,
    });
    for (let i = 0; i < 300; i++) {
      clock.advance(60_000);
      setFree((1400 - i) * MB);
      watch.sweep();
    }
    expect(warnings).toHaveLength(1);
  });

  it('repeats while low at most every repeatHours', () => {
    const { watch, warnings, clock, setFree } = disks();
    setFree(GB);
    watch.sweep();
    clock.advance(6 * HOUR - 1);
    watch.sweep();
    expect(warnings).toHaveLength(1);
    clock.advance(1);
    watch.sweep();
    clock.advance(HOUR);
    watch.sweep();
    expect(warnings.map((w) => w.kind)).toEqual(['low', 'low']);
  });

  it('says when the disk is back, only 10 % above the threshold (no flapping at it), and warns again after', () => {
    const { watch, warnings, setFree } = disks();
    setFree(GB);
    watch.sweep();
    for (const free of [2 * GB + 1, 2 * GB - 1, 2.1 * GB, 2 * GB - 1]) {
      setFree(free);
      watch.sweep();
    }
    expect(warnings.map((w) => w.kind)).toEqual(['low']);
    setFree(2.2 * GB);
    const [back] = watch.sweep();
    expect(back).toMatchObject({ kind: 'recovered', freeBytes: 2.2 * GB });
    expect(watch.sweep()).toEqual([]);
    setFree(GB);
    expect(watch.sweep().map((w) => w.kind)).toEqual(['low']);
  });

  it('folders on different disks are warned about apart', () => {
    const { watch, setFree } = disks({ sameDisk: false });
    setFree(GB, '/srv/backups');
    const [low] = watch.sweep();
    expect(low?.folders).toEqual([{ folder: 'backups', path: '/srv/backups' }]);
    expect(watch.status().map((s) => [s.folder, s.low])).toEqual([
      ['data', false],
      ['backups', true],
    ]);
  });

  it('a disk it cannot read is not warned about', () => {
    const warnings: DiskWarning[] = [];
    const watch = new DiskWatch({
      folders: [{ folder: 'data', dir: '/nowhere' }],
      policy: DEFAULT_LOW_DISK,
      clock: testClock(),
      read: () => null,
      warn: (w) => warnings.push(w),
    });
    expect(watch.sweep()).toEqual([]);
    expect(watch.status()[0]).toMatchObject({ reading: null, low: false });
  });

  it('reads a folder that does not exist yet on its parent’s disk', () => {
    const dir = tempDir();
    const reading = readDisk(path.join(dir, 'backups', 'not-yet'));
    expect(reading?.totalBytes).toBeGreaterThan(0);
    expect(reading?.device).toBe(fs.statSync(dir).dev);
  });

  it('tells the hub’s output in both languages, with the folder and its free space', () => {
    const { watch, setFree } = disks();
    setFree(1536 * MB);
    const [low] = watch.sweep();
    const text = diskWarningText(low!);
    expect(text).toContain('磁盘空间不足');
    expect(text).toContain('low disk space');
    expect(text).toContain('/srv/data');
    expect(text).toContain('1.5 GB');
    expect(text).toContain('2.0 GB');
  });
});

describe('the low-disk settings', () => {
  it('default to 2048 MB, 5 % and 6 hours', () => {
    expect(resolveConfig([], {}).lowDisk).toEqual({ minFreeMb: 2048, minFreePercent: 5, repeatHours: 6 });
    expect(
      lowDiskConfig({ CITYOPS_LOW_DISK_MB: '500', CITYOPS_LOW_DISK_PERCENT: '0', CITYOPS_LOW_DISK_REPEAT_HOURS: '24' }),
    ).toEqual({ minFreeMb: 500, minFreePercent: 0, repeatHours: 24 });
  });

  it('refuse a value that is not a whole number in range, in both languages', () => {
    const bad: Record<string, string>[] = [
      { CITYOPS_LOW_DISK_MB: 'abc' },
      { CITYOPS_LOW_DISK_MB: '-1' },
      { CITYOPS_LOW_DISK_MB: '1.5' },
      { CITYOPS_LOW_DISK_MB: '1e3' },
      { CITYOPS_LOW_DISK_PERCENT: '51' },
      { CITYOPS_LOW_DISK_REPEAT_HOURS: '0' },
      { CITYOPS_LOW_DISK_REPEAT_HOURS: '<script>' },
    ];
    for (const env of bad) {
      const [name] = Object.keys(env);
      let error: unknown;
      try {
        resolveConfig([], env);
      } catch (err) {
        error = err;
      }
      expect(error, name).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(`${name} 须为`);
      expect(message).toContain(`${name} must be a whole number`);
    }
  });
});

describe('the low-disk alert through the hub', () => {
  let hub: Hub;
  const free = { bytes: 80 * GB };
  beforeAll(async () => {
    hub = await demoHub({
      diskSweepMs: 0,
      diskReader: () => ({ freeBytes: free.bytes, totalBytes: 100 * GB, device: 7 }),
    });
  });
  afterAll(() => hub.close());

  it('notifies the administrators only, and shows on their health card and /healthz as a warning', async () => {
    const admin = await signedIn(hub, 'admin');
    const chief = await signedIn(hub, 'chief');
    expect((await ok(hub, admin, 'admin.health', {})).disk).toEqual({
      freeBytes: 80 * GB,
      low: false,
      backupsFreeBytes: 80 * GB,
      backupsLow: false,
    });
    free.bytes = 3 * GB;
    hub.sweepDisk();
    hub.sweepDisk();
    const warned = admin.events.filter((e) => e.event === 'system.diskWarning');
    expect(warned).toHaveLength(1);
    expect(warned[0]?.payload).toMatchObject({
      kind: 'low',
      freeBytes: 3 * GB,
      thresholdBytes: 5 * GB,
      folders: [
        { folder: 'data', path: hub.dataDir },
        { folder: 'backups', path: path.join(hub.dataDir, 'backups') },
      ],
    });
    expect(chief.events.some((e) => e.event === 'system.diskWarning')).toBe(false);
    const health = hub.health?.();
    expect(health).toMatchObject({ ok: true, disk: { low: true, backupsLow: true, freeBytes: 3 * GB } });
    free.bytes = 90 * GB;
    hub.sweepDisk();
    expect(admin.events.filter((e) => e.event === 'system.diskWarning').map((e) => e.payload)).toMatchObject([
      { kind: 'low' },
      { kind: 'recovered' },
    ]);
    const refused = await call(hub, chief, 'admin.health', {});
    expect(refused.ok ? null : refused.error.code).toBe('E_FORBIDDEN');
  });
});
