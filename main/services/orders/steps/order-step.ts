import type { MethodParsedInput } from '../../../../common/contract';
import type { OrgRepo } from '../../org/org-repo';
import type { OrderActor } from '../actor';
import type { OrderUpdate } from '../order-columns';
import type { OrderRow } from '../order-rows';
import type { OrdersRepo } from '../orders-repo';
import type { ClockMarks, SlaClock } from '../sla-port';

export type ActInput = MethodParsedInput<'orders.act'>;

/** One allowed step on one order, as OrdersService.act has checked it (state, role, scope, reason). */
export interface StepContext {
  row: OrderRow;
  input: ActInput;
  actor: OrderActor;
  /** the trimmed reason, or null */
  reason: string | null;
  now: number;
}

/** What a step may use besides the order: org data, the SLA clock, the repository, other orders. */
export interface StepDeps {
  org: OrgRepo;
  sla: SlaClock;
  repo: OrdersRepo;
  /** Another order the actor may see, else E_NOT_FOUND (the rule of order-visibility.ts). */
  visibleRow: (id: number, actor: OrderActor) => OrderRow;
}

/** The fields a step changes on the order (the state is set by act) and what its history row records. */
export interface StepChanges {
  fields: OrderUpdate;
  detail: Record<string, unknown>;
}

/**
 * The step of one action: checks the action's own input, makes its side writes (a supervision…) and
 * says what changes on the order. Steps run inside act's transaction.
 */
export type OrderStep = (ctx: StepContext, deps: StepDeps) => StepChanges;

/** A step that changes nothing but the state. */
export const stateOnly: OrderStep = () => ({ fields: {}, detail: {} });

/**
 * New time-limit marks (an extension, or a resume after 挂账): the limit, warn and deadline move, and
 * an alert already raised stays raised only while its mark is still behind `now`.
 */
export function clockChanges(row: OrderRow, marks: ClockMarks | null, now: number): StepChanges {
  if (!marks) return { fields: {}, detail: {} };
  return {
    fields: {
      limitMinutes: marks.limitMinutes,
      warnAt: marks.warnAt,
      deadlineAt: marks.deadlineAt,
      alertedYellow: now >= marks.warnAt ? row.alertedYellow : 0,
      alertedRed: now >= marks.deadlineAt ? row.alertedRed : 0,
    },
    detail: { deadlineAt: marks.deadlineAt },
  };
}
