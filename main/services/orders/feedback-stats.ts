import { FEEDBACK_RESULTS, type FeedbackResult } from '../../../common/domain/orders/feedback';
import type { Db } from '../../db/connection';
import { orderScopeSql, type OrderScope } from './order-visibility';

export interface FeedbackCounts {
  counts: Record<FeedbackResult, number>;
  total: number;
}

/**
 * 回访结果 counted per result over [from, to) by the time the feedback was recorded — what the
 * satisfaction KPI reads. The scope is the order list's (a station's user counts its
 * station's orders; the center counts all).
 */
export function feedbackCounts(db: Db, period: { from: number; to: number }, scope: OrderScope): FeedbackCounts {
  const scoped = orderScopeSql(scope);
  const rows = db
    .prepare(
      `SELECT o.feedback_result AS result, COUNT(*) AS n FROM orders o INDEXED BY orders_feedback_at
       WHERE o.feedback_at IS NOT NULL AND o.feedback_at >= ? AND o.feedback_at < ?${scoped ? ` AND ${scoped.sql}` : ''}
       GROUP BY o.feedback_result`,
    )
    .all(period.from, period.to, ...(scoped?.params ?? [])) as { result: FeedbackResult; n: number }[];
  const counts = Object.fromEntries(FEEDBACK_RESULTS.map((r) => [r, 0])) as Record<FeedbackResult, number>;
  for (const row of rows) counts[row.result] = row.n;
  return { counts, total: rows.reduce((sum, r) => sum + r.n, 0) };
}
