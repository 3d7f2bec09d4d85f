import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../main/db/connection';
import { MIGRATIONS } from '../../main/db/migrations';
import { DatabaseUnusableError } from '../../main/db/store-check';
import { openHubDatabase } from '../../main/hub-backups';
import { KEY_FILE_NAME } from '../../main/security/hub-keys';
import { restoreCommand } from '../../main/services/backups/offer';
import { DEFAULT_RETENTION } from '../../main/services/backups/retention';
import { tempDir, testClock } from '../helpers/test-env';

const NEWEST = 'cityops-20261203-030000.sqlite';
const OLDER = 'cityops-20261202-030000.sqlite';
const OLDEST = 'cityops-20261201-030000.sqlite';

/** A data folder whose database is damaged (not a database at all), and its backups folder with the given backups. */
function damagedFolder(backups: Record<string, 'good' | 'damaged' | 'newer'>) {
  const dataDir = tempDir();
  const backupsDir = path.join(dataDir, 'backups');
  const good = tempDir();
  openDatabase(good).close();
  fs.mkdirSync(backupsDir);
  for (const [name, kind] of Object.entries(backups)) {
    const file = path.join(backupsDir, name);
    if (kind === 'damaged') fs.writeFileSync(file, Buffer.alloc(16_384, 0x5a));
    else fs.copyFileSync(path.join(good, DB_FILE_NAME), file);
    if (kind === 'newer') {
      const db = new Database(file);
      db.pragma(`user_version = ${(MIGRATIONS.at(-1)?.version ?? 0) + 10}`);
      db.close();
    }
  }
  const garbage = Buffer.alloc(8192, 0x5a);
  fs.writeFileSync(path.join(dataDir, DB_FILE_NAME), garbage);
  return { dataDir, backupsDir, garbage };
}

function refusal(dataDir: string, backupsDir: string): DatabaseUnusableError {
  const options = { dataDir, demo: true, backups: { dir: backupsDir, dailyAt: null, retention: DEFAULT_RETENTION } };
  try {
    openHubDatabase(options, testClock()).db.close();
  } catch (err) {
    if (err instanceof DatabaseUnusableError) return err;
    throw err;
  }
  throw new Error('the database was opened');
}

describe('a hub refused its database names the newest good backup', () => {
  it('a damaged database with a good backup: names it and its exact restore command, restores nothing', () => {
    const f = damagedFolder({ [NEWEST]: 'good', [OLDER]: 'good' });
    const err = refusal(f.dataDir, f.backupsDir);
    expect(err.reason).toBe('damaged');
    expect(err.offer?.found?.name).toBe(NEWEST);
    const command = `npm run restore -- ${NEWEST} --data-dir ${f.dataDir}`;
    expect(err.offer?.found?.command).toBe(command);
    expect(err.message).toContain(`最新的完好备份是 ${NEWEST}（2026-12-03 03:00:00`);
    expect(err.message).toContain(`The newest good backup is ${NEWEST} (2026-12-03 03:00:00`);
    expect(err.message).toContain(command);
    expect(err.message).toContain('Nothing is restored automatically');
    // Nothing touched: the damaged file is as it was, the backups all still there.
    expect(fs.readFileSync(path.join(f.dataDir, DB_FILE_NAME)).equals(f.garbage)).toBe(true);
    expect(fs.readdirSync(f.backupsDir).sort()).toEqual([OLDER, NEWEST]);
  });

  it('the newest backup damaged and the next from a newer version: the one after them is named', () => {
    const f = damagedFolder({ [NEWEST]: 'damaged', [OLDER]: 'newer', [OLDEST]: 'good' });
    const err = refusal(f.dataDir, f.backupsDir);
    expect(err.offer?.found?.name).toBe(OLDEST);
    expect(err.offer?.skipped).toEqual([
      { name: NEWEST, problem: 'damaged' },
      { name: OLDER, problem: 'newer' },
    ]);
    expect(err.message).toContain(`跳过了更新的备份 ${NEWEST}（已损坏）、${OLDER}（版本过新）`);
    expect(err.message).toContain(`npm run restore -- ${OLDEST}`);
  });

  it('no backup at all: says so, in both languages', () => {
    const f = damagedFolder({});
    const err = refusal(f.dataDir, f.backupsDir);
    expect(err.offer).toEqual({ dir: f.backupsDir, found: null, skipped: [] });
    expect(err.message).toContain(`备份文件夹 ${f.backupsDir} 中没有可用的完好备份`);
    expect(err.message).toContain(`The backups folder ${f.backupsDir} holds no good backup`);
  });

  it('only damaged backups, or a backups folder that does not exist: no good one', () => {
    const f = damagedFolder({ [NEWEST]: 'damaged' });
    expect(refusal(f.dataDir, f.backupsDir).offer?.found).toBeNull();
    expect(refusal(f.dataDir, path.join(f.dataDir, 'elsewhere')).offer?.found).toBeNull();
  });

  it('a database missing beside hub.key offers the newest good backup too', () => {
    const f = damagedFolder({ [NEWEST]: 'good' });
    fs.rmSync(path.join(f.dataDir, DB_FILE_NAME));
    fs.writeFileSync(path.join(f.dataDir, KEY_FILE_NAME), 'key');
    const err = refusal(f.dataDir, f.backupsDir);
    expect(err.reason).toBe('missing');
    expect(err.message).toContain(`npm run restore -- ${NEWEST}`);
    expect(err.message).toContain('move hub.key away too');
  });
});

describe('the restore command', () => {
  const env = { XDG_DATA_HOME: '/home/op/.local/share' };
  it('names the folders only where they are not the defaults, quoting what a shell would split', () => {
    const dataDir = '/home/op/.local/share/cityops-console';
    expect(restoreCommand(NEWEST, { dataDir, backupsDir: `${dataDir}/backups`, env })).toBe(
      `npm run restore -- ${NEWEST}`,
    );
    expect(restoreCommand(NEWEST, { dataDir, backupsDir: '/mnt/backup disk/city$ops', env })).toBe(
      `npm run restore -- ${NEWEST} --backup-dir "/mnt/backup disk/city\\$ops"`,
    );
    expect(restoreCommand(NEWEST, { dataDir: '/srv/cityops', backupsDir: '/srv/cityops/backups', env })).toBe(
      `npm run restore -- ${NEWEST} --data-dir /srv/cityops`,
    );
  });
});
