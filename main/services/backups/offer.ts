import path from 'node:path';
import { defaultDataDir } from '../../config';
import { MIGRATIONS } from '../../db/migrations';
import type { BackupOffer } from '../../db/store-check';
import { listBackups, verifyBackupFile } from './backup-folder';
import { DEFAULT_RETENTION } from './retention';

export interface OfferRequest {
  dataDir: string;
  backupsDir: string;
  /** The environment `npm run restore` will resolve its folders from (process.env). */
  env: NodeJS.ProcessEnv;
}

/** A path as one shell word: quoted when it holds anything but the plain characters of a path. */
function shellWord(text: string): string {
  return /^[\w./:\\@+-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * `npm run restore -- <name>`, with `--data-dir` / `--backup-dir` where the hub's folders are not the ones the
 * command finds by itself (the defaults), so it restores into this hub's folder from this hub's backups.
 */
export function restoreCommand(name: string, req: OfferRequest): string {
  const words = ['npm run restore --', name];
  const defaultData = path.resolve(defaultDataDir(req.env));
  if (path.resolve(req.dataDir) !== defaultData) words.push('--data-dir', shellWord(req.dataDir));
  if (path.resolve(req.backupsDir) !== path.join(path.resolve(req.dataDir), 'backups')) {
    words.push('--backup-dir', shellWord(req.backupsDir));
  }
  return words.join(' ');
}

/**
 * When the hub refuses to start on its database (main/db/store-check.ts): the backups in the folder, newest first,
 * checked one by one (integrity_check, schema not newer than this code) until a good one is found. Nothing is
 * restored: the operator runs the command named.
 */
export function offerNewestGoodBackup(req: OfferRequest): BackupOffer {
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  const skipped: BackupOffer['skipped'] = [];
  for (const backup of listBackups(req.backupsDir, DEFAULT_RETENTION)) {
    const verdict = verifyBackupFile(path.join(req.backupsDir, backup.name), latest);
    if (verdict.ok) {
      const found = { name: backup.name, at: backup.at, command: restoreCommand(backup.name, req) };
      return { dir: req.backupsDir, found, skipped };
    }
    skipped.push({ name: backup.name, problem: verdict.problem });
  }
  return { dir: req.backupsDir, found: null, skipped };
}
