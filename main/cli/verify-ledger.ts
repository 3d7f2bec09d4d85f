import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { resolveConfig } from '../config';
import { DB_FILE_NAME } from '../db/connection';
import { verifyChain } from '../services/duty/seal';

/**
 * `npm run verify-ledger [-- --data-dir DIR]`: recomputes the hash chain of the sealed shifts
 * (main/services/duty/seal.ts) on the database opened read-only, so it may run while the hub is up.
 * Exit code 0 when the chain is intact, 1 when it is broken or could not be checked.
 */
function main(): number {
  const { dataDir } = resolveConfig(process.argv.slice(2), process.env);
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) throw new Error(`no database at ${file} (use --data-dir DIR)`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasLedger = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'duty_seals'`).get();
    if (hasLedger === undefined) {
      console.log(`[cityops] 值班台账完好 / duty ledger intact: 0 个封存班次 / 0 sealed shifts (${file})`);
      return 0;
    }
    const result = verifyChain(db);
    if (result.ok) {
      console.log(
        `[cityops] 值班台账完好 / duty ledger intact: ${result.sealed} 个封存班次 / ${result.sealed} sealed shifts (${file})`,
      );
      return 0;
    }
    console.error(`[cityops] 值班台账被改动 / duty ledger BROKEN: ${result.message.zh}`);
    console.error(`[cityops] ${result.message.en} (shift id ${result.shiftId}, reason ${result.reason})`);
    return 1;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (err: unknown) {
  console.error(
    `[cityops] 无法校验值班台账 / cannot verify the ledger: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exitCode = 1;
}
