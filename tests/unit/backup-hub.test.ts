import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../main/db/connection';
import { migrate, schemaVersion } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { openHub, type Hub } from '../../main/hub';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../../main/services/backups/retention';
import { call, demoHub, ok, signedIn, tempDir, testClock } from '../helpers/hub';

const HOUR = 3_600_000;
/** Epoch ms of a Shanghai wall time (UTC+8). */
const sh = (y: number, mo: number, d: number, h = 3, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

const hubs: Hub[] = [];
afterEach(() => {
  for (const h of hubs.splice(0)) h.close();
});

async function backupHub(retention: RetentionPolicy = DEFAULT_RETENTION, dir?: string) {
  const clock = testClock(sh(2026, 12, 3, 2, 0));
  const dataDir = tempDir();
  const settings = { dir: dir ?? path.join(dataDir, 'backups'), dailyAt: 180, retention };
  const hub = await demoHub({ clock, backupSweepMs: 0, backups: settings, dataDir });
  hubs.push(hub);
  return { hub, clock, dir: settings.dir };
}

/** Puts a file into the hub's attachment store, where the attachments service keeps it. */
function storeAttachment(hub: Hub, content: string): string {
  const sha = createHash('sha256').update(content).digest('hex');
  const file = hub.services.attachments.filePath(sha);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return sha;
}

describe('scheduled backups', () => {
  it('run at 03:00 Shanghai time on the hub’s clock, verified, and schedule the next day', async () => {
    const { hub, clock, dir } = await backupHub();
    hub.db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
    expect(hub.sweepBackups()).toBeNull();
    clock.advance(HOUR - 1);
    expect(hub.sweepBackups()).toBeNull();
    clock.advance(1);
    const run = hub.sweepBackups();
    expect(run).not.toBeNull();
    // One run at a time: the sweep does not start a second one.
    expect(hub.sweepBackups()).toBeNull();
    await run;
    const status = hub.backups.status();
    expect(status.lastSuccess?.name).toBe('cityops-20261203-030000.sqlite');
    expect(status.nextRunAt).toBe(sh(2026, 12, 4, 3, 0));
    expect(status.backups).toEqual([
      expect.objectContaining({ name: 'cityops-20261203-030000.sqlite', kind: 'monthly', verifiedAt: clock() }),
    ]);
    const copy = new Database(path.join(dir, 'cityops-20261203-030000.sqlite'), { readonly: true });
    expect(copy.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    copy.close();
    expect(fs.statSync(path.join(dir, 'cityops-20261203-030000.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('make one backup after a long gap, not one per missed day', async () => {
    const { hub, clock } = await backupHub();
    clock.advance(5 * 24 * HOUR);
    await hub.sweepBackups();
    expect(hub.sweepBackups()).toBeNull();
    expect(hub.backups.status().backups).toHaveLength(1);
    expect(hub.backups.status().nextRunAt).toBe(sh(2026, 12, 8, 3, 0));
  });

  it('copy each attachment once, however many backups there are', async () => {
    const { hub, clock, dir } = await backupHub();
    const a = storeAttachment(hub, 'photo one');
    const b = storeAttachment(hub, 'photo two');
    clock.advance(HOUR);
    await hub.sweepBackups();
    const copyOf = (sha: string) => path.join(dir, 'attachments', sha.slice(0, 2), sha);
    expect(fs.readFileSync(copyOf(a), 'utf8')).toBe('photo one');
    const inode = fs.statSync(copyOf(a)).ino;
    const c = storeAttachment(hub, 'photo three');
    clock.advance(24 * HOUR);
    await hub.sweepBackups();
    expect(fs.statSync(copyOf(a)).ino).toBe(inode);
    expect(fs.readFileSync(copyOf(b), 'utf8')).toBe('photo two');
    expect(fs.readFileSync(copyOf(c), 'utf8')).toBe('photo three');
    expect(hub.backups.status().backups).toHaveLength(2);
  });

  it('apply the retention policy after each backup', async () => {
    const { hub, clock, dir } = await backupHub({ daily: 2, weekly: 0, monthly: 0 });
    for (let day = 0; day < 4; day++) {
      clock.advance(24 * HOUR);
      await hub.sweepBackups();
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'))).toEqual([
      'cityops-20261206-020000.sqlite',
      'cityops-20261207-020000.sqlite',
    ]);
  });
});

describe('admin.backups.*', () => {
  it('back up now for an administrator, audited', async () => {
    const { hub } = await backupHub();
    const admin = await signedIn(hub, 'admin');
    const entry = await ok(hub, admin, 'admin.backups.run', {});
    expect(entry).toMatchObject({ name: 'cityops-20261203-020000.sqlite', kind: 'monthly' });
    const status = await ok(hub, admin, 'admin.backups.status', {});
    expect(status.backups.map((b) => b.name)).toEqual([entry.name]);
    expect(status.dailyAt).toBe('03:00');
    const row = hub.db.prepare("SELECT ok, target FROM audit_log WHERE method = 'admin.backups.run'").get();
    expect(row).toEqual({ ok: 1, target: `backup:${entry.name}` });
    // A second one within the same second is refused, not overwritten.
    expect((await call(hub, admin, 'admin.backups.run', {})).ok).toBe(false);
  });

  it('refuse every other role and callers without a session', async () => {
    const { hub } = await backupHub();
    for (const username of ['chief', 'station', 'monitor', 'coord']) {
      const conn = await signedIn(hub, username);
      for (const [method, input] of [
        ['admin.backups.status', {}],
        ['admin.backups.run', {}],
        ['admin.backups.verify', { name: 'cityops-20261203-020000.sqlite' }],
      ] as const) {
        const r = await hub.call(conn, method, input);
        expect(r.ok ? null : r.error.code, `${username} ${method}`).toBe('E_FORBIDDEN');
      }
    }
    const anonymous = await hub.call({ id: 'anon', token: null, push: () => undefined }, 'admin.backups.status', {});
    expect(anonymous.ok ? null : anonymous.error.code).toBe('E_UNAUTHENTICATED');
    expect(hub.backups.status().backups).toEqual([]);
  });

  it('check one backup again, and refuse names that are not a backup’s', async () => {
    const { hub, dir } = await backupHub();
    const admin = await signedIn(hub, 'admin');
    const entry = await ok(hub, admin, 'admin.backups.run', {});
    expect((await ok(hub, admin, 'admin.backups.verify', { name: entry.name })).verifiedAt).not.toBeNull();
    for (const name of ['../cityops.sqlite', `../${entry.name}`, `${entry.name}\u0000`, 'cityops-2026\n1203.sqlite']) {
      const r = await call(hub, admin, 'admin.backups.verify', { name });
      expect(r.ok ? null : r.error.code, JSON.stringify(name)).toBe('E_INVALID');
    }
    const missing = await call(hub, admin, 'admin.backups.verify', { name: 'cityops-20200101-030000.sqlite' });
    expect(missing.ok ? null : missing.error.code).toBe('E_NOT_FOUND');
    // A damaged file is reported, never deleted.
    const file = path.join(dir, entry.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 12288);
    fs.writeFileSync(file, bytes);
    const damaged = await call(hub, admin, 'admin.backups.verify', { name: entry.name });
    expect(damaged.ok ? null : damaged.error.code).toBe('E_CONFLICT');
    expect(fs.existsSync(file)).toBe(true);
  });

  it('record a failure in the status and as a bilingual system entry of the center’s duty log', async () => {
    // A file where the folder should be: root (which runs these tests in CI) ignores a read-only mode.
    const blocked = path.join(tempDir(), 'backups');
    fs.writeFileSync(blocked, 'a file where the backups folder should be');
    const { hub } = await backupHub(DEFAULT_RETENTION, blocked);
    const admin = await signedIn(hub, 'admin');
    const r = await call(hub, admin, 'admin.backups.run', {});
    expect(r.ok ? null : r.error.code).toBe('E_STORAGE');
    const { lastFailure, lastSuccess } = hub.backups.status();
    expect(lastSuccess).toBeNull();
    expect(lastFailure?.reason.zh).toMatch(/备份文件夹不可写/);
    expect(lastFailure?.reason.en).toMatch(/not writable/);
    expect(JSON.stringify(lastFailure)).not.toContain(blocked);
    const entries = hub.db
      .prepare(
        "SELECT s.org_unit_id AS unit, e.text FROM duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id WHERE e.kind = 'system'",
      )
      .all() as { unit: string; text: string }[];
    expect(entries.map((e) => e.unit)).toEqual(['HQ-C']);
    expect(entries[0]?.text).toMatch(/备份失败：备份文件夹不可写.*Backup failed: the backups folder is not writable/);
    const audit: unknown = hub.db
      .prepare("SELECT ok, error_code AS code FROM audit_log WHERE method = 'admin.backups.run'")
      .get();
    expect(audit).toEqual({ ok: 0, code: 'E_STORAGE' });
    fs.rmSync(blocked);
  });

  it('try a failed scheduled backup again an hour later, until one succeeds; then the next day’s time', async () => {
    const blocked = path.join(tempDir(), 'backups');
    fs.writeFileSync(blocked, 'a file where the backups folder should be');
    const { hub, clock } = await backupHub(DEFAULT_RETENTION, blocked);
    clock.advance(HOUR); // 03:00
    expect(await hub.sweepBackups()).toBeNull();
    expect(hub.backups.status().nextRunAt).toBe(sh(2026, 12, 3, 4, 0));
    clock.advance(HOUR - 1);
    expect(hub.sweepBackups()).toBeNull();
    clock.advance(1); // 04:00: fails again, and is tried again at 05:00
    expect(await hub.sweepBackups()).toBeNull();
    expect(hub.backups.status().nextRunAt).toBe(sh(2026, 12, 3, 5, 0));
    fs.rmSync(blocked); // the folder is writable again
    clock.advance(HOUR);
    expect(await hub.sweepBackups()).toMatchObject({ name: 'cityops-20261203-050000.sqlite' });
    expect(hub.backups.status().nextRunAt).toBe(sh(2026, 12, 4, 3, 0));
    fs.rmSync(blocked, { recursive: true, force: true });
  });

  it('never push a retry past the next day’s time', async () => {
    const blocked = path.join(tempDir(), 'backups');
    fs.writeFileSync(blocked, 'a file where the backups folder should be');
    const { hub, clock } = await backupHub(DEFAULT_RETENTION, blocked);
    clock.advance(24 * HOUR + 30 * 60_000); // 02:30 the next day: the 03:00 run of the day before was missed
    expect(await hub.sweepBackups()).toBeNull();
    expect(hub.backups.status().nextRunAt).toBe(sh(2026, 12, 4, 3, 0));
    fs.rmSync(blocked);
  });
});

describe('the backup before a schema upgrade', () => {
  /** A data folder whose database is one migration behind this code. */
  function olderDatabase(): { dataDir: string; from: number } {
    const dataDir = tempDir();
    const db = new Database(path.join(dataDir, DB_FILE_NAME));
    migrate(db, MIGRATIONS.slice(0, -1));
    const from = schemaVersion(db);
    db.close();
    return { dataDir, from };
  }

  it('copies the old database into the backups folder, checked, before migrating it', async () => {
    const { dataDir, from } = olderDatabase();
    const clock = testClock(sh(2026, 12, 3, 14, 5));
    const hub = await openHub({ dataDir, demo: true, clock, backupSweepMs: 0, onInternalError: () => undefined });
    hubs.push(hub);
    expect(schemaVersion(hub.db)).toBe(MIGRATIONS.at(-1)?.version);
    const name = 'cityops-20261203-140500-pre-upgrade.sqlite';
    const copy = new Database(path.join(dataDir, 'backups', name), { readonly: true });
    expect(schemaVersion(copy)).toBe(from);
    copy.close();
    expect(hub.backups.status().backups).toEqual([expect.objectContaining({ name, kind: 'pre-upgrade' })]);
  });

  it('leaves the database as it was, and the hub stopped, when that backup cannot be made', async () => {
    const { dataDir, from } = olderDatabase();
    const blocked = path.join(tempDir(), 'backups');
    fs.writeFileSync(blocked, 'not a folder');
    const backups = { dir: blocked, dailyAt: 180, retention: DEFAULT_RETENTION };
    await expect(openHub({ dataDir, demo: true, backups })).rejects.toThrow(/backup before the upgrade failed/);
    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    expect(schemaVersion(db)).toBe(from);
    db.close();
  });

  it('is not made for a new database, nor for one already up to date', async () => {
    const dataDir = tempDir();
    for (let i = 0; i < 2; i++) {
      const hub = await openHub({ dataDir, demo: true, backupSweepMs: 0 });
      hub.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });
});
