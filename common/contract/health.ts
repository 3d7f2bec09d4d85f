import { z } from 'zod';
import { GATEWAY_STATES } from './media';
import { method } from './define';
import { empty, epochMs } from './schemas';

/**
 * The hub's health: what `GET /healthz` answers a monitoring probe without a session, and administrators see
 * on the 备份与恢复 page. Counts, flags and times only — no paths, names or addresses.
 */
export const hubHealthSchema = z.object({
  /** The database takes writes. */
  ok: z.boolean(),
  version: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
  /**
   * `writable`: the write lock can be taken and no write has been refused by the store since the last one that was
   * stored (a full disk lets the lock be taken and fails the commit); `fault`: that refusal's cause.
   */
  database: z.object({ writable: z.boolean(), fault: z.enum(['full', 'readonly', 'io', 'corrupt']).optional() }),
  /**
   * Free bytes of the data folder's and the backups folder's disks for this process (null where the OS does not
   * tell), and whether each is below the low-disk threshold (a warning: `ok` stays true).
   */
  disk: z.object({
    freeBytes: z.number().nonnegative().nullable(),
    low: z.boolean(),
    backupsFreeBytes: z.number().nonnegative().nullable(),
    backupsLow: z.boolean(),
  }),
  /** Each periodic sweep's last run on the hub's clock; null before its first. */
  sweeps: z.record(z.string(), epochMs.nullable()),
  /** The camera gateway's ingests by state. */
  mediaGateway: z.record(z.enum(GATEWAY_STATES), z.number().int().nonnegative()),
  /** Console and wall windows attached to the hub now. */
  consoles: z.number().int().nonnegative(),
});
export type HubHealth = z.infer<typeof hubHealthSchema>;

export const healthMethods = {
  'admin.health': method({
    input: empty,
    output: hubHealthSchema,
    access: ['admin'],
    writes: false,
    summary: 'The hub’s health (the same facts as GET /healthz)',
  }),
} as const;
