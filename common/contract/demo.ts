import { z } from 'zod';
import type { Role } from '../domain/roles';
import { cameraIdSchema } from './cameras';
import { method } from './define';

/**
 * The demo cameras' stream control (tests and training): take a demo camera's stream off the air and
 * put it back, as a camera that fails and returns would. Only when the hub runs with
 * CITYOPS_DEMO_MEDIA_CONTROL=1; every call is audited.
 */

/** Who may take a demo camera off the air: administrators and duty chiefs (the trainers). */
export const DEMO_CONTROLLERS = ['admin', 'duty_chief'] as const satisfies readonly Role[];

export const demoMethods = {
  'demo.setRunning': method({
    input: z.object({ cameraId: cameraIdSchema, running: z.boolean() }).strict(),
    output: z.object({
      cameraId: z.string(),
      /** The demo stream the camera plays (every registry camera on it goes offline with it). */
      streamKey: z.string(),
      running: z.boolean(),
    }),
    access: DEMO_CONTROLLERS,
    writes: true,
    summary: 'Stops or starts the demo stream of a demo camera (demo stream control must be on)',
  }),
} as const;
