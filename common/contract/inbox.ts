import { z } from 'zod';
import { method } from './define';
import { incidentReportSchema } from './incidents';
import { orderStateSchema, urgencySchema } from './orders';
import { empty, epochMs, idSchema } from './schemas';

/**
 * What waits for the caller's action (待办): requests to approve (延时, 挂账, 退单),
 * 督办 to reply to, orders dispatched to the caller's station, orders to verify, closed orders to call back.
 */
export const INBOX_KINDS = ['approval', 'supervision', 'dispatched', 'verify', 'feedback'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/**
 * Who has an inbox: the roles that act on orders others hand them, and the coordinator, who sends an
 * active incident's reports (初报 / 书面报告 / 续报) like the duty and station chiefs (INCIDENT_ACTORS).
 */
export const INBOX_ROLES = ['duty_chief', 'station_chief', 'grid_officer', 'hotline_officer', 'coordinator'] as const;

export const inboxItemSchema = z.object({
  /** Stable across refreshes while the item waits: kind, order and (for supervision) the supervision. */
  key: z.string(),
  kind: z.enum(INBOX_KINDS),
  /** For an approval: what is asked. */
  request: z.enum(['extension', 'park', 'return']).nullable(),
  orderId: idSchema,
  orderCode: z.string(),
  orderTitle: z.string(),
  urgency: urgencySchema,
  state: orderStateSchema,
  handlerName: z.string().nullable(),
  /** Since when it waits (the request, the supervision, the dispatch…). */
  since: epochMs,
  /** The supervision's due time, else the order's deadline. */
  dueAt: epochMs.nullable(),
  /** Who asked (the requester, the supervising chief), when known. */
  byName: z.string().nullable(),
  /** The request's reason or the supervision's note (with follow-ups). */
  note: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/**
 * A report of an active incident the caller must send, due within 5 minutes ('soon') or past its
 * deadline ('missed'): it waits until recorded, superseded by a level change, or the incident ends.
 */
export const inboxReportSchema = z.object({
  /** Stable while the report waits in one status; a report turning from soon to missed is a new key. */
  key: z.string(),
  incidentId: idSchema,
  incidentName: z.string(),
  drill: z.boolean(),
  report: incidentReportSchema,
});
export type InboxReport = z.infer<typeof inboxReportSchema>;

export const inboxMethods = {
  'orders.inbox': method({
    input: empty,
    output: z.object({
      items: z.array(inboxItemSchema),
      /** Incident reports due soon or missed, earliest deadline first (a separate list: not an order). */
      reports: z.array(inboxReportSchema),
      counts: z.object({
        total: z.number().int(),
        approval: z.number().int(),
        supervision: z.number().int(),
        dispatched: z.number().int(),
        verify: z.number().int(),
        feedback: z.number().int(),
        report: z.number().int(),
      }),
    }),
    access: INBOX_ROLES,
    writes: false,
    summary:
      'The caller’s 待办: what waits for their action (orders, with the order list’s visibility; incident reports due), with counts',
  }),
} as const;
