import { z } from 'zod';
import { CAMERA_FIELD_ERROR_CODES } from '../domain/cameras/errors';
import { CAMERA_PROTOCOLS } from '../domain/cameras/stream-url';
import { CAMERA_ONLINE_STATES } from '../domain/cameras/tree';
import type { Role } from '../domain/roles';
import { method } from './define';
import { epochMs, idSchema, orgUnitIdSchema } from './schemas';

/** Everyone whose work involves video: the wall, the chiefs, the stations, incident command. */
export const CAMERA_VIEWERS = [
  'video_monitor',
  'duty_chief',
  'station_chief',
  'coordinator',
  'admin',
] as const satisfies readonly Role[];
/** The registry is reference data: only administrators change it. */
export const CAMERA_ADMINS = ['admin'] as const satisfies readonly Role[];
/** Who watched what is for supervision: administrators and duty chiefs. */
export const CAMERA_AUDITORS = ['admin', 'duty_chief'] as const satisfies readonly Role[];

export const cameraProtocolSchema = z.enum(CAMERA_PROTOCOLS);
export const cameraOnlineSchema = z.enum(CAMERA_ONLINE_STATES);
export const cameraStreamSchema = z.enum(['main', 'sub']);
export type CameraStream = z.infer<typeof cameraStreamSchema>;
export const cameraIdSchema = z.string().trim().min(1).max(32);
/**
 * How consoles play a camera: 'auto' = WebRTC first, HLS when WebRTC has not
 * connected in 5 s (WebRTC again later); 'webrtc' = WebRTC only, never HLS; 'hls' = HLS only.
 */
export const CAMERA_PLAYBACKS = ['auto', 'webrtc', 'hls'] as const;
export const cameraPlaybackSchema = z.enum(CAMERA_PLAYBACKS);
export type CameraPlayback = z.infer<typeof cameraPlaybackSchema>;

/** A camera as the UI sees it. Stream URLs are masked: credentials read `***`, never in clear. */
export const cameraSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** GB/T 28181 20-digit device id. */
  code: z.string().nullable(),
  workstationId: z.string(),
  workstationName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  mainUrl: z.string(),
  subUrl: z.string().nullable(),
  /** Whether a credential is stored for the stream (shown as `***` in the URL). */
  mainHasCredentials: z.boolean(),
  subHasCredentials: z.boolean(),
  protocol: cameraProtocolSchema,
  tags: z.array(z.string()),
  enabled: z.boolean(),
  playback: cameraPlaybackSchema,
  /** An H.265 stream is transcoded to H.264 at sub-stream size by the hub (H.264 is never re-encoded). */
  transcode: z.boolean(),
  /** From the media layer; 'unknown' until it reports. */
  online: cameraOnlineSchema,
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Camera = z.infer<typeof cameraSchema>;

export const cameraFilterSchema = z.object({
  /** Chinese or latin terms, all required: name, id, code, tags, workstation, grid, station. */
  text: z.string().trim().max(100).optional(),
  workstationId: orgUnitIdSchema.optional(),
  gridId: orgUnitIdSchema.optional(),
  stationId: orgUnitIdSchema.optional(),
  enabled: z.boolean().optional(),
  protocol: cameraProtocolSchema.optional(),
  tag: z.string().trim().min(1).max(20).optional(),
});
export type CameraFilter = z.infer<typeof cameraFilterSchema>;

export const cameraFieldErrorSchema = z.object({
  field: z.string(),
  code: z.enum(CAMERA_FIELD_ERROR_CODES),
  zh: z.string(),
  en: z.string(),
});

const countsSchema = z.object({
  total: z.number().int(),
  enabled: z.number().int(),
  online: z.number().int(),
  offline: z.number().int(),
});
const workstationNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  counts: countsSchema,
  cameras: z.array(cameraSchema),
});
const stationNodeSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  counts: countsSchema,
  workstations: z.array(workstationNodeSchema),
});
export const cameraTreeSchema = z.object({
  counts: countsSchema,
  grids: z.array(
    z.object({ id: z.string(), name: z.string(), counts: countsSchema, stations: z.array(stationNodeSchema) }),
  ),
  unplaced: z.array(cameraSchema),
});
export type CameraTreeDto = z.infer<typeof cameraTreeSchema>;

const nameSchema = z.string().max(200);
const urlSchema = z.string().max(2000);
const codeSchema = z.string().max(40).nullable();
const tagsSchema = z.array(z.string().max(40)).max(32);

export const cameraCreateSchema = z.object({
  /** Given by the caller (e.g. the number painted on the pole) or generated as CAM-nnnn. */
  id: cameraIdSchema.optional(),
  name: nameSchema,
  code: codeSchema.default(null),
  workstationId: orgUnitIdSchema,
  mainUrl: urlSchema,
  subUrl: urlSchema.nullable().default(null),
  /** Left out: inferred from the main URL. */
  protocol: cameraProtocolSchema.optional(),
  tags: tagsSchema.default([]),
  enabled: z.boolean().default(true),
  playback: cameraPlaybackSchema.default('auto'),
  transcode: z.boolean().default(false),
});

/** Fields left out stay as they are; a URL still holding `***` keeps its stored credential. */
export const cameraUpdateSchema = z.object({
  id: cameraIdSchema,
  name: nameSchema.optional(),
  code: codeSchema.optional(),
  workstationId: orgUnitIdSchema.optional(),
  mainUrl: urlSchema.optional(),
  subUrl: urlSchema.nullable().optional(),
  protocol: cameraProtocolSchema.optional(),
  tags: tagsSchema.optional(),
  enabled: z.boolean().optional(),
  playback: cameraPlaybackSchema.optional(),
  transcode: z.boolean().optional(),
});

export const cameraImportLineSchema = z.object({
  /** The file's line where the row starts (CSV header = line 1). */
  line: z.number().int(),
  ok: z.boolean(),
  cameraId: z.string().optional(),
  action: z.enum(['create', 'update']).optional(),
  errors: z.array(cameraFieldErrorSchema),
});
export type CameraImportLine = z.infer<typeof cameraImportLineSchema>;

export const cameraImportReportSchema = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  lines: z.array(cameraImportLineSchema),
});
export type CameraImportReport = z.infer<typeof cameraImportReportSchema>;

export const cameraFormatSchema = z.enum(['csv', 'json']);

const viewSchema = z.object({
  viewId: idSchema,
  cameraId: z.string(),
  stream: cameraStreamSchema,
  startedAt: epochMs,
  endedAt: epochMs.nullable(),
  durationMs: z.number().int().nullable(),
});

const viewTotalsSchema = z.object({ views: z.number().int(), totalMs: z.number().int() });
export const cameraViewsReportSchema = z.object({
  from: epochMs,
  to: epochMs,
  rows: z.array(
    viewTotalsSchema.extend({
      cameraId: z.string(),
      cameraName: z.string(),
      userId: idSchema,
      userName: z.string(),
      firstAt: epochMs,
      lastAt: epochMs,
    }),
  ),
  byCamera: z.array(viewTotalsSchema.extend({ cameraId: z.string(), cameraName: z.string(), users: z.number().int() })),
  byUser: z.array(viewTotalsSchema.extend({ userId: idSchema, userName: z.string(), cameras: z.number().int() })),
  totals: viewTotalsSchema.extend({ stillOpen: z.number().int() }),
});
export type CameraViewsReport = z.infer<typeof cameraViewsReportSchema>;

const REPORT_MAX_MS = 366 * 24 * 3600_000;

export const cameraMethods = {
  'cameras.list': method({
    input: z.object({
      filter: cameraFilterSchema.default({}),
      limit: z.number().int().min(1).max(10_000).default(2_000),
    }),
    output: z.object({ rows: z.array(cameraSchema), total: z.number().int() }),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'Cameras (masked URLs), filtered by text, place, enabled, protocol or tag',
  }),
  'cameras.tree': method({
    input: z.object({ filter: cameraFilterSchema.default({}), includeEmpty: z.boolean().default(false) }),
    output: cameraTreeSchema,
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'The camera tree: grid → station area → workstation → cameras, with counts and online state',
  }),
  'cameras.get': method({
    input: z.object({ id: cameraIdSchema }),
    output: cameraSchema,
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'One camera (masked URLs)',
  }),
  'cameras.create': method({
    input: cameraCreateSchema,
    output: cameraSchema,
    access: CAMERA_ADMINS,
    writes: true,
    summary: 'Register a camera (credentials in its URLs are stored apart as secrets)',
  }),
  'cameras.update': method({
    input: cameraUpdateSchema,
    output: cameraSchema,
    access: CAMERA_ADMINS,
    writes: true,
    summary: 'Change a camera; a masked credential left as *** is kept',
  }),
  'cameras.setEnabled': method({
    input: z.object({ id: cameraIdSchema, enabled: z.boolean() }),
    output: cameraSchema,
    access: CAMERA_ADMINS,
    writes: true,
    summary: 'Enable or disable a camera',
  }),
  'cameras.delete': method({
    input: z.object({ id: cameraIdSchema }),
    output: z.null(),
    access: CAMERA_ADMINS,
    writes: true,
    summary: 'Remove a camera and its secrets (its viewing record stays)',
  }),
  'cameras.import': method({
    input: z.object({
      format: cameraFormatSchema,
      text: z.string().max(1_000_000),
      /** Check only: the report says what would be saved, nothing is. */
      dryRun: z.boolean().default(false),
    }),
    output: cameraImportReportSchema,
    access: CAMERA_ADMINS,
    writes: true,
    summary: 'Import cameras from CSV or JSON: good rows saved in one transaction, bad rows reported by line',
  }),
  'cameras.export': method({
    input: z.object({ format: cameraFormatSchema, filter: cameraFilterSchema.default({}) }),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string(), rows: z.number().int() }),
    access: CAMERA_ADMINS,
    writes: false,
    summary: 'The registry as CSV or JSON with the import columns (credentials masked)',
  }),
  // Not `writes`: camera_views itself is the record of who watched what. An audit row per tile
  // opened would bury the audit log (a 16-tile tour every 10 s is ~100 rows a minute).
  'cameras.viewStart': method({
    input: z.object({ cameraId: cameraIdSchema, stream: cameraStreamSchema.default('sub') }),
    output: viewSchema,
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'A tile started showing a camera: open a viewing record',
  }),
  'cameras.viewEnd': method({
    input: z.object({ viewId: idSchema }),
    output: viewSchema,
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'A tile stopped showing a camera: close its viewing record (again is harmless)',
  }),
  'cameras.viewsReport': method({
    input: z
      .object({ from: epochMs, to: epochMs, cameraId: cameraIdSchema.optional(), userId: idSchema.optional() })
      .refine((r) => r.to > r.from && r.to - r.from <= REPORT_MAX_MS, {
        error: 'to must be after from, at most 366 days apart',
        params: { zh: '结束时间须晚于开始时间，且相隔不超过 366 天' },
      }),
    output: cameraViewsReportSchema,
    access: CAMERA_AUDITORS,
    writes: false,
    summary: 'Who watched which camera in a time range, for how long (per camera and user)',
  }),
} as const;
