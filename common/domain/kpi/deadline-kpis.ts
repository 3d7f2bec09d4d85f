import { isOpen } from '../orders/states';
import { isWithdrawn, metBy, real } from './cohorts';
import type { OrderFacts } from './order-facts';
import { duePart, inPeriod, ratio, type Period, type Ratio } from './ratio';

/**
 * 应结案: the orders whose 结案 deadline (as it stands, after 延时 and 挂账) falls in the period's
 * due part [from, min(to, now)) — an order crossing the boundary belongs to the period of its
 * deadline, whenever it was reported or closed. Voided and merged orders are never 应结案; orders
 * without a deadline (no time limit) are in no deadline KPI.
 */
export function dueToClose(facts: readonly OrderFacts[], period: Period, now: number): OrderFacts[] {
  const due = duePart(period, now);
  return real(facts).filter((f) => !isWithdrawn(f) && inPeriod(f.deadlineAt, due));
}

/** 结案率 = 结案数 / 应结案数; 结案数: the 应结案 orders closed (结案), at any time up to now. */
export function closeRate(facts: readonly OrderFacts[], period: Period, now: number): Ratio {
  const due = dueToClose(facts, period, now);
  return ratio(due.filter((f) => f.closedAt !== null).length, due.length);
}

/** 按期结案率 = 按期结案数 / 应结案数; 按期结案: closed at or before its deadline. */
export function onTimeCloseRate(facts: readonly OrderFacts[], period: Period, now: number): Ratio {
  const due = dueToClose(facts, period, now);
  return ratio(due.filter((f) => f.deadlineAt !== null && metBy(f.closedAt, f.deadlineAt)).length, due.length);
}

/**
 * 按期处置率 = 按期处置数 / 应结案数 (the same cohort as 按期结案率: the order's one time limit
 * covers handling and closing). 按期处置: the handling that stands (the last 处置完成/自处理 not
 * followed by a 返工) came at or before the deadline — a handling reworked afterwards does not count.
 */
export function onTimeHandleRate(facts: readonly OrderFacts[], period: Period, now: number): Ratio {
  const due = dueToClose(facts, period, now);
  return ratio(due.filter((f) => f.deadlineAt !== null && metBy(f.finalHandledAt, f.deadlineAt)).length, due.length);
}

export interface OverdueCounts {
  /** past 80 % of the limit, not yet past the deadline */
  yellow: number;
  /** past the deadline */
  red: number;
}

/**
 * 在办超期数 at `now` (the lights of the order list): open orders (not closed, voided or merged)
 * reported by `now`, red from the deadline on, yellow from the 80 % mark; a parked (挂账) order's
 * clock is frozen and it is neither. No period: it is the state of the room at `now`.
 */
export function overdueOpen(facts: readonly OrderFacts[], now: number): OverdueCounts {
  const out: OverdueCounts = { yellow: 0, red: 0 };
  for (const f of real(facts)) {
    if (!isOpen(f.state) || f.createdAt > now || f.parked.some((p) => p.to === null)) continue;
    if (f.deadlineAt !== null && now >= f.deadlineAt) out.red += 1;
    else if (f.warnAt !== null && now >= f.warnAt) out.yellow += 1;
  }
  return out;
}

/** 督办数: supervisions (督办) raised in the period, by the time raised; a 催办 is not a new one. */
export function supervisionCount(facts: readonly OrderFacts[], period: Period): number {
  return real(facts).reduce((n, f) => n + f.supervisions.filter((s) => inPeriod(s.at, period)).length, 0);
}

/**
 * 督办按期回复率 = 按期回复数 / 应回复数. 应回复: supervisions whose reply was due (the due time as
 * the last 催办 set it) in the period's due part [from, min(to, now)); 按期回复: replied at or before
 * it. A supervision of an order voided or merged since still counts (the reply was owed).
 */
export function supervisionReplyRate(facts: readonly OrderFacts[], period: Period, now: number): Ratio {
  const due = duePart(period, now);
  const owed = real(facts).flatMap((f) => f.supervisions.filter((s) => inPeriod(s.dueAt, due)));
  return ratio(owed.filter((s) => metBy(s.repliedAt, s.dueAt)).length, owed.length);
}
