const HOUR = 3600_000;
/** A supervision with no time limit to go by (an order without one) is due the next day. */
const NO_LIMIT_DUE_MS = 24 * HOUR;

/**
 * The default 督办 due time, the rule named 「剩余时限过半」: half the order's
 * remaining time, at least 1 hour, and never after the order's deadline — so a supervision on an
 * order with 10 h left is due in 5 h, one with 90 min left in 1 h, one with 20 min left at its
 * deadline. An order already past its deadline gets 1 hour; a parked (挂账) order counts the time it
 * had left when parked; an order without a time limit gets 24 hours.
 */
export function defaultSupervisionDue(
  now: number,
  order: { deadlineAt: number | null; pausedAt: number | null },
): number {
  if (order.deadlineAt === null) return now + NO_LIMIT_DUE_MS;
  const remaining = order.deadlineAt - (order.pausedAt ?? now);
  if (remaining <= 0) return now + HOUR;
  return now + Math.min(remaining, Math.max(HOUR, remaining / 2));
}
