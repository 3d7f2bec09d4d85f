import { describe, expect, it } from 'vitest';
import { accurateFilingRate, chiefScore, gradeOf, onTimeFilingRate, onTimeClosingRate } from '../../common/domain/kpi';
import { apiErr } from '../helpers/api-error';
import { DAY, MIN, PERIOD, facts } from '../helpers/kpi-facts';

const LIMITS = { fileWithinMinutes: 30, closeWithinMinutes: 60 };
const T = 11 * DAY;

/** Filed `minutes` after 受理 on day 11. */
const filedAfter = (minutes: number, over = {}) => facts({ acceptedAt: T, filedAt: T + minutes * MIN, ...over });
/** Closed `minutes` after 核查通过 on day 12. */
const closedAfter = (minutes: number, over = {}) =>
  facts({ state: 'closed', verifiedAt: 12 * DAY, closedAt: 12 * DAY + minutes * MIN, ...over });

describe('值班长 综合指标值', () => {
  // filed after 10, 30 (exactly the limit), 31 and 5 minutes; the last one voided since
  const filed = [
    filedAfter(10),
    filedAfter(30),
    filedAfter(31),
    filedAfter(5, { voidedAt: 13 * DAY, state: 'voided' }),
  ];
  // closed 60 (exactly the limit) and 120 minutes after verification
  const closed = [closedAfter(60), closedAfter(120)];
  const drills = [filedAfter(90, { drill: true }), closedAfter(600, { drill: true })];
  const set = [...filed, ...closed, ...drills];

  it('computes the three rates by hand: 3/4 filed on time, 3/4 not voided, 1/2 closed on time', () => {
    expect(onTimeFilingRate(set, PERIOD, 30)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(accurateFilingRate(set, PERIOD)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(onTimeClosingRate(set, PERIOD, 60)).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('weights them 25/40/35 by default: 18.75 + 30 + 17.5 = 66.25, grade C', () => {
    const s = chiefScore(set, PERIOD, LIMITS);
    expect(s.score).toBeCloseTo(66.25, 9);
    expect(s.grade).toBe('C');
  });

  it('takes other weights: 50/50/0 gives 37.5 + 37.5 + 0 = 75, grade B', () => {
    const s = chiefScore(set, PERIOD, {
      ...LIMITS,
      weights: { onTimeFiling: 0.5, accurateFiling: 0.5, onTimeClosing: 0 },
    });
    expect(s.score).toBe(75);
    expect(s.grade).toBe('B');
  });

  it('scores exactly 90 (grade A) when every rate is 9/10 — no floating-point slip to B', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i);
    const nine = [
      ...ten.map((i) => filedAfter(i === 0 ? 31 : 10, i === 1 ? { voidedAt: 13 * DAY } : {})),
      ...ten.map((i) => closedAfter(i === 0 ? 61 : 60)),
    ];
    const s = chiefScore(nine, PERIOD, LIMITS);
    expect(s.score).toBe(90);
    expect(s.grade).toBe('A');
  });

  it('has no score or grade when a rate has no denominator (nothing closed)', () => {
    const s = chiefScore(filed, PERIOD, LIMITS);
    expect(s.onTimeClosing.value).toBeNull();
    expect(s.score).toBeNull();
    expect(s.grade).toBeNull();
  });

  it('refuses weights that do not sum to 1, or negative ones, with E_INVALID', () => {
    const bad = { onTimeFiling: 0.25, accurateFiling: 0.4, onTimeClosing: 0.25 };
    const err = apiErr(() => chiefScore(set, PERIOD, { ...LIMITS, weights: bad }));
    expect(err.code).toBe('E_INVALID');
    expect(err.message).toContain('0.9');
    const negative = { onTimeFiling: 1.5, accurateFiling: -0.5, onTimeClosing: 0 };
    expect(apiErr(() => chiefScore(set, PERIOD, { ...LIMITS, weights: negative })).code).toBe('E_INVALID');
    const nan = { onTimeFiling: Number.NaN, accurateFiling: 0.5, onTimeClosing: 0.5 };
    expect(apiErr(() => chiefScore([], PERIOD, { ...LIMITS, weights: nan })).code).toBe('E_INVALID');
  });
});

describe('grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [60, 'C'],
    [59.99, 'D'],
    [40, 'D'],
    [39.99, 'E'],
    [0, 'E'],
  ])('%d → %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });
});
