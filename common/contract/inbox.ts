import { z } from 'zod';
import { method } from './define';
import { orderStateSchema, urgencySchema } from './orders';
import { empty, epochMs, idSchema } from './schemas';

/**
 * What waits for the caller's action (待办, issue 12 item 2): requests to approve (延时, 挂账, 退单),
 * 督办 to reply to, orders dispatched to the caller's station, orders to verify, closed orders to call back.
 */
export const INBOX_KINDS = ['approval', 'supervision', 'dispatched', 'verify', 'feedback'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Who has an inbox: the roles that act on orders others hand them. */
export const INBOX_ROLES = ['duty_chief', 'station_chief', 'grid_officer', 'hotline_officer'] as const;

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

export const inboxMethods = {
  'orders.inbox': method({
    input: empty,
    output: z.object({
      items: z.array(inboxItemSchema),
      counts: z.object({
        total: z.number().int(),
        approval: z.number().int(),
        supervision: z.number().int(),
        dispatched: z.number().int(),
        verify: z.number().int(),
        feedback: z.number().int(),
      }),
    }),
    access: INBOX_ROLES,
    writes: false,
    summary: 'The caller’s 待办: what waits for their action, with counts (the order list’s visibility)',
  }),
} as const;
