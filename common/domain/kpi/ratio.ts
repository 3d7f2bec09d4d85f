/**
 * The building blocks every KPI shares: the half-open period, the ratio that knows its own
 * numerator and denominator, and the percentile rule. Pure; no clock, no database.
 */

/** A period [from, to) in epoch ms: an event at `from` counts, one at `to` belongs to the next period. */
export interface Period {
  from: number;
  to: number;
}

/**
 * A KPI ratio. `value` is numerator / denominator in [0, 1], or null when the denominator is 0 —
 * the UI shows "—" then, never 0 % or 100 % (nothing was due, so nothing was met or missed).
 */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** True when the instant lies in the period; null (the event has not happened) never does. */
export function inPeriod(at: number | null, period: Period): boolean {
  return at !== null && at >= period.from && at < period.to;
}

/**
 * The part of the period that is already due at `now`: [from, min(to, now)). The "应…" cohorts
 * (应结案, 应回复) count only deadlines that have passed, so a running month is not marked down
 * for orders whose deadline is still ahead.
 */
export function duePart(period: Period, now: number): Period {
  return { from: period.from, to: Math.min(period.to, now) };
}

/**
 * The p-th percentile by the nearest-rank rule: the smallest value with at least p % of the values
 * at or below it (sorted ascending, index ceil(p/100 · n) − 1). With few values it is an actual
 * value, never interpolated: for n = 1 it is that value, for n ≤ 10 the P90 is the largest. null
 * when there are no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** The arithmetic mean, or null when there are no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** How many of the instants fall in the period. */
export function countIn(instants: readonly number[], period: Period): number {
  return instants.filter((at) => inPeriod(at, period)).length;
}
