import type { Bilingual } from '../../../common/contract/errors';
import { BackupIntegrityError } from '../../db/backup';

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'SQLITE_READONLY']);

/**
 * Why a backup failed, for administrators in both languages and for the duty log. It never names a path
 * (the status travels to consoles; the hub's own output has the full error).
 */
export function failureReason(err: unknown): Bilingual {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (err instanceof BackupIntegrityError) {
    return { zh: '备份副本未通过完整性检查，已丢弃', en: 'the copy failed its integrity check and was discarded' };
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return { zh: '备份位置磁盘空间不足', en: 'the disk of the backups folder is full' };
  }
  if (UNWRITABLE.has(code)) {
    return {
      zh: '备份文件夹不可写（只读、无权限或不是文件夹）',
      en: 'the backups folder is not writable (read-only, no permission, or not a folder)',
    };
  }
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN') {
    return { zh: '找不到备份文件夹或数据库文件', en: 'the backups folder or the database file is missing' };
  }
  const tag = code === '' ? '' : ` (${code})`;
  return { zh: `备份出错${tag}，详见中枢输出`, en: `the backup failed${tag}; see the hub's output` };
}
