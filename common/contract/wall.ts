import { z } from 'zod';
import {
  TOUR_CAMERAS_MAX,
  TOUR_DWELL_MAX_S,
  TOUR_DWELL_MIN_S,
  WALL_FIELD_ERROR_CODES,
  WALL_LAYOUT_IDS,
  WALL_MAX_TILES,
  WALL_SCOPES,
  WALL_TOUR_MODES,
} from '../domain/wall';
import { bigScreenDwellSchema } from './bigscreen';
import { CAMERA_VIEWERS, cameraIdSchema } from './cameras';
import { empty, epochMs, idSchema } from './schemas';
import { method } from './define';

/** The wall is for everyone who may watch cameras. */
export const WALL_USERS = CAMERA_VIEWERS;

export const wallLayoutSchema = z.enum(WALL_LAYOUT_IDS);
export const wallScopeSchema = z.enum(WALL_SCOPES);
export const wallTourModeSchema = z.enum(WALL_TOUR_MODES);
/** A tile's index on the wall, from 0 (tile 1 on screen). */
export const wallSlotSchema = z
  .number()
  .int()
  .min(0)
  .max(WALL_MAX_TILES - 1);

export const wallFieldErrorSchema = z.object({
  field: z.string(),
  code: z.enum(WALL_FIELD_ERROR_CODES),
  zh: z.string(),
  en: z.string(),
});

/** Who made an item and who may change it: the UI greys out what the caller cannot edit. */
const ownedSchema = z.object({
  id: idSchema,
  name: z.string(),
  scope: wallScopeSchema,
  ownerId: idSchema,
  ownerName: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
  updatedByName: z.string(),
  /** Whether the caller may change or delete it. */
  canEdit: z.boolean(),
});

export const wallViewContentSchema = z.object({
  name: z.string(),
  layout: wallLayoutSchema,
  /** Tile i shows slots[i]; null or past the end is an empty tile. */
  slots: z.array(z.string().nullable()),
});
export const wallViewSchema = ownedSchema.extend(wallViewContentSchema.shape);
export type WallView = z.infer<typeof wallViewSchema>;

export const wallTourContentSchema = z.object({
  name: z.string(),
  mode: wallTourModeSchema,
  /** The layout of a 'wall' tour; null for 'tile'. */
  layout: wallLayoutSchema.nullable(),
  cameras: z.array(z.string()),
  dwellSeconds: z.number().int(),
});
export const wallTourSchema = ownedSchema.extend(wallTourContentSchema.shape);
export type WallTour = z.infer<typeof wallTourSchema>;

// Names are checked (trimmed, 1–40 characters) by common/domain/wall with a message per field; the
// schema only bounds the frame.
const nameInput = z.string().max(200);

export const wallViewSaveSchema = z.object({
  /** Left out: a new view. */
  id: idSchema.optional(),
  name: nameInput,
  scope: wallScopeSchema.default('personal'),
  layout: wallLayoutSchema,
  slots: z.array(cameraIdSchema.nullable()).max(WALL_MAX_TILES),
});

export const wallTourSaveSchema = z.object({
  id: idSchema.optional(),
  name: nameInput,
  scope: wallScopeSchema.default('personal'),
  mode: wallTourModeSchema,
  /** Required in 'wall' mode; ignored (stored as null) in 'tile' mode. */
  layout: wallLayoutSchema.nullable().default(null),
  cameras: z.array(cameraIdSchema).min(1).max(TOUR_CAMERAS_MAX),
  dwellSeconds: z.number().int().min(TOUR_DWELL_MIN_S).max(TOUR_DWELL_MAX_S),
});

/** A wall window: a browser or Electron window showing the wall route, bound to its connection. */
export const wallWindowSchema = z.object({
  windowId: z.string(),
  name: z.string(),
  userId: idSchema,
  userName: z.string(),
  orgUnitId: z.string(),
  registeredAt: epochMs,
  /** The window is the caller's own connection (a console does not push to itself by mistake). */
  self: z.boolean(),
  /** Marked for alarms: 特急 orders and incidents push their cameras to it. */
  alarm: z.boolean(),
});
export type WallWindow = z.infer<typeof wallWindowSchema>;

export const wallPushTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('camera'), cameraId: cameraIdSchema, slot: wallSlotSchema.optional() }),
  z.object({ kind: z.literal('view'), viewId: idSchema }),
  /** `slot`: the tile a 'tile' tour runs on (the window's selected tile when left out). */
  z.object({ kind: z.literal('tour'), tourId: idSchema, slot: wallSlotSchema.optional() }),
  /** The big screen (大屏) over the whole window until something else is pushed; its panels' dwell. */
  z.object({ kind: z.literal('bigscreen'), dwellSeconds: bigScreenDwellSchema.optional() }),
]);
export type WallPushTarget = z.infer<typeof wallPushTargetSchema>;

/**
 * What a wall window receives: the target with its content resolved, so the window shows it at once
 * even when it is someone else's personal view (its own session could not list that).
 */
export const wallPushedSchema = z.object({
  windowId: z.string(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('camera'), cameraId: z.string(), slot: wallSlotSchema.optional() }),
    z.object({ kind: z.literal('view'), viewId: idSchema, view: wallViewContentSchema }),
    z.object({
      kind: z.literal('tour'),
      tourId: idSchema,
      tour: wallTourContentSchema,
      slot: wallSlotSchema.optional(),
    }),
    z.object({ kind: z.literal('bigscreen'), dwellSeconds: bigScreenDwellSchema }),
  ]),
  by: z.object({ userId: idSchema, userName: z.string() }),
  at: epochMs,
});
export type WallPushed = z.infer<typeof wallPushedSchema>;

/** Why cameras were pushed to an alarm window: a new 特急 order, or an incident activated or escalated. */
export const wallAlarmReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), orderId: idSchema, orderCode: z.string(), orderTitle: z.string() }),
  z.object({
    kind: z.literal('incident'),
    incidentId: idSchema,
    what: z.enum(['activated', 'level']),
    /** The incident's type and situation, as the banner names it. */
    title: z.string(),
    /** 'IV' … 'I'. */
    level: z.string(),
    drill: z.boolean(),
  }),
]);
export type WallAlarmReason = z.infer<typeof wallAlarmReasonSchema>;

/**
 * What an alarm window receives (event `wall.alarm`): the cameras already resolved (the order's
 * camera or its workstation's; the incident's area or preset view), in order. The window shows them
 * in its alarm layout under a frame with the reason until acknowledged (wall.alarm.ack).
 */
export const wallAlarmSchema = z.object({
  alarmId: z.string(),
  windowId: z.string(),
  reason: wallAlarmReasonSchema,
  cameras: z.array(z.string()).max(WALL_MAX_TILES),
  /** The preset view's layout when the cameras come from one; null = the window's alarm layout. */
  layout: wallLayoutSchema.nullable(),
  /** Who caused it (the order's creator, the incident's commander acting); null for the hub itself. */
  by: z.object({ userId: idSchema, userName: z.string() }).nullable(),
  at: epochMs,
});
export type WallAlarm = z.infer<typeof wallAlarmSchema>;

/**
 * What every wall shows while an incident is active: its plan level's preset view,
 * else the cameras of its affected units (a station's wall: those of its own area). `layout` null =
 * the wall picks a fitting one.
 */
export const wallIncidentViewSchema = z.object({
  incidentId: idSchema,
  title: z.string(),
  level: z.string(),
  drill: z.boolean(),
  layout: wallLayoutSchema.nullable(),
  cameras: z.array(z.string()).max(WALL_MAX_TILES),
});
export type WallIncidentView = z.infer<typeof wallIncidentViewSchema>;

export const wallMethods = {
  'wall.views.list': method({
    input: empty,
    output: z.object({ rows: z.array(wallViewSchema) }),
    access: WALL_USERS,
    writes: false,
    summary: 'Saved wall views: the caller’s personal ones and every shared one',
  }),
  'wall.views.save': method({
    input: wallViewSaveSchema,
    output: wallViewSchema,
    access: WALL_USERS,
    writes: true,
    summary: 'Create or change a saved wall view (layout + camera per tile)',
  }),
  'wall.views.delete': method({
    input: z.object({ id: idSchema }),
    output: z.null(),
    access: WALL_USERS,
    writes: true,
    summary: 'Delete a saved wall view',
  }),
  'wall.tours.list': method({
    input: empty,
    output: z.object({ rows: z.array(wallTourSchema) }),
    access: WALL_USERS,
    writes: false,
    summary: 'Tours (轮巡): the caller’s personal ones and every shared one',
  }),
  'wall.tours.save': method({
    input: wallTourSaveSchema,
    output: wallTourSchema,
    access: WALL_USERS,
    writes: true,
    summary: 'Create or change a tour: cameras, dwell time, whole wall or one tile',
  }),
  'wall.tours.delete': method({
    input: z.object({ id: idSchema }),
    output: z.null(),
    access: WALL_USERS,
    writes: true,
    summary: 'Delete a tour',
  }),
  // Registering is not audited: a window opening is not a decision anyone takes, and it is gone
  // with its connection. What is pushed to it is audited (wall.push).
  'wall.windows.register': method({
    input: z.object({
      name: z.string().trim().min(1).max(40),
      /** Left out: keeps what the window was (false for a new one); a reload sends its own mark again. */
      alarm: z.boolean().optional(),
    }),
    output: wallWindowSchema,
    access: WALL_USERS,
    writes: false,
    summary: 'This connection shows the wall: list it as a wall window others can push to (again renames it)',
  }),
  'wall.windows.unregister': method({
    input: empty,
    output: z.object({ removed: z.boolean() }),
    access: WALL_USERS,
    writes: false,
    summary: 'This connection no longer shows the wall (closing the connection does the same)',
  }),
  'wall.windows.list': method({
    input: empty,
    output: z.object({ rows: z.array(wallWindowSchema) }),
    access: WALL_USERS,
    writes: false,
    summary: 'Wall windows the caller may push to: their own, and for chiefs those of their org unit',
  }),
  'wall.windows.setAlarm': method({
    input: z.object({ windowId: z.string().min(1).max(64), alarm: z.boolean() }),
    output: wallWindowSchema,
    access: WALL_USERS,
    writes: true,
    summary:
      'Mark a wall window for alarms (特急 orders, incidents) or unmark it: the caller’s own, or a chief’s unit’s',
  }),
  'wall.alarm.ack': method({
    input: z.object({ alarmId: z.string().min(1).max(64) }),
    output: z.object({ alarmId: z.string() }),
    access: WALL_USERS,
    writes: true,
    summary: 'Acknowledge an alarm on a wall window (确认): the window returns to what it showed before',
  }),
  // Not a write: what it moves is which of the owner's windows shows their alarms, not a decision.
  'wall.alarm.pending': method({
    input: empty,
    output: z.object({ rows: z.array(wallAlarmSchema) }),
    access: WALL_USERS,
    writes: false,
    summary:
      'The alarms still unacknowledged for the wall window on this connection (its owner’s, from a window of the same name that closed: a reload or a hub restart)',
  }),
  'wall.incident.current': method({
    input: empty,
    output: z.object({ incident: wallIncidentViewSchema.nullable() }),
    access: WALL_USERS,
    writes: false,
    summary: 'The cameras every wall switches to while an incident is active (the real one, else a drill), or null',
  }),
  'wall.push': method({
    input: z.object({ windowId: z.string().min(1).max(64), target: wallPushTargetSchema }),
    output: wallPushedSchema,
    access: WALL_USERS,
    writes: true,
    summary: 'Show a camera, a saved view, a tour or the big screen (大屏) on a wall window',
  }),
} as const;
