import { isWithdrawn, real } from './cohorts';
import type { Interval, OrderFacts } from './order-facts';
import { inPeriod, mean, percentile, type Period } from './ratio';

export interface HandlingTime {
  /** how many orders were measured */
  count: number;
  /** average 处置时长 in ms, null when none */
  averageMs: number | null;
  /** P90 处置时长 in ms (nearest rank, see percentile), null when none */
  p90Ms: number | null;
}

/** The part of [start, end] spent parked (挂账); a span still open runs to `end`. */
function parkedWithin(parked: readonly Interval[], start: number, end: number): number {
  return parked.reduce((ms, p) => ms + Math.max(0, Math.min(p.to ?? end, end) - Math.max(p.from, start)), 0);
}

/**
 * One order's 处置时长: from its first 派遣 (an order never dispatched — self-handled by a station —
 * from its 立案, else from its report) to the handling that stands (the last 处置 not followed by a
 * 返工), minus the time parked (挂账) in between. Natural time, in ms. Rework time counts: the order
 * was not solved until the handling that stands.
 */
export function handlingMs(
  f: Pick<OrderFacts, 'finalHandledAt' | 'dispatchedAt' | 'filedAt' | 'createdAt' | 'parked'>,
): number | null {
  if (f.finalHandledAt === null) return null;
  const start = f.dispatchedAt[0] ?? f.filedAt ?? f.createdAt;
  return f.finalHandledAt - start - parkedWithin(f.parked, start, f.finalHandledAt);
}

/**
 * Average and P90 处置时长 of the orders whose handling that stands falls in the period (by its
 * time). Voided and merged orders are left out (their handling did not end the order).
 */
export function handlingTime(facts: readonly OrderFacts[], period: Period): HandlingTime {
  const values = real(facts)
    .filter((f) => !isWithdrawn(f) && inPeriod(f.finalHandledAt, period))
    .flatMap((f) => {
      const ms = handlingMs(f);
      return ms === null ? [] : [ms];
    });
  return { count: values.length, averageMs: mean(values), p90Ms: percentile(values, 90) };
}
