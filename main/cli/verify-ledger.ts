import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChainHead } from '../../common/contract/duty-log';
import { resolveConfig } from '../config';
import { DB_FILE_NAME } from '../db/connection';
import { KEY_FILE_NAME, KeyFileError, loadHubKeys } from '../security/hub-keys';
import { dutyStore } from '../services/duty/duty-store';
import { verifyChain } from '../services/duty/seal';

/**
 * `npm run verify-ledger [-- --data-dir DIR]`: recomputes the keyed seal chain of the sealed shifts
 * (main/services/duty/seal-verify.ts) on the database opened read-only, so it may run while the hub
 * is up. It needs the hub's key file (hub.key) from the same data folder: the seals are HMACs under
 * it. Prints each unit's chain head (seal number, first 16 hex) to compare with the newest printed
 * handover report. Exit code 0 when the chain is intact, 1 when it is broken or could not be checked.
 */

const PREFIX = '[cityops]';

function headLine(h: ChainHead): string {
  return `${PREFIX} 台账链头 / chain head ${h.orgUnitId}: 第 ${h.seq} 号封存 / seal no. ${h.seq}, ${h.date} ${h.code}, ${h.sealHash.slice(0, 16)}`;
}

function sealKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) {
    throw new KeyFileError(
      `没有密钥文件 ${file}：封存是用它生成的，请从密钥备份恢复 / no key file ${file}: the seals are made with it; restore it from your key backup`,
    );
  }
  try {
    return loadHubKeys(dataDir).sealKey;
  } catch (err) {
    if (err instanceof KeyFileError) {
      throw new KeyFileError(
        `无法读取密钥文件（受操作系统保护的密钥只能在桌面控制台中用“台账校验”核对）/ cannot read the key file: ${err.message}`,
      );
    }
    throw err;
  }
}

function main(): number {
  const { dataDir } = resolveConfig(process.argv.slice(2), process.env);
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) throw new Error(`no database at ${file} (use --data-dir DIR)`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const store = dutyStore(db);
    if (!store.ledger.exists()) {
      console.log(`${PREFIX} 值班台账完好 / duty ledger intact: 0 个封存班次 / 0 sealed shifts (${file})`);
      return 0;
    }
    const result = verifyChain(store, sealKey(dataDir));
    for (const head of result.heads ?? []) console.log(headLine(head));
    if (result.ok) {
      console.log(
        `${PREFIX} 值班台账完好 / duty ledger intact: ${result.sealed} 个封存班次 / ${result.sealed} sealed shifts (${file})`,
      );
      return 0;
    }
    console.error(`${PREFIX} 值班台账被改动 / duty ledger BROKEN: ${result.message.zh}`);
    console.error(`${PREFIX} ${result.message.en} (shift id ${result.shiftId}, reason ${result.reason})`);
    return 1;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (err: unknown) {
  console.error(
    `${PREFIX} 无法校验值班台账 / cannot verify the ledger: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exitCode = 1;
}
