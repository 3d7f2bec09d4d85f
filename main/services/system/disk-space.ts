import fs from 'node:fs';
import path from 'node:path';
import type { DiskFolder, DiskWarning } from '../../../common/contract';
import type { Clock } from '../../clock';

/** One disk's free and total bytes for this process, and the device it is (folders on one disk warn once). */
export interface DiskReading {
  freeBytes: number;
  totalBytes: number;
  device: number | null;
}
export type DiskReader = (dir: string) => DiskReading | null;

/** When a disk is low: below `minFreeMb`, or below `minFreePercent` of its size; 0 turns a criterion off. */
export interface LowDiskPolicy {
  minFreeMb: number;
  minFreePercent: number;
  /** While a disk stays low, administrators are told again after this many hours. */
  repeatHours: number;
}

export const DEFAULT_LOW_DISK: LowDiskPolicy = { minFreeMb: 2048, minFreePercent: 5, repeatHours: 6 };

const MB = 1024 * 1024;
/** Back to normal only 10 % above the threshold: a disk hovering at it does not warn and recover every sweep. */
const RECOVERY_MARGIN = 1.1;

/** statfs of the folder, else of its nearest existing parent (the backups folder appears at the first backup). */
export function readDisk(dir: string): DiskReading | null {
  let at = path.resolve(dir);
  for (;;) {
    try {
      const s = fs.statfsSync(at);
      return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize, device: fs.statSync(at).dev };
    } catch (err) {
      const parent = path.dirname(at);
      if (parent === at || (err as NodeJS.ErrnoException).code !== 'ENOENT') return null;
      at = parent;
    }
  }
}

/** Free bytes below which a disk of `totalBytes` is low: the larger of the two settings. */
export function lowDiskThreshold(policy: LowDiskPolicy, totalBytes: number): number {
  return Math.max(policy.minFreeMb * MB, Math.floor((totalBytes * policy.minFreePercent) / 100));
}

export interface WatchedFolder {
  folder: DiskFolder;
  dir: string;
}

export interface FolderDisk extends WatchedFolder {
  reading: DiskReading | null;
  thresholdBytes: number;
  low: boolean;
}

export interface DiskWatchDeps {
  folders: WatchedFolder[];
  policy: LowDiskPolicy;
  clock: Clock;
  /** Tells administrators (an event to them, and the hub's output). */
  warn: (warning: DiskWarning) => void;
  read?: DiskReader;
}

/**
 * Low disk space before it becomes a full disk (docs: README, Storage faults): `sweep` reads each watched folder's
 * disk on the hub's clock. A disk that falls below the threshold is warned about once, again at most every
 * `repeatHours` while it stays low, and once more when it is back (10 % above the threshold).
 */
export class DiskWatch {
  private readonly read: DiskReader;
  /** Disks warned about as low: when they were last warned about. */
  private readonly lowDisks = new Map<string, { warnedAt: number }>();

  constructor(private readonly deps: DiskWatchDeps) {
    this.read = deps.read ?? readDisk;
  }

  /** Each folder's disk now, and whether it is low (the health card and /healthz). */
  status(): FolderDisk[] {
    return this.deps.folders.map((f) => {
      const reading = this.read(f.dir);
      const thresholdBytes = reading ? lowDiskThreshold(this.deps.policy, reading.totalBytes) : 0;
      return { ...f, reading, thresholdBytes, low: reading !== null && reading.freeBytes < thresholdBytes };
    });
  }

  /** Reads the disks and warns as due; answers the warnings given. */
  sweep(): DiskWarning[] {
    const now = this.deps.clock();
    const repeatMs = this.deps.policy.repeatHours * 3_600_000;
    const warnings: DiskWarning[] = [];
    for (const [key, disks] of this.byDisk()) {
      const first = disks[0];
      if (!first?.reading) continue;
      const { freeBytes, totalBytes } = first.reading;
      const warned = this.lowDisks.get(key);
      const folders = disks.map((d) => ({ folder: d.folder, path: d.dir }));
      const facts = { at: now, folders, freeBytes, totalBytes, thresholdBytes: first.thresholdBytes };
      if (first.low && (warned === undefined || now - warned.warnedAt >= repeatMs)) {
        this.lowDisks.set(key, { warnedAt: now });
        warnings.push({ kind: 'low', ...facts });
      } else if (warned !== undefined && freeBytes >= first.thresholdBytes * RECOVERY_MARGIN) {
        this.lowDisks.delete(key);
        warnings.push({ kind: 'recovered', ...facts });
      }
    }
    for (const w of warnings) this.deps.warn(w);
    return warnings;
  }

  /** The folders grouped by the disk they are on (by device; a folder whose device is unknown on its own). */
  private byDisk(): Map<string, FolderDisk[]> {
    const groups = new Map<string, FolderDisk[]>();
    for (const disk of this.status()) {
      const key = disk.reading?.device != null ? `dev:${disk.reading.device}` : `dir:${disk.dir}`;
      groups.set(key, [...(groups.get(key) ?? []), disk]);
    }
    return groups;
  }
}

const FOLDER_NAMES: Record<DiskFolder, { zh: string; en: string }> = {
  data: { zh: '数据文件夹', en: 'data folder' },
  backups: { zh: '备份文件夹', en: 'backups folder' },
};

/** Bytes as an operator reads them: MB below a GB, else GB with one decimal. */
export function formatDiskBytes(bytes: number): string {
  return bytes < 1024 * MB ? `${Math.floor(bytes / MB)} MB` : `${(bytes / (1024 * MB)).toFixed(1)} GB`;
}

/** One line for the hub's output, both languages. */
export function diskWarningText(w: DiskWarning): string {
  const zhFolders = w.folders.map((f) => `${FOLDER_NAMES[f.folder].zh} ${f.path}`).join('、');
  const enFolders = w.folders.map((f) => `${FOLDER_NAMES[f.folder].en} ${f.path}`).join(', ');
  const free = formatDiskBytes(w.freeBytes);
  const limit = formatDiskBytes(w.thresholdBytes);
  return w.kind === 'low'
    ? `磁盘空间不足：${zhFolders} 所在磁盘仅剩 ${free}（警戒线 ${limit}），请尽快清理或扩容，磁盘写满后将无法保存数据 / ` +
        `low disk space: the disk of the ${enFolders} has ${free} free (alert below ${limit}); free space before it fills and writes fail`
    : `磁盘空间已恢复：${zhFolders} 所在磁盘剩余 ${free} / disk space back to normal: the disk of the ${enFolders} has ${free} free`;
}
