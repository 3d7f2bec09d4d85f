import { describe, expect, it } from 'vitest';
import { handlingMs, handlingTime, percentile, satisfactionRate } from '../../common/domain/kpi';
import { DAY, HOUR, PERIOD, facts } from '../helpers/kpi-facts';

describe('处置时长 of one order (parked time excluded)', () => {
  it('runs from the first 派遣 to the handling that stands, less the 挂账 spans', () => {
    const f = facts({
      dispatchedAt: [10 * DAY, 11.5 * DAY],
      parked: [{ from: 11 * DAY, to: 12 * DAY }],
      finalHandledAt: 13 * DAY,
    });
    expect(handlingMs(f)).toBe(2 * DAY); // 3 days less 1 day parked
  });
  it('counts only the parked part inside the handling time', () => {
    const f = facts({
      dispatchedAt: [10 * DAY],
      parked: [{ from: 9 * DAY, to: 10.5 * DAY }],
      finalHandledAt: 12 * DAY,
    });
    expect(handlingMs(f)).toBe(1.5 * DAY); // 2 days less the half day parked after dispatch
  });
  it('starts at 立案 for a self-handled order, else at its report', () => {
    expect(handlingMs(facts({ filedAt: 10 * DAY, finalHandledAt: 10.25 * DAY }))).toBe(0.25 * DAY);
    expect(handlingMs(facts({ createdAt: 11 * DAY, finalHandledAt: 11.5 * DAY }))).toBe(0.5 * DAY);
  });
  it('includes the rework of an order reworked twice (solved only by the last handling)', () => {
    const f = facts({
      dispatchedAt: [10 * DAY],
      handledAt: [11, 13, 15].map((d) => d * DAY),
      reworkedAt: [12, 14].map((d) => d * DAY),
      finalHandledAt: 15 * DAY,
    });
    expect(handlingMs(f)).toBe(5 * DAY);
  });
  it('is null while no handling stands', () => {
    expect(handlingMs(facts({ dispatchedAt: [10 * DAY] }))).toBeNull();
  });
});

describe('average and P90 处置时长 over the period', () => {
  const handled = (hours: number, at = 12 * DAY) => facts({ dispatchedAt: [at - hours * HOUR], finalHandledAt: at });

  it('averages the orders whose handling stands in the period; voided, merged, drills and others left out', () => {
    const set = [
      handled(1),
      handled(2),
      handled(3),
      handled(50, 21 * DAY), // handled after the period
      { ...handled(40), voidedAt: 13 * DAY, state: 'voided' as const },
      { ...handled(40), mergedAt: 13 * DAY, state: 'merged' as const },
      { ...handled(40), drill: true },
    ];
    expect(handlingTime(set, PERIOD)).toEqual({ count: 3, averageMs: 2 * HOUR, p90Ms: 3 * HOUR });
  });
  it('P90 with few values is the nearest rank: one value is itself, 10 values the 9th, 11 values the 10th', () => {
    expect(handlingTime([handled(7)], PERIOD)).toEqual({ count: 1, averageMs: 7 * HOUR, p90Ms: 7 * HOUR });
    const hours = (n: number) => Array.from({ length: n }, (_, i) => handled(i + 1));
    expect(handlingTime(hours(10), PERIOD).p90Ms).toBe(9 * HOUR);
    expect(handlingTime(hours(11), PERIOD).p90Ms).toBe(10 * HOUR);
    expect(percentile([5, 1, 3], 90)).toBe(5);
  });
  it('has no average or P90 with nothing handled', () => {
    expect(handlingTime([], PERIOD)).toEqual({ count: 0, averageMs: null, p90Ms: null });
  });
});

describe('满意率 = (满意 + 基本满意) / 回访数', () => {
  it('counts answered feedback given in the period; 未联系上 is no 回访', () => {
    const set = [
      facts({ feedbackResult: 'satisfied', feedbackAt: 11 * DAY, closedAt: 8 * DAY }), // closed before the period
      facts({ feedbackResult: 'basically_satisfied', feedbackAt: 12 * DAY }),
      facts({ feedbackResult: 'dissatisfied', feedbackAt: 13 * DAY }),
      facts({ feedbackResult: 'unreachable', feedbackAt: 13 * DAY }),
      facts({ feedbackResult: 'satisfied', feedbackAt: 9 * DAY }),
      facts({ feedbackResult: 'satisfied', feedbackAt: 12 * DAY, drill: true }),
    ];
    expect(satisfactionRate(set, PERIOD)).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });
  it('is null when no one answered', () => {
    const set = [facts({ feedbackResult: 'unreachable', feedbackAt: 13 * DAY })];
    expect(satisfactionRate(set, PERIOD)).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});
