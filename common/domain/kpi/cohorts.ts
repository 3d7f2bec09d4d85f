import type { OrderFacts } from './order-facts';

/**
 * The rules every KPI applies before counting (one place, so no KPI forgets one):
 * - drills (演练) never count, in any KPI;
 * - a withdrawn order — voided (作废) or merged (合并) into another — still counts for the steps it
 *   really went through before (受理, 立案, 派遣, 处置…), but never in a cohort that expects it
 *   to be finished (应结案, 处置时长), since it will never be closed on its own;
 * - a deadline or step limit is met by a step at or before it (t ≤ deadline).
 */
export function real(facts: readonly OrderFacts[]): OrderFacts[] {
  return facts.filter((f) => !f.drill);
}

export function isWithdrawn(f: Pick<OrderFacts, 'voidedAt' | 'mergedAt' | 'state'>): boolean {
  return f.voidedAt !== null || f.mergedAt !== null || f.state === 'voided' || f.state === 'merged';
}

/** The step happened, at or before the deadline. */
export function metBy(at: number | null, deadline: number): boolean {
  return at !== null && at <= deadline;
}
