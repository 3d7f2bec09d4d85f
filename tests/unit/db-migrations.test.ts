import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../main/db/backup';
import { DB_FILE_NAME, openDatabase, type Db } from '../../main/db/connection';
import { migrate, schemaVersion } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { tempDir } from '../helpers/test-env';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

describe('migrations', () => {
  it('bring an empty database to the latest version with STRICT tables, WAL and foreign keys', () => {
    const db = openDatabase(tempDir());
    open.push(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['org_units', 'users', 'sessions', 'audit_log']));
    // FTS5 tables and their shadow tables are SQLite's own and cannot be STRICT.
    const virtual = tables.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
    for (const t of tables.filter((x) => !virtual.some((v) => x.name.startsWith(v)))) {
      expect(t.sql, t.name).toMatch(/STRICT/);
    }
  });

  it('0140: cameras registered before it play auto without transcoding; other values are refused', () => {
    const db = new Database(':memory:');
    open.push(db);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 140),
    );
    // A camera row as an older hub wrote it; the workstation does not matter here.
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO cameras (id, name, workstation_id, main_url, protocol, created_at, updated_at)
       VALUES ('CAM-OLD', '旧摄像机', 'HQ-W-1', 'rtsp://h/1', 'rtsp', 1, 1)`,
    ).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare("SELECT playback, transcode FROM cameras WHERE id = 'CAM-OLD'").get()).toEqual({
      playback: 'auto',
      transcode: 0,
    });
    expect(() => db.prepare("UPDATE cameras SET playback = 'rtmp'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE cameras SET transcode = 2').run()).toThrow(/CHECK/);
  });

  it('are numbered tens apart in increasing order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const v of versions) expect(v % 10).toBe(0);
  });

  it('reopening is a no-op', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    open.push(db);
    const latest = MIGRATIONS.at(-1)?.version;
    expect(migrate(db, MIGRATIONS)).toEqual({ from: latest, to: latest });
  });

  it('refuse a database written by newer code, without modifying it', () => {
    const dir = tempDir();
    const raw = new Database(path.join(dir, DB_FILE_NAME));
    raw.pragma('user_version = 990');
    raw.close();
    expect(() => openDatabase(dir)).toThrow(/newer than this program supports/);
    const check = new Database(path.join(dir, DB_FILE_NAME));
    expect(check.pragma('user_version', { simple: true })).toBe(990);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('roll back every step of a failed upgrade', () => {
    const db = new Database(':memory:');
    open.push(db);
    const broken = [
      ...MIGRATIONS,
      { version: 40, name: 'broken', sql: 'CREATE TABLE x (a INTEGER) STRICT; SELECT * FROM nope;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
  });
});

describe('backup', () => {
  it('writes a checked, restorable copy and never overwrites an existing file', async () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
    db.close();
    const dest = path.join(tempDir(), 'copy.sqlite');
    const result = await backupDatabase(path.join(dir, DB_FILE_NAME), dest);
    expect(result.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    expect(fs.existsSync(`${dest}.partial`)).toBe(false);
    const restoredDir = tempDir();
    fs.copyFileSync(dest, path.join(restoredDir, DB_FILE_NAME));
    const restored = openDatabase(restoredDir);
    open.push(restored);
    expect(restored.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    await expect(backupDatabase(path.join(dir, DB_FILE_NAME), dest)).rejects.toThrow(/exists/);
  });
});
