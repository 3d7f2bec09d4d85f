import { z } from 'zod';
import { epochMs } from './schemas';

/** The folders whose disks the hub watches: its data folder (database, attachments, log) and its backups folder. */
export const DISK_FOLDERS = ['data', 'backups'] as const;
export type DiskFolder = (typeof DISK_FOLDERS)[number];

/**
 * Low disk space (main/services/system/disk-space.ts), to administrators: `low` when a watched folder's disk
 * falls below the configured free space (again every few hours while it stays low), `recovered` when it is back.
 * Folders on one disk are named in one warning. Paths are shown to administrators only.
 */
export const diskWarningSchema = z.object({
  kind: z.enum(['low', 'recovered']),
  at: epochMs,
  folders: z.array(z.object({ folder: z.enum(DISK_FOLDERS), path: z.string() })).min(1),
  freeBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  /** Below this many free bytes the disk is low (the larger of the MB and the percent settings). */
  thresholdBytes: z.number().nonnegative(),
});
export type DiskWarning = z.infer<typeof diskWarningSchema>;
