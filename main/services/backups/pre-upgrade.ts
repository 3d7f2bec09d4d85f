import fs from 'node:fs';
import path from 'node:path';
import { apiError } from '../../../common/contract/errors';
import { BackupIntegrityError } from '../../db/backup';
import type { Db } from '../../db/connection';
import { ensurePrivateFile, restrictFile } from '../../security/hub-keys';
import { checkBackupFile } from './backup-folder';
import { backupFileName } from './backup-names';
import { removeQuietly } from './backup-service';
import { failureReason } from './failure-reason';

/**
 * Copies a database about to be upgraded into the backups folder (`…-pre-upgrade.sqlite`), synchronously
 * (`VACUUM INTO`, a consistent copy; start-up waits for it), checked with integrity_check. When the copy
 * cannot be made the upgrade does not happen: the hub refuses to start, the old database untouched.
 */
export function backupBeforeUpgrade(db: Db, dir: string, at: number, from: number): string {
  const dest = path.join(dir, backupFileName(at, 'pre-upgrade'));
  const tmp = `${dest}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (fs.existsSync(dest)) throw Object.assign(new Error(`${dest} exists`), { code: 'EEXIST' });
    fs.rmSync(tmp, { force: true });
    // Empty and 0600 first: VACUUM INTO accepts an empty file, and would create it with the umask's mode.
    ensurePrivateFile(tmp);
    db.prepare('VACUUM INTO ?').run(tmp);
    const integrity = checkBackupFile(tmp);
    if (integrity !== 'ok') throw new BackupIntegrityError(integrity);
    restrictFile(tmp);
    fs.renameSync(tmp, dest);
    return dest;
  } catch (err) {
    removeQuietly(tmp);
    const reason = failureReason(err);
    throw apiError(
      'E_CONFLICT',
      `升级前的备份失败（${reason.zh}），数据库（版本 ${from}）未升级，中枢未启动。`,
      `The backup before the upgrade failed (${reason.en}); the database (version ${from}) was not upgraded and the hub did not start.`,
      { reason },
    );
  }
}
