import { shanghaiDay, shanghaiParts } from '../../../common/domain/time';
import type { BackupName } from './backup-names';

/** How many of the newest days, weeks and months keep one backup each (default 7, 4, 12). */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

export type BackupKind = 'daily' | 'weekly' | 'monthly' | 'pre-upgrade' | 'pre-restore';

export interface RetentionPlan {
  /** Each kept backup's name and the widest period it stands for. */
  keep: Map<string, BackupKind>;
  /** Scheduled backups no period needs any more, to delete. */
  remove: string[];
}

/** Shanghai weeks start on Monday; day 0 (1970-01-01) was a Thursday. */
export function shanghaiWeek(at: number): number {
  return Math.floor((shanghaiDay(at) + 3) / 7);
}

export function shanghaiMonth(at: number): number {
  const p = shanghaiParts(at);
  return p.year * 12 + (p.month - 1);
}

const PERIODS: readonly { kind: Exclude<BackupKind, 'pre-upgrade' | 'pre-restore'>; bucket: (at: number) => number }[] =
  [
    { kind: 'monthly', bucket: shanghaiMonth },
    { kind: 'weekly', bucket: shanghaiWeek },
    { kind: 'daily', bucket: shanghaiDay },
  ];

/**
 * Which backups to keep: for each period (day, week, month in Shanghai time) the newest backup of each of
 * the `n` newest periods that have one — a gap (the hub was off) does not use up a slot. A backup may stand
 * for several periods; it is labelled with the widest. Backups made before a schema upgrade or a restore are
 * never removed here: they are the way back from that version, or from that restore.
 */
export function planRetention(backups: readonly BackupName[], policy: RetentionPolicy): RetentionPlan {
  const keep = new Map<string, BackupKind>();
  for (const b of backups) if (b.origin !== 'scheduled') keep.set(b.name, b.origin);
  const scheduled = backups
    .filter((b) => b.origin === 'scheduled')
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
  for (const { kind, bucket } of PERIODS) {
    const limit = policy[kind];
    const seen = new Set<number>();
    for (const b of scheduled) {
      const key = bucket(b.at);
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      // PERIODS goes widest first, so a backup keeps the widest label it earned.
      if (!keep.has(b.name)) keep.set(b.name, kind);
    }
  }
  return { keep, remove: scheduled.filter((b) => !keep.has(b.name)).map((b) => b.name) };
}
