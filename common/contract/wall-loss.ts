import { z } from 'zod';
import { CAMERA_ADMINS, CAMERA_VIEWERS } from './cameras';
import { method } from './define';
import { epochMs, idSchema, orgUnitIdSchema } from './schemas';

/** A camera going dark alarms after this long by default (a grid with no setting of its own). */
export const LOSS_ALARM_DEFAULT_DELAY_S = 10;
/** The longest delay an administrator may set: an hour (longer is no alarm at all — switch it off). */
export const LOSS_ALARM_MAX_DELAY_S = 3600;

/**
 * The video-loss alarm of one camera group (issue 12 item 6). A group is a grid (网格), the camera
 * tree's top level; cameras placed in no grid alarm with the defaults.
 */
export const lossAlarmSettingSchema = z.object({
  gridId: z.string(),
  gridName: z.string(),
  enabled: z.boolean(),
  /** Seconds a camera on the wall stays offline before its alarm sounds. */
  delayS: z.number().int(),
  /** Who last changed it; null while the grid keeps the defaults. */
  updatedBy: z.object({ userId: idSchema, userName: z.string() }).nullable(),
  updatedAt: epochMs.nullable(),
});
export type LossAlarmSetting = z.infer<typeof lossAlarmSettingSchema>;

export const wallLossMethods = {
  'wall.lossAlarms.list': method({
    input: z.object({}).default({}),
    output: z.object({
      rows: z.array(lossAlarmSettingSchema),
      defaults: z.object({ enabled: z.boolean(), delayS: z.number().int() }),
    }),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'The video-loss alarm setting of every camera group (grid): on/off and the delay',
  }),
  'wall.lossAlarms.set': method({
    input: z.object({
      gridId: orgUnitIdSchema,
      enabled: z.boolean(),
      delayS: z.number().int().min(0).max(LOSS_ALARM_MAX_DELAY_S),
    }),
    output: lossAlarmSettingSchema,
    access: CAMERA_ADMINS,
    writes: true,
    summary: "Set a camera group's video-loss alarm: on/off and the delay before it sounds",
  }),
} as const;
