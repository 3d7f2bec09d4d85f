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
  database: z.object({ writable: z.boolean() }),
  /** Free bytes of the data folder's disk for this process; null where the OS does not tell. */
  disk: z.object({ freeBytes: z.number().nonnegative().nullable() }),
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
