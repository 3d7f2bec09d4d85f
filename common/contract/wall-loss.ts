import { z } from 'zod';
import { CAMERA_ADMINS, CAMERA_VIEWERS, cameraIdSchema, cameraStreamSchema } from './cameras';
import { method } from './define';
import { epochMs, idSchema, orgUnitIdSchema } from './schemas';

/** A camera going dark alarms after this long by default (a grid with no setting of its own). */
export const LOSS_ALARM_DEFAULT_DELAY_S = 10;
/** The longest delay an administrator may set: an hour (longer is no alarm at all — switch it off). */
export const LOSS_ALARM_MAX_DELAY_S = 3600;

/**
 * The video-loss alarm of one camera group. A group is a grid (网格), the camera
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

/**
 * One acknowledgement of a camera's video-loss alarm: who, when, which camera and
 * the stream its tile was playing. The hub answers it and pushes it (wall.lossAcked) to everyone
 * who watches video, so every console and wall window showing that camera's alarm clears it.
 */
export const lossAckSchema = z.object({
  cameraId: z.string(),
  cameraName: z.string(),
  stream: cameraStreamSchema,
  by: z.object({ userId: idSchema, userName: z.string() }),
  at: epochMs,
});
export type LossAck = z.infer<typeof lossAckSchema>;

/** Who sees the wall's video-loss alarm and may acknowledge it: everyone who watches video. */
export const LOSS_ALARM_ACKERS = CAMERA_VIEWERS;

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
  'wall.lossAlarms.ack': method({
    input: z.object({ cameraId: cameraIdSchema, stream: cameraStreamSchema }),
    output: lossAckSchema,
    access: LOSS_ALARM_ACKERS,
    writes: true,
    summary: "Acknowledge a camera's video-loss alarm (确认): every console showing it clears it",
  }),
} as const;
