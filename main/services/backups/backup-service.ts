import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupStatus } from '../../../common/contract/backups';
import { apiError, type Bilingual } from '../../../common/contract/errors';
import { hhmm, MINUTE_MS, dayStart } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import { backupDatabase } from '../../db/backup';
import { DB_FILE_NAME } from '../../db/connection';
import { copyAttachments } from './attachments-copy';
import { checkBackupFile, listBackups, pruneBackups, type FolderBackup } from './backup-folder';
import { backupFileName } from './backup-names';
import { BackupStateFile, type BackupState } from './backup-state';
import { failureReason } from './failure-reason';
import type { RetentionPolicy } from './retention';
import { nextRunAt } from './schedule';

export interface BackupSettings {
  /** The backups folder (default `<dataDir>/backups`). */
  dir: string;
  /** Minutes after Shanghai midnight of the daily backup (default 03:00); null: no schedule. */
  dailyAt: number | null;
  retention: RetentionPolicy;
}

export interface BackupServiceDeps {
  dataDir: string;
  settings: BackupSettings;
  clock: Clock;
  /** A failed backup, already in the state: the hub writes it into the duty log. */
  onFailure: (reason: Bilingual) => void;
  /** The hub's own output (default console). */
  log?: (line: string) => void;
}

export const BACKUP_STATE_FILE = 'backup-state.json';
/** How long after a failed scheduled backup it is tried again. */
export const BACKUP_RETRY_MS = 60 * 60_000;

/**
 * The hub's online backups (docs: README, "Backup and restore"): on its schedule (`tick`, driven by the
 * injected clock) and on request (`run`), each the attachments copied incrementally, then the database through
 * SQLite's backup API, checked with integrity_check, then the retention policy applied. One runs at a time.
 */
export class BackupService {
  private running: Promise<BackupEntry> | null = null;
  private nextRun: number | null;
  private readonly state: BackupStateFile;

  constructor(private readonly deps: BackupServiceDeps) {
    const { dailyAt } = deps.settings;
    this.nextRun = dailyAt === null ? null : nextRunAt(deps.clock(), dailyAt);
    this.state = new BackupStateFile(path.join(deps.dataDir, BACKUP_STATE_FILE));
  }

  /**
   * Starts the scheduled backup once its time has come; answers that run (tests await it: the backup, or
   * null when it failed — recorded like any failure), else null.
   */
  tick(): Promise<BackupEntry | null> | null {
    const { dailyAt } = this.deps.settings;
    const now = this.deps.clock();
    if (this.nextRun === null || dailyAt === null || now < this.nextRun || this.running) return null;
    // A hub that was off (or a clock moved by days) makes one backup, not one per missed day.
    this.nextRun = nextRunAt(now, dailyAt);
    try {
      return this.run().catch(() => {
        this.retryLater();
        return null;
      });
    } catch {
      // Refused before it began (a backup on request running, or made this very second).
      this.retryLater();
      return null;
    }
  }

  /**
   * A scheduled backup that failed is tried again BACKUP_RETRY_MS later (each failure recorded and
   * notified like the first), until one succeeds or the next day's time comes — an unattended hub
   * whose disk was freed in the morning should not wait a day for its backup.
   */
  private retryLater(): void {
    const retryAt = this.deps.clock() + BACKUP_RETRY_MS;
    if (this.nextRun !== null && retryAt < this.nextRun) this.nextRun = retryAt;
  }

  /** Backs up now; a failure is recorded (state, duty log) and thrown as E_STORAGE with its reason. */
  run(): Promise<BackupEntry> {
    const at = this.deps.clock();
    return this.start(at, backupFileName(at, 'scheduled'), true);
  }

  /**
   * The database as it is now, under the `…-pre-restore.sqlite` name a restore from the console chose
   * (hub-restore.ts): the way back from that restore. Fails like `run`. Retention is not applied: it could
   * remove the very backup being restored (an older one of the same day).
   */
  backUpBeforeRestore(at: number): Promise<BackupEntry> {
    return this.start(at, backupFileName(at, 'pre-restore'), false);
  }

  /** Refuses what `run` would refuse now: a backup running, or one already made this second under `name`. */
  checkCanStart(name: string): void {
    if (this.running) {
      throw apiError('E_CONFLICT', '正在备份，请稍后再试', 'A backup is running; try again when it has finished');
    }
    if (fs.existsSync(path.join(this.deps.settings.dir, name))) {
      throw apiError('E_CONFLICT', '这一秒已有一份备份，请稍后再试', 'A backup was made this second; try again');
    }
  }

  private start(at: number, name: string, prune: boolean): Promise<BackupEntry> {
    this.checkCanStart(name);
    const run = this.backUp(at, name, prune).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async backUp(at: number, name: string, prune: boolean): Promise<BackupEntry> {
    const { dir, retention } = this.deps.settings;
    const dest = path.join(dir, name);
    try {
      // No chmod of an existing folder: an operator's permissions on it are theirs to choose.
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Attachments first: a database backup is complete only with the files it names.
      const files = copyAttachments(path.join(this.deps.dataDir, 'attachments'), path.join(dir, 'attachments'));
      const result = await backupDatabase(path.join(this.deps.dataDir, DB_FILE_NAME), dest);
      const removed = prune ? pruneBackups(dir, retention) : [];
      this.update((s) => {
        s.verified = without(s.verified, removed);
        s.verified[name] = this.deps.clock();
        s.lastSuccess = { at, name, bytes: result.bytes };
      });
      this.log(`备份完成 / backup written: ${name} (${result.bytes} bytes, ${files.files} new attachments)`);
      return this.entry(name);
    } catch (err) {
      removeQuietly(`${dest}.partial`);
      const reason = failureReason(err);
      this.update((s) => {
        s.lastFailure = { at, reason };
      });
      this.log(`备份失败 / backup failed: ${reason.zh} / ${reason.en}: ${String(err)}`);
      this.deps.onFailure(reason);
      // A backup that cannot be written is a storage fault (of the backups folder), not a conflict.
      throw apiError('E_STORAGE', `备份失败：${reason.zh}`, `Backup failed: ${reason.en}`, { reason });
    }
  }

  /** Checks one listed backup again (integrity_check); a damaged one is reported, never deleted. */
  verify(name: string): BackupEntry {
    const file = this.fileOf(name);
    const result = checkBackupFile(file);
    if (result !== 'ok') {
      this.update((s) => {
        s.verified = without(s.verified, [name]);
      });
      throw apiError('E_CONFLICT', `备份 ${name} 已损坏，不能用于恢复`, `Backup ${name} is damaged; do not restore it`);
    }
    this.update((s) => {
      s.verified[name] = this.deps.clock();
    });
    return this.entry(name);
  }

  /**
   * The path of a backup listed in the backups folder, by its name only (never a path: the contract's name
   * pattern has already refused anything else); E_NOT_FOUND when the folder has no such backup.
   */
  fileOf(name: string): string {
    if (!this.list().some((b) => b.name === name)) {
      throw apiError('E_NOT_FOUND', `没有名为 ${name} 的备份`, `No backup named ${name}`);
    }
    return path.join(this.deps.settings.dir, name);
  }

  status(): BackupStatus {
    const { dir, dailyAt, retention } = this.deps.settings;
    const s = this.state.read();
    return {
      dir,
      dailyAt: dailyAt === null ? null : hhmm(dayStart(0) + dailyAt * MINUTE_MS),
      retention: { ...retention },
      nextRunAt: this.nextRun,
      running: this.running !== null,
      lastSuccess: s.lastSuccess,
      lastFailure: s.lastFailure,
      backups: this.list().map((b) => toEntry(b, s)),
    };
  }

  private list(): FolderBackup[] {
    return listBackups(this.deps.settings.dir, this.deps.settings.retention);
  }

  private entry(name: string): BackupEntry {
    const found = this.list().find((b) => b.name === name);
    if (!found) throw new Error(`backup ${name} vanished`);
    return toEntry(found, this.state.read());
  }

  /** The state file is the hub's memory of its backups; failing to write it is logged, never fatal. */
  private update(change: (s: BackupState) => void): void {
    const s = this.state.read();
    change(s);
    try {
      this.state.write(s);
    } catch (err) {
      this.log(`备份状态无法保存 / backup state not saved: ${String(err)}`);
    }
  }

  private log(line: string): void {
    (this.deps.log ?? ((l: string) => console.log(l)))(`[backup] ${line}`);
  }
}

/** Removes a leftover file; a folder that is not one (the failure being handled) is no second error. */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing to remove
  }
}

function without(verified: Record<string, number>, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(verified).filter(([name]) => !names.includes(name)));
}

function toEntry(b: FolderBackup, s: BackupState): BackupEntry {
  return { name: b.name, at: b.at, kind: b.kind, bytes: b.bytes, verifiedAt: s.verified[b.name] ?? null };
}
