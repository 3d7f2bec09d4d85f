import { z } from 'zod';
import { method } from './define';
import { empty, epochMs } from './schemas';

const bilingualSchema = z.object({ zh: z.string(), en: z.string() });

/**
 * A backup's file name as the hub writes it (main/services/backups/backup-names.ts): anything else — a path,
 * `..`, control characters — is refused before a handler sees it.
 */
export const backupNameSchema = z
  .string()
  .max(64)
  .regex(/^cityops-\d{8}-\d{6}(-pre-upgrade)?\.sqlite$/, 'a backup file name such as cityops-20261203-030000.sqlite');

export const backupKindSchema = z.enum(['daily', 'weekly', 'monthly', 'pre-upgrade']);

export const backupEntrySchema = z.object({
  name: backupNameSchema,
  /** When it was made (the time in its name). */
  at: epochMs,
  /** The widest period it is kept for, or made before a schema upgrade (never removed by retention). */
  kind: backupKindSchema,
  bytes: z.number().int().nonnegative(),
  /** When SQLite's integrity_check last passed on this file; null when this hub never checked it. */
  verifiedAt: epochMs.nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupStatusSchema = z.object({
  /** The backups folder on the hub, for the restore command an administrator runs there. */
  dir: z.string(),
  /** The daily backup's Shanghai time, 'HH:mm'; null when the schedule is off. */
  dailyAt: z.string().nullable(),
  retention: z.object({ daily: z.number().int(), weekly: z.number().int(), monthly: z.number().int() }),
  nextRunAt: epochMs.nullable(),
  running: z.boolean(),
  lastSuccess: z.object({ at: epochMs, name: z.string(), bytes: z.number().int().nonnegative() }).nullable(),
  lastFailure: z.object({ at: epochMs, reason: bilingualSchema }).nullable(),
  /** Newest first. */
  backups: z.array(backupEntrySchema),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupMethods = {
  'admin.backups.status': method({
    input: empty,
    output: backupStatusSchema,
    access: ['admin'],
    writes: false,
    summary: 'Scheduled backups: the list, last success and failure, next run',
  }),
  'admin.backups.run': method({
    input: empty,
    output: backupEntrySchema,
    access: ['admin'],
    writes: true,
    summary: 'Back up the database and attachments now',
  }),
  'admin.backups.verify': method({
    input: z.object({ name: backupNameSchema }),
    output: backupEntrySchema,
    access: ['admin'],
    writes: true,
    summary: 'Run SQLite’s integrity check on one backup again',
  }),
} as const;
