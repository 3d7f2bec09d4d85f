import { apiError } from '../../../../common/contract';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { defaultSupervisionDue } from '../inbox-supervision';
import type { OrderStep } from './order-step';

/** 督办: one open supervision per order; a second one is a follow-up (催办) on it. */
const supervise: OrderStep = ({ row, input, actor, reason, now }, { repo }) => {
  const given = input.supervisionDueAt;
  if (given !== undefined && given <= now) {
    throw apiError('E_INVALID', '请填写晚于现在的督办期限', 'Give a supervision due time in the future', {
      field: 'supervisionDueAt',
    });
  }
  const open = repo.openSupervision(row.id);
  if (open) {
    const dueAt = given ?? open.dueAt;
    repo.addFollowUp(open.id, reason ?? '', dueAt, actor, now);
    return { fields: {}, detail: { dueAt, followUp: true } };
  }
  const dueAt = given ?? defaultSupervisionDue(now, row);
  repo.addSupervision(row.id, reason ?? '', dueAt, actor, now);
  return { fields: { supervised: 1 }, detail: { dueAt } };
};

/** 督办回复: answers the open supervision. */
const reply: OrderStep = ({ row, actor, reason, now }, { repo }) => {
  if (!repo.replySupervision(row.id, reason ?? '', actor.name, now)) {
    throw apiError('E_CONFLICT', '该工单没有待回复的督办', 'This order has no supervision awaiting a reply');
  }
  return { fields: {}, detail: {} };
};

/** Supervision (督办) and its reply. */
export const SUPERVISION_STEPS = {
  supervise,
  reply_supervision: reply,
} satisfies Partial<Record<OrderAction, OrderStep>>;
