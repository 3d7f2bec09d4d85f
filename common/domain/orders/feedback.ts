/**
 * 回访结果: what the reporter said when called back. Codes are stored; the
 * satisfaction KPI counts them per period (main/services/orders/feedback-stats.ts).
 */
export const FEEDBACK_RESULTS = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const;
export type FeedbackResult = (typeof FEEDBACK_RESULTS)[number];

export const FEEDBACK_RESULT_NAMES: Record<FeedbackResult, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  unreachable: { zh: '未联系上', en: 'Could not be reached' },
};

export function isFeedbackResult(value: unknown): value is FeedbackResult {
  return typeof value === 'string' && (FEEDBACK_RESULTS as readonly string[]).includes(value);
}
