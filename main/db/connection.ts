import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile, KEY_FILE_NAME, restrictFile } from '../security/hub-keys';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { storageFaultOf } from './storage-errors';
import { DatabaseUnusableError, refuseDamagedDatabase, refuseMissingDatabase } from './store-check';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** Compiled better_sqlite3.node for another ABI (Electron); Node's own build otherwise. */
  nativeBinding?: string | undefined;
  /** Runs before an existing database's schema is upgraded (the hub's pre-upgrade backup); throwing stops it. */
  beforeUpgrade?: ((db: Db, from: number) => void) | undefined;
}

export const DB_FILE_NAME = 'cityops.sqlite';

/** The database and the files SQLite keeps beside it. */
export function databaseFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

/**
 * Opens (creating if needed) the hub database in `dataDir` and brings its schema up to date. The
 * folder is made 0700 and the database 0600 before SQLite opens it; SQLite gives
 * the -wal and -shm files it creates the database file's mode, and existing ones are tightened here.
 */
export function openDatabase(dataDir: string, options: OpenDbOptions = {}): Db {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, DB_FILE_NAME);
  refuseMissingDatabase(dataDir, file, KEY_FILE_NAME);
  // An empty file is an empty database to SQLite; created here so it never exists with a wider mode.
  ensurePrivateFile(file);
  for (const f of databaseFiles(file).slice(1)) restrictFile(f);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    refuseDamagedDatabase(db, file);
    // Deleted and overwritten content (e.g. a re-encrypted credential) is zeroed, not left in free space.
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS, options.beforeUpgrade && ((from) => options.beforeUpgrade?.(db, from)));
  } catch (err) {
    db.close();
    // A file that is not a database at all fails already in the first statement.
    if (err instanceof Error && storageFaultOf(err) === 'corrupt') {
      throw new DatabaseUnusableError('damaged', file, err.message);
    }
    throw err;
  }
  return db;
}
