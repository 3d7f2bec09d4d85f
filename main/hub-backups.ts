import path from 'node:path';
import type { EventBus } from './api/event-bus';
import type { Clock } from './clock';
import { openDatabase, type Db, type OpenDbOptions } from './db/connection';
import { holdHubLock } from './db/hub-lock';
import { DatabaseUnusableError } from './db/store-check';
import type { HubOptions } from './hub';
import { HubHealthProbe } from './hub-health';
import type { CameraGateway } from './media/gateway';
import { BackupService, type BackupSettings } from './services/backups/backup-service';
import { offerNewestGoodBackup } from './services/backups/offer';
import { backupBeforeUpgrade } from './services/backups/pre-upgrade';
import { DEFAULT_RETENTION } from './services/backups/retention';
import type { DutySystemLog } from './services/duty/system-log';
import { DEFAULT_LOW_DISK, DiskWatch, diskWarningText } from './services/system/disk-space';

/** The hub's backup settings: the configured ones, else `<dataDir>/backups`, daily at 03:00, 7/4/12. */
export function backupSettings(options: HubOptions): BackupSettings {
  return (
    options.backups ?? { dir: path.join(options.dataDir, 'backups'), dailyAt: 3 * 60, retention: DEFAULT_RETENTION }
  );
}

/**
 * Opens the hub's database — copied into the backups folder first when its schema is about to be upgraded — and
 * marks the data folder as held by this process (`npm run restore` refuses while it is; main/db/hub-lock.ts).
 */
export function openHubDatabase(options: HubOptions, clock: Clock): { db: Db; releaseLock: () => void } {
  const db = openOrOfferBackup(options, clock);
  try {
    return { db, releaseLock: holdHubLock(options.dataDir) };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A database the hub refuses (damaged, or missing beside hub.key) is refused with the newest good backup of the
 * backups folder and the command that restores it (main/services/backups/offer.ts); nothing is restored here.
 */
function openOrOfferBackup(options: HubOptions, clock: Clock): Db {
  try {
    return openDatabase(options.dataDir, databaseOptions(options, clock));
  } catch (err) {
    if (!(err instanceof DatabaseUnusableError)) throw err;
    const offer = offerNewestGoodBackup({
      dataDir: options.dataDir,
      backupsDir: backupSettings(options).dir,
      env: process.env,
    });
    throw new DatabaseUnusableError(err.reason, err.file, err.detail, offer);
  }
}

function databaseOptions(options: HubOptions, clock: Clock): OpenDbOptions {
  const { dir } = backupSettings(options);
  return {
    nativeBinding: options.sqliteNativeBinding,
    beforeUpgrade: (db, from) => {
      const file = backupBeforeUpgrade(db, dir, clock(), from);
      console.log(`[backup] 升级前备份 / backup before the upgrade from schema ${from}: ${path.basename(file)}`);
    },
  };
}

export interface UpkeepDeps {
  db: Db;
  systemLog: DutySystemLog;
  gateway: CameraGateway;
  bus: EventBus;
}

export interface Upkeep {
  backups: BackupService;
  health: HubHealthProbe;
  disk: DiskWatch;
}

/** What keeps the hub safe to leave running: its scheduled backups, its disks' free space and its health probe. */
export function openUpkeep(options: HubOptions, clock: Clock, deps: UpkeepDeps): Upkeep {
  const { db, gateway, bus } = deps;
  const disk = new DiskWatch({
    folders: [
      { folder: 'data', dir: options.dataDir },
      { folder: 'backups', dir: backupSettings(options).dir },
    ],
    policy: options.lowDisk ?? DEFAULT_LOW_DISK,
    clock,
    ...(options.diskReader ? { read: options.diskReader } : {}),
    warn: (warning) => {
      console.warn(`[hub] ${diskWarningText(warning)}`);
      bus.publish('system.diskWarning', warning, { roles: ['admin'] });
    },
  });
  return {
    backups: openBackups(options, clock, deps.systemLog, () => db.open),
    health: new HubHealthProbe({ db, clock, gateway, bus, disk }),
    disk,
  };
}

/** The scheduled backups; a failure goes into the center's duty log while the hub is open. */
function openBackups(
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
