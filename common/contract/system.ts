import { z } from 'zod';
import { method } from './define';
import { empty, epochMs, roleSchema } from './schemas';

export const systemMethods = {
  'system.info': method({
    input: empty,
    output: z.object({
      name: z.string(),
      version: z.string(),
      /** Demo mode: demo users exist and the status bar shows a DEMO mark. */
      demo: z.boolean(),
      /** In demo mode, the demo accounts still present and their shared password (listed in the README). */
      demoAccounts: z.array(z.object({ username: z.string(), displayName: z.string(), roles: z.array(roleSchema) })),
      demoPassword: z.string().nullable(),
      hubTime: epochMs,
      schemaVersion: z.number().int(),
    }),
    access: 'public',
    writes: false,
    summary: 'What this hub is; readable before sign-in',
  }),
} as const;
