import { apiError } from '../../../../common/contract';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import type { OrderStep } from './order-step';

/** 回访: the reporter's verdict on a closed order, and when it was given. */
const feedback: OrderStep = ({ input, now }) => {
  if (input.feedbackResult === undefined) {
    throw apiError('E_INVALID', '请选择回访结果', 'Choose the feedback result', { field: 'feedbackResult' });
  }
  return {
    fields: { feedbackResult: input.feedbackResult, feedbackAt: now },
    detail: { feedbackResult: input.feedbackResult },
  };
};

/** Calling the reporter back (回访). */
export const FEEDBACK_STEPS = { feedback } satisfies Partial<Record<OrderAction, OrderStep>>;
