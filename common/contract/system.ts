import { z } from 'zod';
import { method } from './define';
import { empty, epochMs } from './schemas';

export const systemMethods = {
  'system.info': method({
    input: empty,
    output: z.object({
      name: z.string(),
      version: z.string(),
      /** Demo mode: demo users exist and the status bar shows a DEMO mark. */
      demo: z.boolean(),
      hubTime: epochMs,
      schemaVersion: z.number().int(),
    }),
    access: 'public',
    writes: false,
    summary: 'What this hub is; readable before sign-in',
  }),
} as const;
