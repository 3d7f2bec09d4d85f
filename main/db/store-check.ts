import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { formatShanghai } from '../../common/domain/time';
import { storageFaultOf } from './storage-errors';

/** Why the hub will not start on its data folder's database. */
export type UnusableCause = 'missing' | 'damaged';

/**
 * The backup a refused start points to (main/services/backups/offer.ts): the newest one in the backups folder that
 * passed integrity_check and is not newer than this code, with the command that restores it, or none.
 */
export interface BackupOffer {
  dir: string;
  found: { name: string; at: number; command: string } | null;
  /** Newer backups passed over: damaged, or made by a newer version of the program. */
  skipped: { name: string; problem: 'damaged' | 'newer' }[];
}

const PROBLEM = { damaged: { zh: '已损坏', en: 'damaged' }, newer: { zh: '版本过新', en: 'from a newer version' } };

/** What to do, in both languages: restore the offered backup, or (none in the folder) one from elsewhere. */
function offerText(offer: BackupOffer | undefined): { zh: string; en: string } {
  if (offer === undefined) {
    return {
      zh: '请从最新的完好备份恢复（npm run restore -- <备份文件>）。',
      en: 'Restore the newest good backup (npm run restore -- <backup>).',
    };
  }
  const zhSkipped = offer.skipped.map((s) => `${s.name}（${PROBLEM[s.problem].zh}）`).join('、');
  const enSkipped = offer.skipped.map((s) => `${s.name} (${PROBLEM[s.problem].en})`).join(', ');
  const skipped = offer.skipped.length
    ? { zh: `跳过了更新的备份 ${zhSkipped}。`, en: ` Newer backups passed over: ${enSkipped}.` }
    : { zh: '', en: '' };
  if (offer.found === null) {
    return {
      zh: `备份文件夹 ${offer.dir} 中没有可用的完好备份。${skipped.zh}请从其他位置的备份恢复（npm run restore -- <备份文件路径>）。`,
      en: `The backups folder ${offer.dir} holds no good backup.${skipped.en} Restore a backup kept elsewhere (npm run restore -- <path of the backup>).`,
    };
  }
  const { name, at, command } = offer.found;
  const time = formatShanghai(at);
  return {
    zh:
      `最新的完好备份是 ${name}（${time}，已通过完整性检查）。${skipped.zh}恢复方法：在本机运行 ${command} ` +
      `——该备份之后录入的数据将不在数据库中，被替换的数据库会改名保留。程序不会自动恢复。`,
    en:
      `The newest good backup is ${name} (${time}, integrity check passed).${skipped.en} To restore it, run on this machine: ${command} ` +
      `— what was entered after that backup will not be in the database; the replaced database is kept under another name. Nothing is restored automatically.`,
  };
}

/**
 * The database cannot be used: missing from a folder that held one, or damaged. The hub does not
 * start (an empty or damaged database would be taken for the center's records); the message says
 * what to do, in both languages — with the newest good backup and its restore command when the hub has looked.
 */
export class DatabaseUnusableError extends Error {
  constructor(
    readonly reason: UnusableCause,
    readonly file: string,
    readonly detail: string,
    readonly offer?: BackupOffer,
  ) {
    const todo = offerText(offer);
    super(
      reason === 'missing'
        ? `数据库文件 ${file} 不存在，但数据目录中有 hub.key：这是一个已使用过的数据目录，中心不会用空数据库启动。${todo.zh}确要重新开始，请把 hub.key 一并移走。 / ` +
            `The database ${file} is missing from a data folder that has a hub.key (one that was in use): the hub will not start on an empty database. ${todo.en} To start afresh on purpose, move hub.key away too.`
        : `数据库文件 ${file} 已损坏（${detail}）：中心不会在损坏的数据库上启动。${todo.zh} / ` +
            `The database ${file} is damaged (${detail}): the hub will not start on it. ${todo.en}`,
    );
    this.name = 'DatabaseUnusableError';
  }
}

/** Before SQLite creates the file: a folder whose hub.key exists once held a database (DESIGN: never start empty by accident). */
export function refuseMissingDatabase(dataDir: string, file: string, keyFileName: string): void {
  const missing = !fs.existsSync(file) || fs.statSync(file).size === 0;
  if (missing && fs.existsSync(path.join(dataDir, keyFileName))) {
    throw new DatabaseUnusableError('missing', file, 'no file');
  }
}

/** SQLite's quick_check over the whole file (reads every page; no index cross-checks), at start only. */
export function refuseDamagedDatabase(db: Database.Database, file: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  } catch (err) {
    if (storageFaultOf(err) === 'corrupt') throw new DatabaseUnusableError('damaged', file, (err as Error).message);
    throw err;
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new DatabaseUnusableError('damaged', file, problems.join('; '));
}
