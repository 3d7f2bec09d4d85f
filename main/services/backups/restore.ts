import fs from 'node:fs';
import path from 'node:path';
import { apiError, findOddText, oddTextError } from '../../../common/contract';
import { DB_FILE_NAME, databaseFiles } from '../../db/connection';
import { runningHubPid } from '../../db/hub-lock';
import { MIGRATIONS } from '../../db/migrations';
import { ensurePrivateFile, restrictFile } from '../../security/hub-keys';
import { copyAttachments, type AttachmentsCopied } from './attachments-copy';
import { verifyBackupFile } from './backup-folder';
import { backupFileName } from './backup-names';

export interface RestoreRequest {
  dataDir: string;
  /** The configured backups folder: a bare backup name is looked for there. */
  backupsDir: string;
  /** A backup's path, or the name of one in the backups folder. */
  backup: string;
  now: number;
}

export interface RestoreResult {
  backup: string;
  schemaVersion: number;
  /** The replaced database files, renamed aside (never deleted). */
  keptAside: string[];
  /** Attachments the data folder lacked, copied back from the backups folder. */
  attachments: AttachmentsCopied;
}

/** The backup file a request names; hostile text (control characters) is refused before any file is touched. */
function backupPath(req: RestoreRequest): string {
  const odd = findOddText(req.backup.replace(/[\t\n\r]/g, '\u0000'), ['backup']);
  if (odd) throw oddTextError(odd);
  if (req.backup.trim() === '') throw apiError('E_INVALID', '请给出备份文件', 'Name a backup file');
  const bare = !req.backup.includes('/') && !req.backup.includes('\\');
  const file = path.resolve(bare ? path.join(req.backupsDir, req.backup) : req.backup);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw apiError('E_NOT_FOUND', `找不到备份文件 ${file}`, `No backup file at ${file}`);
  }
  return file;
}

/**
 * The backup's schema version, after SQLite's integrity_check passed on it (E_INVALID when damaged, E_CONFLICT
 * when newer than this code); used by `npm run restore` and by the console's restore (hub-restore.ts).
 */
export function checkedSchema(file: string): number {
  const verdict = verifyBackupFile(file, MIGRATIONS.at(-1)?.version ?? 0);
  if (verdict.ok) return verdict.schemaVersion;
  if (verdict.problem === 'damaged') {
    throw apiError(
      'E_INVALID',
      `备份文件已损坏（${verdict.detail}），未恢复`,
      `The backup is damaged (${verdict.detail}); nothing was restored`,
      { restore: 'damaged' },
    );
  }
  const { schemaVersion: version, latest } = verdict;
  throw apiError(
    'E_CONFLICT',
    `备份的数据库版本 ${version} 高于本程序支持的版本 ${latest}，请先升级程序，未恢复`,
    `The backup's schema version ${version} is newer than this program supports (${latest}); upgrade the program first. Nothing was restored`,
    { restore: 'newer' },
  );
}

/**
 * `npm run restore` (main/cli/restore.ts): puts a backup in place of the data folder's database. Refuses while a
 * hub holds the folder, a damaged backup and one newer than this code, all before touching anything; keeps the
 * replaced database (and its -wal/-shm) aside under a time-stamped name; brings back attachments the folder lacks.
 */
export function restoreBackup(req: RestoreRequest): RestoreResult {
  const pid = runningHubPid(req.dataDir);
  if (pid !== null) {
    throw apiError(
      'E_CONFLICT',
      `中枢正在运行（进程 ${pid}），请先关闭桌面控制台或网页服务再恢复`,
      `The hub is running (process ${pid}); stop the desktop console or the web shell before restoring`,
    );
  }
  const file = backupPath(req);
  const schemaVersion = checkedSchema(file);
  const { keptAside, attachments } = putBackupInPlace(file, req.dataDir, req.now);
  return { backup: file, schemaVersion, keptAside, attachments };
}

/**
 * The checked backup `file` in place of the data folder's database, the replaced files renamed aside
 * (`….replaced-YYYYMMDD-HHmmss`); the database must be closed. A failure part-way puts the replaced files back
 * before it is thrown, so the folder holds the old database or the backup, never half of either.
 */
export function putBackupInPlace(
  file: string,
  dataDir: string,
  now: number,
): { keptAside: string[]; attachments: AttachmentsCopied } {
  const target = path.join(dataDir, DB_FILE_NAME);
  const stamp = backupFileName(now, 'scheduled').slice('cityops-'.length, -'.sqlite'.length);
  const keptAside: string[] = [];
  try {
    for (const f of databaseFiles(target).filter((f) => fs.existsSync(f))) {
      const aside = `${f}.replaced-${stamp}`;
      if (fs.existsSync(aside)) throw apiError('E_CONFLICT', `${aside} 已存在`, `${aside} exists; try again`);
      fs.renameSync(f, aside);
      keptAside.push(aside);
    }
    const incoming = `${target}.restoring`;
    fs.rmSync(incoming, { force: true });
    ensurePrivateFile(incoming);
    fs.copyFileSync(file, incoming);
    restrictFile(incoming);
    fs.renameSync(incoming, target);
  } catch (err) {
    fs.rmSync(`${target}.restoring`, { force: true });
    undoRestore(dataDir, keptAside);
    throw err;
  }
  const attachments = copyAttachments(path.join(path.dirname(file), 'attachments'), path.join(dataDir, 'attachments'));
  return { keptAside, attachments };
}

/**
 * Puts the database files `putBackupInPlace` renamed aside back in place, the restored database (and any -wal/-shm
 * it grew) removed first: the data folder as it was before the restore. Attachments brought back stay (each is
 * named by its content, so an extra one is never a wrong one).
 */
export function undoRestore(dataDir: string, keptAside: readonly string[]): void {
  const target = path.join(dataDir, DB_FILE_NAME);
  if (keptAside.length === 0) return;
  for (const f of databaseFiles(target)) fs.rmSync(f, { force: true });
  for (const aside of keptAside) fs.renameSync(aside, aside.replace(/\.replaced-\d{8}-\d{6}$/, ''));
}
