import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { storageFaultOf } from './storage-errors';

/** Why the hub will not start on its data folder's database. */
export type UnusableCause = 'missing' | 'damaged';

/**
 * The database cannot be used: missing from a folder that held one, or damaged. The hub does not
 * start (an empty or damaged database would be taken for the center's records); the message says
 * what to do, in both languages.
 */
export class DatabaseUnusableError extends Error {
  constructor(
    readonly reason: UnusableCause,
    readonly file: string,
    detail: string,
  ) {
    super(
      reason === 'missing'
        ? `数据库文件 ${file} 不存在，但数据目录中有 hub.key：这是一个已使用过的数据目录，中心不会用空数据库启动。请从最新的备份恢复（npm run restore -- <备份文件>）；确要重新开始，请把 hub.key 一并移走。 / ` +
            `The database ${file} is missing from a data folder that has a hub.key (one that was in use): the hub will not start on an empty database. Restore the newest backup (npm run restore -- <backup>); to start afresh on purpose, move hub.key away too.`
        : `数据库文件 ${file} 已损坏（${detail}）：中心不会在损坏的数据库上启动。请从最新的完好备份恢复（npm run restore -- <备份文件>）。 / ` +
            `The database ${file} is damaged (${detail}): the hub will not start on it. Restore the newest good backup (npm run restore -- <backup>).`,
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
