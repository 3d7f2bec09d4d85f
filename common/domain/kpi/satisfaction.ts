import type { FeedbackResult } from '../orders/feedback';
import { real } from './cohorts';
import type { OrderFacts } from './order-facts';
import { inPeriod, ratio, type Period, type Ratio } from './ratio';

/** The answers that make a 回访: a reporter who could not be reached (未联系上) gave none. */
const ANSWERED: readonly FeedbackResult[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
const CONTENT: readonly FeedbackResult[] = ['satisfied', 'basically_satisfied'];

/**
 * 满意率 = (满意 + 基本满意) / 回访数. 回访数: feedback recorded in the period (by its time) with an
 * answer (满意, 基本满意 or 不满意; 未联系上 is not counted) — the order's closing may lie in an
 * earlier period.
 */
export function satisfactionRate(facts: readonly OrderFacts[], period: Period): Ratio {
  const answered = real(facts).filter(
    (f) => f.feedbackResult !== null && ANSWERED.includes(f.feedbackResult) && inPeriod(f.feedbackAt, period),
  );
  return ratio(
    answered.filter((f) => f.feedbackResult !== null && CONTENT.includes(f.feedbackResult)).length,
    answered.length,
  );
}
