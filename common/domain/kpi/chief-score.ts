import { apiError } from '../../contract/errors';
import { real } from './cohorts';
import type { OrderFacts } from './order-facts';
import { inPeriod, ratio, type Period, type Ratio } from './ratio';

/** The shares of the 值班长's 综合指标值; they must sum to 1. */
export interface ChiefWeights {
  onTimeFiling: number;
  accurateFiling: number;
  onTimeClosing: number;
}

/** 按时立案率 25 %, 准确立案率 40 %, 按时结案率 35 % (the digital-urban-management assessment). */
export const DEFAULT_CHIEF_WEIGHTS: ChiefWeights = { onTimeFiling: 0.25, accurateFiling: 0.4, onTimeClosing: 0.35 };

/**
 * The 值班长's own step limits, in natural minutes: 立案 within `fileWithinMinutes` of 受理, 结案
 * within `closeWithinMinutes` of 核查通过. The center sets them; nothing records them yet.
 */
export interface ChiefOptions {
  fileWithinMinutes: number;
  closeWithinMinutes: number;
  weights?: ChiefWeights;
}

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

export interface ChiefScore {
  onTimeFiling: Ratio;
  accurateFiling: Ratio;
  onTimeClosing: Ratio;
  /** Σ weight × rate × 100, 0–100; null when any of the three rates has no denominator */
  score: number | null;
  grade: Grade | null;
}

const MINUTE = 60_000;

/** Refuses weights that are negative, not numbers, or do not sum to 1 (to within 1e-9). */
export function checkWeights(w: ChiefWeights): void {
  const parts = [w.onTimeFiling, w.accurateFiling, w.onTimeClosing];
  if (parts.some((p) => !Number.isFinite(p) || p < 0)) {
    throw apiError('E_INVALID', '综合指标权重须为不小于 0 的数', 'Score weights must be numbers of at least 0');
  }
  const sum = parts.reduce((s, p) => s + p, 0);
  if (Math.abs(sum - 1) > 1e-9) {
    throw apiError(
      'E_INVALID',
      `综合指标权重之和须为 1（100 %），现为 ${sum}`,
      `Score weights must sum to 1 (100 %); they sum to ${sum}`,
      { sum },
    );
  }
}

/** A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below (a score exactly on a boundary takes the higher grade). */
export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'E';
}

/** 按时立案率 = 按时立案数 / 立案数: of the orders filed in the period, filed within the limit of 受理 (else of the report). */
export function onTimeFilingRate(facts: readonly OrderFacts[], period: Period, withinMinutes: number): Ratio {
  const filed = real(facts).filter((f) => inPeriod(f.filedAt, period));
  const onTime = filed.filter((f) => (f.filedAt ?? 0) - (f.acceptedAt ?? f.createdAt) <= withinMinutes * MINUTE);
  return ratio(onTime.length, filed.length);
}

/** 准确立案率 = (立案数 − 作废数) / 立案数: of the orders filed in the period, those not voided since. */
export function accurateFilingRate(facts: readonly OrderFacts[], period: Period): Ratio {
  const filed = real(facts).filter((f) => inPeriod(f.filedAt, period));
  return ratio(filed.filter((f) => f.voidedAt === null).length, filed.length);
}

/** 按时结案率 = 按时结案数 / 结案数: of the orders closed in the period, closed within the limit of 核查通过. */
export function onTimeClosingRate(facts: readonly OrderFacts[], period: Period, withinMinutes: number): Ratio {
  const closed = real(facts).filter((f) => inPeriod(f.closedAt, period));
  const onTime = closed.filter(
    (f) => f.verifiedAt !== null && (f.closedAt ?? 0) - f.verifiedAt <= withinMinutes * MINUTE,
  );
  return ratio(onTime.length, closed.length);
}

/** The three rates of a 值班长's 综合指标值. */
export type ChiefRates = Pick<ChiefScore, 'onTimeFiling' | 'accurateFiling' | 'onTimeClosing'>;

/**
 * The weighted sum of the three rates × 100, rounded to 1e-6 (so 0.25·0.9 + 0.4·0.9 + 0.35·0.9
 * grades as exactly 90), and its grade; none when a rate has no denominator. Bad weights: E_INVALID.
 */
export function scoreOf(rates: ChiefRates, weights: ChiefWeights = DEFAULT_CHIEF_WEIGHTS): ChiefScore {
  checkWeights(weights);
  const { onTimeFiling: a, accurateFiling: b, onTimeClosing: c } = rates;
  if (a.value === null || b.value === null || c.value === null) return { ...rates, score: null, grade: null };
  const w = weights;
  const raw = 100 * (w.onTimeFiling * a.value + w.accurateFiling * b.value + w.onTimeClosing * c.value);
  const score = Math.round(raw * 1e6) / 1e6;
  return { ...rates, score, grade: gradeOf(score) };
}

/** The 值班长's 综合指标值 over the period (scoreOf the three rates of the facts). */
export function chiefScore(facts: readonly OrderFacts[], period: Period, options: ChiefOptions): ChiefScore {
  checkWeights(options.weights ?? DEFAULT_CHIEF_WEIGHTS);
  const rates = {
    onTimeFiling: onTimeFilingRate(facts, period, options.fileWithinMinutes),
    accurateFiling: accurateFilingRate(facts, period),
    onTimeClosing: onTimeClosingRate(facts, period, options.closeWithinMinutes),
  };
  return scoreOf(rates, options.weights);
}
