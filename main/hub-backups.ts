import path from 'node:path';
import type { Clock } from './clock';
import type { OpenDbOptions } from './db/connection';
import type { HubOptions } from './hub';
import { BackupService, type BackupSettings } from './services/backups/backup-service';
import { backupBeforeUpgrade } from './services/backups/pre-upgrade';
import { DEFAULT_RETENTION } from './services/backups/retention';
import type { DutySystemLog } from './services/duty/system-log';

/** The hub's backup settings: the configured ones, else `<dataDir>/backups`, daily at 03:00, 7/4/12. */
export function backupSettings(options: HubOptions): BackupSettings {
  return (
    options.backups ?? { dir: path.join(options.dataDir, 'backups'), dailyAt: 3 * 60, retention: DEFAULT_RETENTION }
  );
}

/** How the hub opens its database: the database is copied into the backups folder before its schema is upgraded. */
export function databaseOptions(options: HubOptions, clock: Clock): OpenDbOptions {
  const { dir } = backupSettings(options);
  return {
    nativeBinding: options.sqliteNativeBinding,
    beforeUpgrade: (db, from) => {
      const file = backupBeforeUpgrade(db, dir, clock(), from);
      console.log(`[backup] 升级前备份 / backup before the upgrade from schema ${from}: ${path.basename(file)}`);
    },
  };
}

/** The scheduled backups; a failure goes into the center's duty log while the hub is open. */
export function openBackups(
  options: HubOptions,
  clock: Clock,
  systemLog: DutySystemLog,
  isOpen: () => boolean,
): BackupService {
  return new BackupService({
    dataDir: options.dataDir,
    settings: backupSettings(options),
    clock,
    onFailure: (reason) => {
      if (!isOpen()) return;
      try {
        systemLog.backupFailed(reason);
      } catch (err) {
        console.error('[backup] the failure could not be written to the duty log:', err);
      }
    },
  });
}
