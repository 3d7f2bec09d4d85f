import { apiError, type ApiError } from '../../common/contract';

/** Why the hub cannot write: the kinds of SQLite failure a full, read-only or damaged store gives. */
export type StorageFault = 'full' | 'readonly' | 'io' | 'corrupt';

/** SQLite's result codes (better-sqlite3's SqliteError.code; extended codes carry a suffix, e.g. SQLITE_IOERR_WRITE). */
export function storageFaultOf(err: unknown): StorageFault | null {
  if (typeof err !== 'object' || err === null || !('code' in err) || typeof err.code !== 'string') return null;
  const code = err.code;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_NOSPC') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') return 'readonly';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) return 'corrupt';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  return null;
}

const MESSAGES: Record<StorageFault, { zh: string; en: string }> = {
  full: {
    zh: '中心服务器磁盘已满，本次操作未保存（已保存的数据不受影响）。请通知系统管理员清理磁盘。',
    en: "The hub's disk is full: this change was not saved (nothing saved before is affected). Tell the administrator to free space.",
  },
  readonly: {
    zh: '中心服务器的数据目录为只读，本次操作未保存（查询仍可使用）。请通知系统管理员。',
    en: "The hub's data folder is read-only: this change was not saved (reading still works). Tell the administrator.",
  },
  io: {
    zh: '中心服务器磁盘读写出错，本次操作未保存。请通知系统管理员检查磁盘。',
    en: "The hub's disk reported an I/O error: this change was not saved. Tell the administrator to check the disk.",
  },
  corrupt: {
    zh: '中心数据库文件已损坏，本次操作未保存。请通知系统管理员从备份恢复。',
    en: "The hub's database file is damaged: this change was not saved. Tell the administrator to restore from a backup.",
  },
};

/** The caller's answer for a storage fault: E_STORAGE with its cause, in both languages. */
export function storageError(fault: StorageFault): ApiError {
  const { zh, en } = MESSAGES[fault];
  return apiError('E_STORAGE', zh, en, { cause: fault });
}

/** How often the hub's output repeats the same fault (a full disk fails every write until freed). */
const REPEAT_AFTER_MS = 60_000;

/** The hub's output for store faults: each kind at most once a minute, in both languages. */
export function storageFaultLog(
  print: (line: string) => void = (line) => console.error(line),
  now: () => number = Date.now,
): (method: string, fault: StorageFault, err: unknown) => void {
  const lastPrinted = new Map<StorageFault, number>();
  return (method, fault, err) => {
    const at = now();
    const last = lastPrinted.get(fault);
    if (last !== undefined && at - last < REPEAT_AFTER_MS) return;
    lastPrinted.set(fault, at);
    const { zh, en } = MESSAGES[fault];
    const cause = err instanceof Error ? err.message : String(err);
    print(`[hub] 存储故障 / storage fault (${fault}) in ${method}: ${zh} / ${en} (${cause})`);
  };
}
