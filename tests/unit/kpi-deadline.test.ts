import { describe, expect, it } from 'vitest';
import {
  closeRate,
  onTimeCloseRate,
  onTimeHandleRate,
  overdueOpen,
  supervisionCount,
  supervisionReplyRate,
} from '../../common/domain/kpi';
import { DAY, LATER, PERIOD, facts } from '../helpers/kpi-facts';

/* Period: day 10 (in) to day 20 (out). */

describe('结案率, 按期结案率, 按期处置率 over 应结案 (deadline in the period, already passed)', () => {
  const closed = { state: 'closed' as const };
  const set = [
    facts({ ...closed, deadlineAt: 11 * DAY, finalHandledAt: 10 * DAY, closedAt: 10.5 * DAY }), // all on time
    facts({ ...closed, deadlineAt: 12 * DAY, finalHandledAt: 11.5 * DAY, closedAt: 13 * DAY }), // closed late
    facts({ state: 'handling', deadlineAt: 13 * DAY }), // open past its deadline
    facts({ ...closed, deadlineAt: 9 * DAY, createdAt: 5 * DAY, closedAt: 11 * DAY }), // due before the period
    facts({ ...closed, deadlineAt: 17 * DAY, finalHandledAt: 16 * DAY, closedAt: 16 * DAY }), // due on day 17
    facts({ state: 'voided', deadlineAt: 12 * DAY, voidedAt: 11 * DAY }),
    facts({ state: 'merged', deadlineAt: 12 * DAY, mergedAt: 11 * DAY }),
    facts({ ...closed, deadlineAt: 12 * DAY, finalHandledAt: 11 * DAY, closedAt: 11 * DAY, drill: true }),
    facts({ ...closed, deadlineAt: 20 * DAY, finalHandledAt: 11 * DAY, closedAt: 11 * DAY }), // due at `to`: out
    facts({ ...closed, deadlineAt: 10 * DAY, finalHandledAt: 9.5 * DAY, closedAt: 10 * DAY }), // exactly on it
    facts({ ...closed, deadlineAt: null, closedAt: 12 * DAY }), // no time limit: in no deadline KPI
  ];

  it('counts 5 应结案 once every deadline has passed: 4 closed, 3 closed on time, 4 handled on time', () => {
    expect(closeRate(set, PERIOD, LATER)).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    expect(onTimeCloseRate(set, PERIOD, LATER)).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    expect(onTimeHandleRate(set, PERIOD, LATER)).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
  });

  it('at day 15 of the period counts only the deadlines passed (the day-17 order is not yet due)', () => {
    const now = 15 * DAY;
    expect(closeRate(set, PERIOD, now)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(onTimeCloseRate(set, PERIOD, now)).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(onTimeHandleRate(set, PERIOD, now)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it('is null, not 0 % or 100 %, when nothing is due yet', () => {
    const startOfPeriod = 10 * DAY;
    expect(closeRate(set, PERIOD, startOfPeriod)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(onTimeCloseRate([], PERIOD, LATER).value).toBeNull();
    expect(onTimeHandleRate([], PERIOD, LATER).value).toBeNull();
  });

  it('a handling reworked afterwards does not make the order handled on time', () => {
    const reworked = facts({ deadlineAt: 12 * DAY, handledAt: [11 * DAY], reworkedAt: [11.5 * DAY] });
    expect(onTimeHandleRate([reworked], PERIOD, LATER)).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe('在办超期数 at a given now', () => {
  it('counts open orders by their light; parked, finished and drill orders are not overdue', () => {
    const now = 15 * DAY;
    const set = [
      facts({ state: 'handling', warnAt: 14 * DAY, deadlineAt: 16 * DAY }), // yellow
      facts({ state: 'dispatched', warnAt: 14 * DAY, deadlineAt: 15 * DAY }), // red from the deadline on
      facts({ state: 'filed', warnAt: 16 * DAY, deadlineAt: 17 * DAY }), // green
      facts({ state: 'closed', warnAt: 0, deadlineAt: 1 * DAY }),
      facts({ state: 'parked', deadlineAt: 1 * DAY, parked: [{ from: 12 * DAY, to: null }] }),
      facts({ state: 'handling', deadlineAt: 1 * DAY, drill: true }),
      facts({ state: 'handling', deadlineAt: 14 * DAY, parked: [{ from: 11 * DAY, to: 12 * DAY }] }), // red
      facts({ state: 'reported', deadlineAt: null, warnAt: null }), // no limit
    ];
    expect(overdueOpen(set, now)).toEqual({ yellow: 1, red: 2 });
    expect(overdueOpen([], now)).toEqual({ yellow: 0, red: 0 });
  });
});

describe('督办数 and 督办按期回复率', () => {
  const set = [
    facts({
      supervisions: [
        { at: 9 * DAY, dueAt: 11 * DAY, repliedAt: 10.9 * DAY }, // raised before, due inside: replied in time
        { at: 10 * DAY, dueAt: 12 * DAY, repliedAt: 12 * DAY }, // replied exactly at the due time
      ],
    }),
    facts({ supervisions: [{ at: 12 * DAY, dueAt: 13 * DAY, repliedAt: 14 * DAY }] }), // late
    facts({ state: 'voided', voidedAt: 15 * DAY, supervisions: [{ at: 13 * DAY, dueAt: 14 * DAY, repliedAt: null }] }),
    facts({ supervisions: [{ at: 19 * DAY, dueAt: 21 * DAY, repliedAt: null }] }), // due after the period
    facts({ drill: true, supervisions: [{ at: 12 * DAY, dueAt: 13 * DAY, repliedAt: null }] }),
  ];
  it('督办数 counts supervisions raised in the period: 4', () => {
    expect(supervisionCount(set, PERIOD)).toBe(4);
  });
  it('督办按期回复率: 2 of the 4 due in the period were answered in time', () => {
    expect(supervisionReplyRate(set, PERIOD, LATER)).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });
  it('counts only replies already due at now, and is null when none is', () => {
    expect(supervisionReplyRate(set, PERIOD, 12.5 * DAY)).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(supervisionReplyRate(set, PERIOD, 10.5 * DAY).value).toBeNull();
  });
});
