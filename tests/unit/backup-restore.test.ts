import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/contract';
import { backupDatabase } from '../../main/db/backup';
import { DB_FILE_NAME } from '../../main/db/connection';
import { HUB_LOCK_FILE } from '../../main/db/hub-lock';
import { MIGRATIONS } from '../../main/db/migrations';
import { openHub, type Hub } from '../../main/hub';
import { restoreBackup, type RestoreRequest } from '../../main/services/backups/restore';
import { tempDir } from '../helpers/test-env';

const NOW = Date.UTC(2026, 11, 3, 6, 30, 0); // 14:30:00 in Shanghai
const hubs: Hub[] = [];
afterEach(() => {
  for (const h of hubs.splice(0)) if (h.db.open) h.close();
});

const meta = (file: string, key: string) => {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  db.close();
  return row?.value ?? null;
};

/** A data folder with a hub's database, a backup of it taken with 'probe' = 'then', then 'probe' = 'now'. */
async function folderWithBackup() {
  const dataDir = tempDir();
  const backupsDir = path.join(dataDir, 'backups');
  const hub = await openHub({ dataDir, demo: true, backupSweepMs: 0 });
  hubs.push(hub);
  hub.db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'then')").run();
  fs.mkdirSync(backupsDir);
  const backup = path.join(backupsDir, 'cityops-20261203-030000.sqlite');
  await backupDatabase(path.join(dataDir, DB_FILE_NAME), backup);
  hub.db.prepare("UPDATE meta SET value = 'now' WHERE key = 'probe'").run();
  return { dataDir, backupsDir, backup, hub };
}

function refusal(req: RestoreRequest): { code: string; en: string } {
  try {
    restoreBackup(req);
  } catch (err) {
    if (err instanceof ApiError) return { code: err.code, en: err.bilingual.en };
    throw err;
  }
  throw new Error('the restore was not refused');
}

describe('npm run restore', () => {
  it('refuses while the hub holds the data folder, and restores once it is stopped', async () => {
    const f = await folderWithBackup();
    const req = { dataDir: f.dataDir, backupsDir: f.backupsDir, backup: f.backup, now: NOW };
    expect(refusal(req)).toMatchObject({ code: 'E_CONFLICT', en: expect.stringMatching(/hub is running/) as string });
    expect(meta(path.join(f.dataDir, DB_FILE_NAME), 'probe')).toBe('now');
    f.hub.close();
    expect(fs.existsSync(path.join(f.dataDir, HUB_LOCK_FILE))).toBe(false);
    const result = restoreBackup(req);
    expect(meta(path.join(f.dataDir, DB_FILE_NAME), 'probe')).toBe('then');
    // The replaced database is kept aside under the time of the restore, never deleted.
    const aside = path.join(f.dataDir, `${DB_FILE_NAME}.replaced-20261203-143000`);
    expect(result.keptAside).toContain(aside);
    expect(meta(aside, 'probe')).toBe('now');
    expect(fs.statSync(path.join(f.dataDir, DB_FILE_NAME)).mode & 0o777).toBe(0o600);
    // The hub starts on it.
    const again = await openHub({ dataDir: f.dataDir, demo: true, backupSweepMs: 0 });
    hubs.push(again);
    expect(again.db.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'then' });
  });

  it('takes a bare name from the backups folder, and ignores a lock left by a process that is gone', async () => {
    const f = await folderWithBackup();
    f.hub.close();
    fs.writeFileSync(path.join(f.dataDir, HUB_LOCK_FILE), '999999999\n');
    restoreBackup({ dataDir: f.dataDir, backupsDir: f.backupsDir, backup: path.basename(f.backup), now: NOW });
    expect(meta(path.join(f.dataDir, DB_FILE_NAME), 'probe')).toBe('then');
  });

  it('refuses a backup newer than this code, touching nothing', async () => {
    const f = await folderWithBackup();
    f.hub.close();
    const db = new Database(f.backup);
    db.pragma(`user_version = ${(MIGRATIONS.at(-1)?.version ?? 0) + 10}`);
    db.close();
    const req = { dataDir: f.dataDir, backupsDir: f.backupsDir, backup: f.backup, now: NOW };
    expect(refusal(req)).toMatchObject({ code: 'E_CONFLICT', en: expect.stringMatching(/newer/) as string });
    expect(meta(path.join(f.dataDir, DB_FILE_NAME), 'probe')).toBe('now');
    expect(fs.readdirSync(f.dataDir).filter((n) => n.includes('.replaced-'))).toEqual([]);
  });

  it('refuses a damaged backup, touching nothing', async () => {
    const f = await folderWithBackup();
    f.hub.close();
    const bytes = fs.readFileSync(f.backup);
    bytes.fill(0x41, 4096, 16384);
    fs.writeFileSync(f.backup, bytes);
    const req = { dataDir: f.dataDir, backupsDir: f.backupsDir, backup: f.backup, now: NOW };
    expect(refusal(req)).toMatchObject({ code: 'E_INVALID', en: expect.stringMatching(/damaged/) as string });
    expect(meta(path.join(f.dataDir, DB_FILE_NAME), 'probe')).toBe('now');
    fs.writeFileSync(f.backup, 'not a database at all');
    expect(refusal(req).code).toBe('E_INVALID');
  });

  it('refuses names with control characters, and names nothing that exists', async () => {
    const f = await folderWithBackup();
    f.hub.close();
    const req = (backup: string) => ({ dataDir: f.dataDir, backupsDir: f.backupsDir, backup, now: NOW });
    for (const bad of [`${f.backup}\u0000`, `${path.basename(f.backup)}\n`, '\u001b[2J', '   ']) {
      expect(refusal(req(bad)).code, JSON.stringify(bad)).toBe('E_INVALID');
    }
    expect(refusal(req('cityops-20200101-030000.sqlite')).code).toBe('E_NOT_FOUND');
    expect(refusal(req(f.backupsDir)).code).toBe('E_NOT_FOUND');
    expect(meta(path.join(f.dataDir, DB_FILE_NAME), 'probe')).toBe('now');
  });
});
