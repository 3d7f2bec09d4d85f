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
  .regex(
    /^cityops-\d{8}-\d{6}(-pre-upgrade|-pre-restore)?\.sqlite$/,
    'a backup file name such as cityops-20261203-030000.sqlite',
  );

export const backupKindSchema = z.enum(['daily', 'weekly', 'monthly', 'pre-upgrade', 'pre-restore']);

export const backupEntrySchema = z.object({
  name: backupNameSchema,
  /** When it was made (the time in its name). */
  at: epochMs,
  /**
   * The widest period it is kept for, or made before a schema upgrade or before a restore from the console
   * (those two are never removed by retention).
   */
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

/** What restoring a backup discards: written to the current database after the backup was made. */
export const restorePreviewSchema = z.object({
  name: backupNameSchema,
  /** When the backup was made (the time in its name). */
  at: epochMs,
  /** The backup's schema version; an older one is upgraded after the restore. */
  schemaVersion: z.number().int().nonnegative(),
  /** The schema version of this hub's code. */
  currentSchemaVersion: z.number().int().nonnegative(),
  lost: z.object({
    /** Orders the backup does not have. */
    ordersCreated: z.number().int().nonnegative(),
    /** Orders the backup has, changed since (state, handler, deadline … any step). */
    ordersChanged: z.number().int().nonnegative(),
    /** Duty log entries (值班日志) the backup does not have, system entries included. */
    dutyLogEntries: z.number().int().nonnegative(),
    /** Audit rows the backup does not have. */
    auditRows: z.number().int().nonnegative(),
  }),
});
export type RestorePreview = z.infer<typeof restorePreviewSchema>;

/** Typed to confirm a restore: the backup's name, or 恢复. */
export const RESTORE_CONFIRM_WORD = '恢复';

export const restoreResultSchema = z.object({
  /** The backup now in use. */
  name: backupNameSchema,
  at: epochMs,
  schemaVersion: z.number().int().nonnegative(),
  /** The copy of the database as it was just before the restore (restore it to undo this one). */
  preRestore: backupNameSchema,
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

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
  'admin.backups.restorePreview': method({
    input: z.object({ name: backupNameSchema }),
    output: restorePreviewSchema,
    access: ['admin'],
    writes: false,
    summary: 'What restoring one backup would discard: counts written to the current database since it was made',
  }),
  'admin.backups.restore': method({
    input: z.object({ name: backupNameSchema, confirm: z.string().max(80) }),
    output: restoreResultSchema,
    access: ['admin'],
    writes: true,
    summary:
      'Restore one backup on the running hub (a pre-restore backup first); every console signs in again afterwards',
  }),
} as const;
