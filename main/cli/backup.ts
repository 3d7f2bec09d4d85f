import path from 'node:path';
import { resolveConfig } from '../config';
import { backupDatabase } from '../db/backup';
import { DB_FILE_NAME } from '../db/connection';
import { KEY_FILE_NAME } from '../security/hub-keys';

/** `npm run backup -- <file> [--data-dir DIR]`: see main/db/backup.ts and the README's restore steps. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const target = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--data-dir');
  if (!target) throw new Error('usage: npm run backup -- <backup-file> [--data-dir DIR]');
  const { dataDir } = resolveConfig(args, process.env);
  const result = await backupDatabase(path.join(dataDir, DB_FILE_NAME), path.resolve(target));
  console.log(
    `[cityops] 备份完成 / backup written: ${result.file} (schema ${result.schemaVersion}, ${result.bytes} bytes)`,
  );
  console.log(
    `[cityops] 提醒：备份不含密钥文件 ${path.join(dataDir, KEY_FILE_NAME)}，请另行备份；恢复时放回数据库旁，否则摄像机凭据需重新填写、台账封印无法校验` +
      ` / reminder: the backup does not contain the key file ${path.join(dataDir, KEY_FILE_NAME)}; back it up separately` +
      ' and restore it beside the database, or camera credentials must be re-entered and ledger seals cannot be verified',
  );
}

main().catch((err: unknown) => {
  console.error(`[cityops] 备份失败 / backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
