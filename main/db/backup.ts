import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ensurePrivateFile, restrictFile } from '../security/hub-keys';

/** The copy was made but SQLite's integrity_check found it damaged; it was deleted. */
export class BackupIntegrityError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/**
 * An online copy through SQLite's backup API, safe while consoles are working. The copy is
 * written to `<dest>.partial`, checked, then renamed: a failed backup never leaves a
 * half-written file under the requested name, and an existing file is never overwritten.
 * The copy is owner-only (0600) from its creation, and holds the database alone: the hub key
 * (hub.key) is never in it and has to be backed up separately.
 */
export async function backupDatabase(source: string, dest: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  if (fs.existsSync(dest)) throw new Error(`${dest} exists; choose a new file name`);
  const tmp = `${dest}.partial`;
  fs.rmSync(tmp, { force: true });
  // Created empty and 0600 first: SQLite would create it with the umask's mode (often 0644).
  ensurePrivateFile(tmp);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(tmp);
  } finally {
    db.close();
  }
  const check = new Database(tmp, { readonly: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  const schemaVersion = check.pragma('user_version', { simple: true }) as number;
  check.close();
  if (integrity !== 'ok') {
    fs.rmSync(tmp, { force: true });
    throw new BackupIntegrityError(`backup failed its integrity check: ${String(integrity)}`);
  }
  restrictFile(tmp);
  fs.renameSync(tmp, dest);
  return { file: dest, bytes: fs.statSync(dest).size, schemaVersion };
}
