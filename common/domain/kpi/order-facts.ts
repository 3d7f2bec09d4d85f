import type { HistoryEntry } from '../../contract/orders';
import type { FeedbackResult } from '../orders/feedback';
import type { HandlerKind, OrderSource, OrderState } from '../orders/states';

/**
 * The columns of an order the KPIs read: a subset of the orders repository's OrderRow
 * (main/services/orders/order-rows.ts), which main passes as it is (common imports nothing of main,
 * so the shape is repeated here; a unit test keeps OrderRow assignable to it).
 */
export interface KpiOrderRow {
  id: number;
  code: string;
  domainId: string;
  categoryId: string;
  source: OrderSource;
  stationId: string | null;
  workstationId: string | null;
  state: OrderState;
  handlerKind: HandlerKind | null;
  handlerId: string | null;
  createdAt: number;
  warnAt: number | null;
  deadlineAt: number | null;
  pausedAt: number | null;
  /** the incident the order is linked to, if any (its drill flag makes the order a drill) */
  incidentId: number | null;
  feedbackResult: FeedbackResult | null;
  feedbackAt: number | null;
}

/** The history columns the KPIs read (OrdersRepo.history answers whole HistoryEntry rows). */
export type KpiHistoryEntry = Pick<HistoryEntry, 'at' | 'action' | 'toState' | 'detail' | 'orderCode'>;

/** A time span [from, to) in epoch ms; `to` null while it still runs. */
export interface Interval {
  from: number;
  to: number | null;
}

/** One 督办: when it was raised, when its reply was due (moved by 催办 follow-ups) and when it came. */
export interface SupervisionFacts {
  at: number;
  dueAt: number;
  repliedAt: number | null;
}

/**
 * One order as the KPIs see it: who it belongs to and when each step of its life happened.
 * Derived by orderFactsOf from the order row and its own history; times are epoch ms, null when
 * the step has not happened. Lists hold every occurrence (a step can repeat: rework, re-dispatch).
 */
export interface OrderFacts extends Pick<
  KpiOrderRow,
  'id' | 'code' | 'domainId' | 'categoryId' | 'source' | 'stationId' | 'workstationId' | 'state' | 'createdAt'
> {
  /** the department handling it now (handler of kind department), else null */
  departmentId: string | null;
  /** exercise: linked to a drill incident; drills never count in any KPI */
  drill: boolean;
  /** 受理 */
  acceptedAt: number | null;
  /** 立案 */
  filedAt: number | null;
  /** 派遣 (from 待派遣, by the center), every time — again after an approved 退单 */
  dispatchedAt: readonly number[];
  /** 处置完成 and 自处理, every time (again after each 返工) */
  handledAt: readonly number[];
  /** the last 处置 not followed by a 返工 (the handling that stands), else null */
  finalHandledAt: number | null;
  /** 返工 (核查不通过), every time */
  reworkedAt: readonly number[];
  /** the last 核查通过 */
  verifiedAt: number | null;
  /** 退单 approved (the order went back to 待派遣), every time */
  returnedAt: readonly number[];
  /** every dispatch and redispatch went to a station or workstation, or the station handled it itself */
  handledInStation: boolean;
  /** 结案 */
  closedAt: number | null;
  voidedAt: number | null;
  mergedAt: number | null;
  /** 挂账 spans: approved park → resume (to null while still parked) */
  parked: readonly Interval[];
  supervisions: readonly SupervisionFacts[];
  /** the order's deadline as it stands (after 延时 extensions and 挂账 pauses), its 80 % mark, the 回访 */
  deadlineAt: KpiOrderRow['deadlineAt'];
  warnAt: KpiOrderRow['warnAt'];
  feedbackResult: KpiOrderRow['feedbackResult'];
  feedbackAt: KpiOrderRow['feedbackAt'];
}
