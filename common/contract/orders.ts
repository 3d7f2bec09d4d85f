import { z } from 'zod';
import { HANDLER_KINDS, ORDER_STATES, RESPONSE_LEVELS, SOURCES, URGENCIES } from '../domain/orders/states';
import { FEEDBACK_RESULTS } from '../domain/orders/feedback';
import { ORDER_ACTIONS } from '../domain/orders/transitions';
import { method } from './define';
import { empty, epochMs, idSchema, orgUnitIdSchema } from './schemas';

export const orderStateSchema = z.enum(ORDER_STATES);
export const urgencySchema = z.enum(URGENCIES);
export const responseLevelSchema = z.enum(RESPONSE_LEVELS);
export const sourceSchema = z.enum(SOURCES);
export const orderActionSchema = z.enum(ORDER_ACTIONS);
export const feedbackResultSchema = z.enum(FEEDBACK_RESULTS);
export const lightSchema = z.enum(['green', 'yellow', 'red', 'paused', 'done']);
export type Light = z.infer<typeof lightSchema>;

export const handlerRefSchema = z.object({
  kind: z.enum(HANDLER_KINDS),
  /** org unit id (station / workstation) or department id */
  id: z.string().min(1).max(64),
});
export type HandlerRef = z.infer<typeof handlerRefSchema>;

/** One row of the order list: everything the table shows, nothing more. */
export const orderSummarySchema = z.object({
  id: idSchema,
  code: z.string(),
  title: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  domainId: z.string(),
  workstationId: z.string().nullable(),
  workstationName: z.string().nullable(),
  stationId: z.string().nullable(),
  address: z.string(),
  source: sourceSchema,
  urgency: urgencySchema,
  responseLevel: responseLevelSchema,
  state: orderStateSchema,
  handler: handlerRefSchema.extend({ name: z.string() }).nullable(),
  deadlineAt: epochMs.nullable(),
  light: lightSchema,
  /** Share of the time limit used, 0..∞ (1 = due now). */
  timeUsed: z.number().nullable(),
  supervised: z.boolean(),
  reworkCount: z.number().int(),
  pending: z.enum(['extension', 'park']).nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** The incident the order is linked to (incident mode: pinned first while it runs), if any. */
  incidentId: idSchema.nullable(),
  /** 回访结果, once the reporter was called back (feedback step). */
  feedbackResult: feedbackResultSchema.nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const attachmentInfoSchema = z.object({
  id: idSchema,
  name: z.string(),
  mime: z.string(),
  kind: z.enum(['image', 'audio', 'video']),
  size: z.number().int(),
  createdAt: epochMs,
});
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

export const historyEntrySchema = z.object({
  id: idSchema,
  at: epochMs,
  actorName: z.string(),
  action: z.union([orderActionSchema, z.literal('create')]),
  fromState: orderStateSchema.nullable(),
  toState: orderStateSchema,
  reason: z.string().nullable(),
  /** What else the step changed, for the timeline (handler, deadline, parent …). */
  detail: z.record(z.string(), z.unknown()).nullable(),
  attachments: z.array(attachmentInfoSchema),
  /** Set when the entry belongs to a merged child, shown in the parent's timeline. */
  orderCode: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const supervisionSchema = z.object({
  id: idSchema,
  orderId: idSchema,
  orderCode: z.string(),
  orderTitle: z.string(),
  note: z.string(),
  dueAt: epochMs,
  createdByName: z.string(),
  createdAt: epochMs,
  reply: z.string().nullable(),
  repliedByName: z.string().nullable(),
  repliedAt: epochMs.nullable(),
  /** 催办: later 督办 on the same open supervision, oldest first. */
  followUps: z.array(z.object({ note: z.string(), dueAt: epochMs, byName: z.string(), at: epochMs })),
});
export type Supervision = z.infer<typeof supervisionSchema>;

export const orderDetailSchema = orderSummarySchema.extend({
  description: z.string(),
  gridId: z.string().nullable(),
  /**
   * Who owns the order's place (its workstation's grid and that grid's station): dispatch suggests
   * it and warns before sending the order elsewhere. null: no workstation, or one under no grid.
   */
  jurisdiction: z
    .object({
      gridId: z.string(),
      gridName: z.string(),
      stationId: z.string().nullable(),
      stationName: z.string().nullable(),
    })
    .nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  reporterName: z.string().nullable(),
  /** Masked (138****5678) for roles that do not call reporters back. */
  reporterPhone: z.string().nullable(),
  cameraId: z.string().nullable(),
  parentId: idSchema.nullable(),
  parentCode: z.string().nullable(),
  limitMinutes: z.number().int().nullable(),
  limitMode: z.enum(['natural', 'working']).nullable(),
  pendingDetail: z
    .object({ reason: z.string(), hours: z.number().nullable(), byName: z.string(), at: epochMs })
    .nullable(),
  history: z.array(historyEntrySchema),
  attachments: z.array(attachmentInfoSchema),
  supervisions: z.array(supervisionSchema),
  children: z.array(z.object({ id: idSchema, code: z.string(), title: z.string() })),
  /** What the caller may do now (decided by main from the state machine). */
  actions: z.array(orderActionSchema),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** The approvals filter: any pending request, or one kind (the order list's 待审批). */
export const ORDER_APPROVALS = ['any', 'extension', 'park', 'return'] as const;
export type OrderApproval = (typeof ORDER_APPROVALS)[number];

export const orderFilterSchema = z.object({
  states: z.array(orderStateSchema).max(20).optional(),
  domainId: z.string().max(8).optional(),
  categoryId: z.string().max(16).optional(),
  stationId: orgUnitIdSchema.optional(),
  workstationId: orgUnitIdSchema.optional(),
  departmentId: z.string().max(64).optional(),
  urgency: urgencySchema.optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  supervised: z.boolean().optional(),
  source: sourceSchema.optional(),
  createdFrom: epochMs.optional(),
  createdTo: epochMs.optional(),
  /** Chinese full text: every term of two or more characters must occur (井盖 占道经营). */
  text: z.string().trim().max(100).optional(),
  /** Orders linked to this incident (incident mode; the caller must be able to open the incident). */
  incidentId: idSchema.optional(),
  /** 回访结果 of the feedback step. */
  feedbackResult: feedbackResultSchema.optional(),
  /** false: leave out orders linked to a drill incident (drills never count); true: only those. */
  drill: z.boolean().optional(),
  /** Waiting for a duty chief's decision (the inbox's 审批): any request, or 延时 / 挂账 / 退单. */
  approval: z.enum(ORDER_APPROVALS).optional(),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;

/** orders.list counts matches up to this many; a total equal to it means "this many or more". */
export const ORDER_TOTAL_CAP = 1_000;

export const orderSortSchema = z.enum(['created_desc', 'created_asc', 'deadline_asc', 'updated_desc']);

const createInput = z.object({
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(4000).default(''),
  categoryId: z.string().min(2).max(16),
  workstationId: orgUnitIdSchema.nullable().default(null),
  address: z.string().trim().max(200).default(''),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  source: sourceSchema.exclude(['open311']),
  reporterName: z.string().trim().max(40).nullable().default(null),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s]{3,20}$/, 'digits only')
    .nullable()
    .default(null),
  urgency: urgencySchema,
  /**
   * Default: 联动响应 ('linkage') while a real incident is active — the order is then linked to it —
   * otherwise 日常巡勤 ('patrol'). Any level chosen explicitly is kept; only 'linkage' links.
   */
  responseLevel: responseLevelSchema.optional(),
  cameraId: z.string().max(64).nullable().default(null),
  attachmentIds: z.array(idSchema).max(20).default([]),
  /** Take it in (受理) in the same step, as a hotline officer does while on the call. */
  acceptNow: z.boolean().default(true),
});

/** Who works with orders at all (reads). */
export const ORDER_OPERATORS = [
  'hotline_officer',
  'grid_officer',
  'video_monitor',
  'duty_chief',
  'station_chief',
  'coordinator',
] as const;
/** Who takes problems in (orders.create, orders.duplicates). */
export const ORDER_INTAKE = [
  'hotline_officer',
  'grid_officer',
  'video_monitor',
  'duty_chief',
  'station_chief',
] as const;
/** Who may try lifecycle steps (the state machine then decides per step). */
export const ORDER_ACTORS = ORDER_INTAKE;
const OPERATORS = ORDER_OPERATORS;
const INTAKE = ORDER_INTAKE;
const ACTORS = ORDER_ACTORS;

export const orderMethods = {
  'orders.create': method({
    input: createInput,
    output: orderDetailSchema,
    access: INTAKE,
    writes: true,
    summary: 'Register a reported problem as a work order (受理)',
  }),
  'orders.duplicates': method({
    input: z.object({
      categoryId: z.string().min(2).max(16),
      workstationId: orgUnitIdSchema.nullable(),
      title: z.string().max(100),
      description: z.string().max(4000).default(''),
    }),
    output: z.array(orderSummarySchema.extend({ similarity: z.number() })),
    access: INTAKE,
    writes: false,
    summary: 'Open orders that may be the same problem (same category and place, similar text, recent)',
  }),
  'orders.list': method({
    input: z.object({
      filter: orderFilterSchema.default({}),
      sort: orderSortSchema.default('created_desc'),
      /** Opaque keyset cursor from the previous page. */
      cursor: z.string().max(200).nullable().default(null),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(orderSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() }),
    access: OPERATORS,
    writes: false,
    summary: 'Find orders (filters, sort, Chinese full-text search), one page',
  }),
  'orders.get': method({
    input: z.object({ id: idSchema }),
    output: orderDetailSchema,
    access: OPERATORS,
    writes: false,
    summary: 'One order with its timeline, attachments, supervision and the actions allowed now',
  }),
  'orders.act': method({
    input: z.object({
      id: idSchema,
      action: orderActionSchema,
      reason: z.string().trim().max(2000).optional(),
      attachmentIds: z.array(idSchema).max(20).default([]),
      /** dispatch / redispatch */
      handler: handlerRefSchema.optional(),
      responseLevel: responseLevelSchema.optional(),
      /** request_extension */
      extensionHours: z.number().int().min(1).max(720).optional(),
      /** merge */
      parentId: idSchema.optional(),
      /** supervise */
      supervisionDueAt: epochMs.optional(),
      /** feedback (回访): required there, with the notes in `reason` */
      feedbackResult: feedbackResultSchema.optional(),
    }),
    output: orderDetailSchema,
    access: ACTORS,
    writes: true,
    summary: 'Take one lifecycle step on an order (the state machine decides)',
  }),
  'orders.supervisions.list': method({
    input: z.object({ onlyOpen: z.boolean().default(true) }),
    output: z.object({
      rows: z.array(supervisionSchema),
      counts: z.object({ open: z.number().int(), overdue: z.number().int(), replied: z.number().int() }),
    }),
    access: OPERATORS,
    writes: false,
    summary: '督办 records and their counts',
  }),
  'orders.alerts.list': method({
    input: empty,
    output: z.array(
      z.object({
        id: idSchema,
        orderId: idSchema,
        orderCode: z.string(),
        orderTitle: z.string(),
        kind: z.enum(['yellow', 'red', 'critical']),
        at: epochMs,
      }),
    ),
    access: OPERATORS,
    writes: false,
    summary: 'Alerts (yellow, red, new 特急) not yet acknowledged by the caller',
  }),
  'orders.alerts.ack': method({
    input: z.object({ id: idSchema }),
    output: z.null(),
    access: OPERATORS,
    writes: true,
    summary: 'Acknowledge an alert',
  }),
  'orders.export': method({
    input: z.object({
      filter: orderFilterSchema.default({}),
      sort: orderSortSchema.default('created_desc'),
      format: z.enum(['xlsx', 'csv']),
    }),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string(), rows: z.number().int() }),
    access: OPERATORS,
    writes: false,
    summary: 'The filtered list as XLSX or CSV (Chinese headers, Asia/Shanghai times)',
  }),
} as const;
