import { describe, expect, it } from 'vitest';
import { acceptedCount, filedCount, inStationRate, reworkRate, returnRate } from '../../common/domain/kpi';
import { DAY, PERIOD, facts } from '../helpers/kpi-facts';

/* Period: day 10 (in) to day 20 (out). Expected numbers are counted by hand in each test. */

describe('受理量 and 立案数: by the time of the step, half-open period', () => {
  const set = [
    facts({ acceptedAt: 9 * DAY, filedAt: 10.5 * DAY }), // accepted before, filed inside: 立案 only
    facts({ acceptedAt: 10 * DAY, filedAt: 10 * DAY }), // exactly at `from`: both
    facts({ acceptedAt: 19.9 * DAY, filedAt: 20 * DAY }), // filed exactly at `to`: 受理 only
    facts({ acceptedAt: 12 * DAY, filedAt: 12 * DAY, voidedAt: 13 * DAY, state: 'voided' }), // counts: it happened
    facts({ acceptedAt: 12 * DAY, filedAt: 12 * DAY, mergedAt: 13 * DAY, state: 'merged' }), // same
    facts({ acceptedAt: 12 * DAY, filedAt: 12 * DAY, drill: true }), // drills never
  ];
  it('受理量 = 4 (days 10, 19.9, and the voided and merged orders)', () => {
    expect(acceptedCount(set, PERIOD)).toBe(4);
  });
  it('立案数 = 4 (days 10.5, 10, and the voided and merged orders)', () => {
    expect(filedCount(set, PERIOD)).toBe(4);
  });
  it('is 0 for no orders', () => {
    expect(acceptedCount([], PERIOD)).toBe(0);
    expect(filedCount([], PERIOD)).toBe(0);
  });
});

describe('返工率 = 返工数 / 处置数', () => {
  it('counts each rework and each handling: reworked twice is 2 返工 over 3 处置', () => {
    const set = [
      facts({ handledAt: [11, 13, 15].map((d) => d * DAY), reworkedAt: [12, 14].map((d) => d * DAY) }),
      facts({ handledAt: [19 * DAY], reworkedAt: [21 * DAY] }), // the rework falls after the period
      facts({ handledAt: [9 * DAY] }), // before the period
      facts({ handledAt: [11 * DAY], reworkedAt: [12 * DAY], drill: true }),
    ];
    expect(reworkRate(set, PERIOD)).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });
  it('is null (shown "—") with nothing handled, not 0', () => {
    expect(reworkRate([facts({ reworkedAt: [11 * DAY] })], { from: 11 * DAY, to: 12 * DAY })).toEqual({
      numerator: 1,
      denominator: 0,
      value: null,
    });
    expect(reworkRate([], PERIOD).value).toBeNull();
  });
});

describe('退单率 = 退单数 / 派遣数', () => {
  it('counts approved returns and every dispatch by their time; a return crossing the boundary counts where it fell', () => {
    const set = [
      facts({ dispatchedAt: [11 * DAY] }),
      facts({ dispatchedAt: [12 * DAY, 15 * DAY], returnedAt: [14 * DAY] }),
      facts({ dispatchedAt: [9 * DAY], returnedAt: [10.5 * DAY] }), // dispatched before, returned inside
      facts({ dispatchedAt: [11 * DAY], returnedAt: [12 * DAY], drill: true }),
    ];
    expect(returnRate(set, PERIOD)).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });
  it('is null with no dispatch', () => {
    expect(returnRate([facts()], PERIOD)).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe('站内解决率 = 站内办结数 / 立案数', () => {
  it('takes the orders filed in the period and counts those closed without a department', () => {
    const set = [
      facts({ filedAt: 11 * DAY, closedAt: 12 * DAY, handledInStation: true }), // yes
      facts({ filedAt: 11 * DAY, closedAt: 12 * DAY, handledInStation: false }), // went to a department
      facts({ filedAt: 11 * DAY, handledInStation: true }), // not closed yet
      facts({ filedAt: 11 * DAY, voidedAt: 12 * DAY, state: 'voided', handledInStation: true }), // voided
      facts({ filedAt: 9 * DAY, closedAt: 12 * DAY, handledInStation: true }), // filed before the period
      facts({ filedAt: 12 * DAY, closedAt: 13 * DAY, handledInStation: true, drill: true }),
    ];
    expect(inStationRate(set, PERIOD)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });
  it('is null when nothing was filed, even with drills closed in the station', () => {
    const drill = facts({ filedAt: 11 * DAY, closedAt: 12 * DAY, handledInStation: true, drill: true });
    expect(inStationRate([drill], PERIOD).value).toBeNull();
  });
});
