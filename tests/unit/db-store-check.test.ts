import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../main/db/connection';
import { DatabaseUnusableError } from '../../main/db/store-check';
import { KEY_FILE_NAME } from '../../main/security/hub-keys';
import { tempDir } from '../helpers/test-env';

function refusal(dataDir: string): DatabaseUnusableError {
  try {
    openDatabase(dataDir).close();
  } catch (err) {
    if (err instanceof DatabaseUnusableError) return err;
    throw err;
  }
  throw new Error('the database was opened');
}

/** A database with one table of rows filling several pages, closed. */
function filledDatabase(): string {
  const dir = tempDir();
  const db = openDatabase(dir);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  for (let i = 0; i < 400; i++) insert.run(`第 ${i} 行 `.repeat(40));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return dir;
}

describe('the hub will not start on a missing or damaged database', () => {
  it('a new folder, and a used one, open', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    fs.writeFileSync(path.join(dir, KEY_FILE_NAME), 'key');
    openDatabase(dir).close();
  });

  it('a folder with a hub.key but no database refuses, naming restore', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, KEY_FILE_NAME), 'key');
    const err = refusal(dir);
    expect(err.reason).toBe('missing');
    expect(err.message).toContain('npm run restore');
    expect(err.message).toContain('不存在');
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(false);
  });

  it('a file that is not a database refuses as damaged, and is left as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const garbage = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(file, garbage);
    const err = refusal(dir);
    expect(err.reason).toBe('damaged');
    expect(err.message).toContain('已损坏');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('a database with a damaged page refuses as damaged', () => {
    const dir = filledDatabase();
    const file = path.join(dir, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Page 5 (a leaf of the filler table): its b-tree header overwritten.
    bytes.fill(0xff, pageSize * 4, pageSize * 4 + 64);
    fs.writeFileSync(file, bytes);
    const err = refusal(dir);
    expect(err.reason).toBe('damaged');
    expect(err.message).toMatch(/damaged \(.+\)/);
  });
});
