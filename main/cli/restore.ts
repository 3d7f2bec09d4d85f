import path from 'node:path';
import { ApiError } from '../../common/contract';
import { systemClock } from '../clock';
import { resolveConfig } from '../config';
import { KEY_FILE_NAME } from '../security/hub-keys';
import { restoreBackup } from '../services/backups/restore';

/**
 * `npm run restore -- <backup> [--data-dir DIR] [--backup-dir DIR]`: main/services/backups/restore.ts. The
 * backup is a path, or the name of one in the backups folder (the 备份与恢复 page lists them).
 */
function main(): void {
  const args = process.argv.slice(2);
  const valued = new Set(['--data-dir', '--backup-dir', '--backup-time']);
  const backup = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  if (!backup) throw new Error('usage: npm run restore -- <backup file or name> [--data-dir DIR]');
  const config = resolveConfig(args, process.env);
  const result = restoreBackup({
    dataDir: config.dataDir,
    backupsDir: config.backups.dir,
    backup,
    now: systemClock(),
  });
  console.log(`[cityops] 已恢复 / restored: ${result.backup} (schema ${result.schemaVersion})`);
  for (const file of result.keptAside) console.log(`[cityops] 原数据库已保留 / the replaced file is kept as: ${file}`);
  console.log(`[cityops] 补回附件 / attachments brought back: ${result.attachments.files}`);
  console.log(
    `[cityops] 备份时间之后的数据已不在当前数据库中 / everything written after the backup was made is not in the database now.` +
      ` 请确认 ${path.join(config.dataDir, KEY_FILE_NAME)} 仍是原来的密钥文件 / make sure this is still the hub's own key file.`,
  );
}

try {
  main();
} catch (err) {
  const text = err instanceof ApiError ? `${err.code}: ${err.bilingual.zh} / ${err.bilingual.en}` : String(err);
  console.error(`[cityops] 恢复失败 / restore refused: ${text}`);
  process.exit(1);
}
