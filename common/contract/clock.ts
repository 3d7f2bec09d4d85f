import { z } from 'zod';
import { method } from './define';
import { empty, epochMs, idSchema } from './schemas';

/**
 * Clock sanity: deadlines, shifts and the ledger's seals all read the hub's clock, and a console
 * shows times against its own. Administrators are warned when the hub's wall clock jumps (against
 * its monotonic clock) or a console's clock is further than CLOCK_TOLERANCE_MS from the hub's.
 */
export const CLOCK_TOLERANCE_MS = 30_000;

/** A step of the hub's wall clock that its monotonic clock did not make (positive: forward). */
export const hubClockJumpSchema = z.object({ at: epochMs, jumpMs: z.number().int() });
export type HubClockJump = z.infer<typeof hubClockJumpSchema>;

/** A signed-in console whose clock is off the hub's (positive: the console is ahead). */
export const consoleClockSchema = z.object({
  userId: idSchema,
  userName: z.string(),
  skewMs: z.number().int(),
  reportedAt: epochMs,
});
export type ConsoleClock = z.infer<typeof consoleClockSchema>;

export const clockWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hub-jump'), at: epochMs, jumpMs: z.number().int() }),
  z.object({ kind: z.literal('console-skew'), at: epochMs, skewMs: z.number().int(), userName: z.string() }),
]);
export type ClockWarning = z.infer<typeof clockWarningSchema>;

export const clockMethods = {
  'system.clock.report': method({
    input: z.object({ consoleTime: epochMs }).strict(),
    output: z.object({ hubTime: epochMs, skewMs: z.number().int(), off: z.boolean() }),
    access: 'authenticated',
    writes: false,
    summary: 'A console tells the hub its clock; one further off than 30 s is reported to administrators',
  }),
  'system.clock.status': method({
    input: empty,
    output: z.object({
      toleranceMs: z.number().int(),
      hubJumps: z.array(hubClockJumpSchema),
      consoles: z.array(consoleClockSchema),
    }),
    access: ['admin'],
    writes: false,
    summary: "The hub's clock jumps since it started and the consoles whose clocks are off now",
  }),
} as const;
