import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseBackupName, type BackupName } from './backup-names';
import { planRetention, type BackupKind, type RetentionPolicy } from './retention';

export interface FolderBackup extends BackupName {
  bytes: number;
  kind: BackupKind;
}

/** The backups in the folder (files named as the hub names them), newest first; none when it does not exist. */
export function listBackups(dir: string, policy: RetentionPolicy): FolderBackup[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found = names.map(parseBackupName).filter((b): b is BackupName => b !== null);
  const { keep } = planRetention(found, policy);
  return found
    .map((b) => ({ ...b, bytes: fileSize(path.join(dir, b.name)), kind: keep.get(b.name) ?? 'daily' }))
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Deletes the scheduled backups the retention policy no longer needs; answers their names. */
export function pruneBackups(dir: string, policy: RetentionPolicy): string[] {
  const found = fs
    .readdirSync(dir)
    .map(parseBackupName)
    .filter((b): b is BackupName => b !== null);
  const { remove } = planRetention(found, policy);
  for (const name of remove) fs.rmSync(path.join(dir, name), { force: true });
  return remove;
}

/** SQLite's integrity_check on a backup file, opened read-only: 'ok' or what it found. */
export function checkBackupFile(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** What a backup is good for: restorable (its schema version), damaged, or made by a newer version than this code. */
export type BackupVerdict =
  | { ok: true; schemaVersion: number }
  | { ok: false; problem: 'damaged'; detail: string }
  | { ok: false; problem: 'newer'; schemaVersion: number; latest: number };

/** integrity_check and the schema version of a backup file (read-only), against the newest schema this code knows. */
export function verifyBackupFile(file: string, latest: number): BackupVerdict {
  // A backup whose header says WAL gets a -wal and -shm beside it even when opened read-only: removed again after.
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  try {
    return verdictOf(file, latest);
  } finally {
    for (const f of sideFiles) fs.rmSync(f, { force: true });
  }
}

function verdictOf(file: string, latest: number): BackupVerdict {
  let db: Database.Database | undefined;
  let integrity: string;
  let version = 0;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    integrity = String(db.pragma('integrity_check', { simple: true }));
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    integrity = String(err);
  } finally {
    db?.close();
  }
  if (integrity !== 'ok') return { ok: false, problem: 'damaged', detail: integrity };
  if (version > latest) return { ok: false, problem: 'newer', schemaVersion: version, latest };
  return { ok: true, schemaVersion: version };
}
