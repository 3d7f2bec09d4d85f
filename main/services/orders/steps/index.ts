import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { CLOSING_STEPS } from './closing-steps';
import { DISPATCH_STEPS } from './dispatch-steps';
import { FEEDBACK_STEPS } from './feedback-steps';
import { stateOnly, type OrderStep } from './order-step';
import { PENDING_REQUEST_STEPS } from './pending-requests';
import { RETURN_STEPS } from './return-steps';
import { SUPERVISION_STEPS } from './supervision-steps';

/**
 * The step of every action of the lifecycle (common/domain/orders/transitions.ts decides whether it
 * is allowed; the step says what it writes). A Record, so a new action without a step fails to compile.
 */
export const ORDER_STEPS: Record<OrderAction, OrderStep> = {
  accept: stateOnly,
  file: stateOnly,
  receive: stateOnly,
  complete: stateOnly,
  verify_pass: stateOnly,
  archive: stateOnly,
  ...DISPATCH_STEPS,
  ...RETURN_STEPS,
  ...PENDING_REQUEST_STEPS,
  ...CLOSING_STEPS,
  ...SUPERVISION_STEPS,
  ...FEEDBACK_STEPS,
};

export type { ActInput, OrderStep, StepChanges, StepContext, StepDeps } from './order-step';
