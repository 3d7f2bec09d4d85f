import path from 'node:path';
import { ConfigError } from './config-error';
import { DEFAULT_RETENTION, type RetentionPolicy } from './services/backups/retention';
import { parseTimeOfDay } from './services/backups/schedule';

export interface BackupConfig {
  /** --backup-dir / CITYOPS_BACKUP_DIR, default `<dataDir>/backups`. */
  dir: string;
  /** --backup-time / CITYOPS_BACKUP_TIME ('HH:mm' Shanghai time, or 'off'), default 03:00; minutes after midnight. */
  dailyAt: number | null;
  /** CITYOPS_BACKUP_KEEP_DAILY / _WEEKLY / _MONTHLY, default 7 / 4 / 12. */
  retention: RetentionPolicy;
}

function keep(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > 1000) {
    throw new ConfigError(`${name} must be a whole number from ${min} to 1000, got "${raw}"`);
  }
  return n;
}

/** The scheduled backups' settings (main/services/backups): flags win over the environment. */
export function backupConfig(values: Record<string, unknown>, env: NodeJS.ProcessEnv, dataDir: string): BackupConfig {
  const flagDir = values['backup-dir'];
  const flagTime = values['backup-time'];
  if (flagDir === true || flagDir === '') throw new ConfigError('--backup-dir needs a folder');
  if (flagTime === true || flagTime === '') throw new ConfigError('--backup-time needs a time such as 03:00, or off');
  const dir = typeof flagDir === 'string' ? flagDir : env.CITYOPS_BACKUP_DIR || path.join(dataDir, 'backups');
  const [source, rawTime] =
    typeof flagTime === 'string' ? ['--backup-time', flagTime] : ['CITYOPS_BACKUP_TIME', env.CITYOPS_BACKUP_TIME ?? ''];
  const text = rawTime.trim() === '' ? '03:00' : rawTime.trim();
  const off = text.toLowerCase() === 'off';
  const dailyAt = off ? null : parseTimeOfDay(text);
  if (!off && dailyAt === null) {
    throw new ConfigError(`${source} must be a Shanghai time such as 03:00 (00:00–23:59), or off; got "${rawTime}"`);
  }
  return {
    dir: path.resolve(dir),
    dailyAt,
    retention: {
      // The newest backup is always kept: at least one daily.
      daily: keep(env, 'CITYOPS_BACKUP_KEEP_DAILY', DEFAULT_RETENTION.daily, 1),
      weekly: keep(env, 'CITYOPS_BACKUP_KEEP_WEEKLY', DEFAULT_RETENTION.weekly, 0),
      monthly: keep(env, 'CITYOPS_BACKUP_KEEP_MONTHLY', DEFAULT_RETENTION.monthly, 0),
    },
  };
}
