import { apiError } from '../../../../common/contract';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import type { OrderActor } from '../actor';
import { marksOf } from '../order-rows';
import { clockChanges, type OrderStep, type StepChanges } from './order-step';

/** A request awaiting a duty chief's decision, as the order keeps it (orders.pending_detail). */
export interface PendingDetail {
  reason: string | null;
  /** the extension asked for; null for 挂账 */
  hours: number | null;
  byName: string;
  at: number;
}

/** The pending request of an order, or null when none is recorded. */
export function parsePendingDetail(text: string | null): PendingDetail | null {
  return text ? (JSON.parse(text) as PendingDetail) : null;
}

function request(
  kind: 'extension' | 'park',
  reason: string | null,
  hours: number | null,
  actor: OrderActor,
  now: number,
): StepChanges['fields'] {
  const pending: PendingDetail = { reason, hours, byName: actor.name, at: now };
  return { pending: kind, pendingDetail: JSON.stringify(pending) };
}

const CLEARED = { pending: null, pendingDetail: null } as const;

/** 延时申请: the hours asked for wait on the order for a chief's decision. */
const requestExtension: OrderStep = ({ input, actor, reason, now }) => {
  if (input.extensionHours === undefined) {
    throw apiError('E_INVALID', '请填写申请延长的小时数', 'Give the extension in hours', { field: 'extensionHours' });
  }
  return {
    fields: request('extension', reason, input.extensionHours, actor, now),
    detail: { hours: input.extensionHours },
  };
};

/** An approved extension: the time limit grows by the hours asked for. */
const approveExtension: OrderStep = ({ row, now }, { sla }) => {
  const hours = parsePendingDetail(row.pendingDetail)?.hours ?? 0;
  const marks = marksOf(row);
  const clock = clockChanges(row, marks && sla.extend(marks, hours * 60), now);
  return { fields: { ...CLEARED, ...clock.fields }, detail: { ...clock.detail, hours } };
};

/** 挂账申请: the order asks to be parked (its clock stopped). */
const requestPark: OrderStep = ({ actor, reason, now }) => ({
  fields: request('park', reason, null, actor, now),
  detail: {},
});

/** An approved 挂账: the clock stops now; the state to go back to is kept. */
const approvePark: OrderStep = ({ row, now }) => ({
  fields: { ...CLEARED, previousState: row.state, pausedAt: now },
  detail: {},
});

const reject: OrderStep = () => ({ fields: { ...CLEARED }, detail: {} });

/** 挂账恢复: the marks still ahead move on by the time the order was parked. */
const resume: OrderStep = ({ row, now }, { sla }) => {
  if (row.pausedAt === null) return { fields: { previousState: null }, detail: {} };
  const marks = marksOf(row);
  const clock = clockChanges(row, marks && sla.resume(marks, row.pausedAt, now), now);
  return {
    fields: { previousState: null, pausedAt: null, ...clock.fields },
    detail: { ...clock.detail, pausedMs: now - row.pausedAt },
  };
};

/** Requests a duty chief decides on the order itself: 延时 and 挂账 (with its resume). */
export const PENDING_REQUEST_STEPS = {
  request_extension: requestExtension,
  approve_extension: approveExtension,
  reject_extension: reject,
  request_park: requestPark,
  approve_park: approvePark,
  reject_park: reject,
  resume,
} satisfies Partial<Record<OrderAction, OrderStep>>;
