import { describe, expect, it } from 'vitest';
import { orderFactsOf } from '../../common/domain/kpi';
import { HOUR, orderRow, step } from '../helpers/kpi-facts';

const NONE = new Set<number>();

/** Accepted, filed, dispatched, supervised (with a 催办), parked, reworked twice, closed, fed back. */
const LONG_LIFE = [
  step('HQ-7', 0, 'create'),
  step('HQ-7', 1 * HOUR, 'accept'),
  step('HQ-7', 2 * HOUR, 'file'),
  step('HQ-7', 3 * HOUR, 'dispatch', { handlerKind: 'station' }),
  step('HQ-7', 4 * HOUR, 'supervise', { dueAt: 10 * HOUR }),
  step('HQ-7', 5 * HOUR, 'supervise', { dueAt: 12 * HOUR, followUp: true }),
  step('HQ-7', 6 * HOUR, 'approve_park'),
  step('HQ-7', 9 * HOUR, 'resume', { pausedMs: 3 * HOUR }),
  step('HQ-7', 11 * HOUR, 'reply_supervision'),
  step('HQ-7', 13 * HOUR, 'complete'),
  step('HQ-7', 14 * HOUR, 'verify_fail', { rework: 1 }),
  step('HQ-7', 15 * HOUR, 'complete'),
  step('HQ-7', 16 * HOUR, 'verify_fail', { rework: 2 }),
  step('HQ-7', 17 * HOUR, 'complete'),
  step('HQ-7', 18 * HOUR, 'verify_pass'),
  step('HQ-7', 19 * HOUR, 'close'),
  step('HQ-7', 20 * HOUR, 'feedback', { feedbackResult: 'satisfied' }),
];

describe('orderFactsOf: an order row and its history as KPI facts', () => {
  it('reads every step of a long life: reworked twice, parked once, supervised with a follow-up', () => {
    const row = orderRow({ code: 'HQ-7', createdAt: 0, deadlineAt: 50 * HOUR, warnAt: 40 * HOUR });
    const f = orderFactsOf(row, LONG_LIFE, NONE);
    expect(f).toMatchObject({
      ...{ acceptedAt: 1 * HOUR, filedAt: 2 * HOUR, dispatchedAt: [3 * HOUR], verifiedAt: 18 * HOUR },
      ...{ handledAt: [13 * HOUR, 15 * HOUR, 17 * HOUR], reworkedAt: [14 * HOUR, 16 * HOUR] },
      ...{ finalHandledAt: 17 * HOUR, closedAt: 19 * HOUR, voidedAt: null, mergedAt: null, drill: false },
      ...{ parked: [{ from: 6 * HOUR, to: 9 * HOUR }], handledInStation: true, deadlineAt: 50 * HOUR },
    });
    // one supervision: the follow-up moved its due time to 12 h, the reply came at 11 h
    expect(f.supervisions).toEqual([{ at: 4 * HOUR, dueAt: 12 * HOUR, repliedAt: 11 * HOUR }]);
  });

  it('leaves out the steps of children merged into the order (their own code in the history)', () => {
    const history = [
      step('HQ-7', 1 * HOUR, 'accept'),
      step('HQ-8', 2 * HOUR, 'accept'),
      step('HQ-8', 3 * HOUR, 'merge', { parentId: 7 }),
    ];
    const f = orderFactsOf(orderRow({ code: 'HQ-7', state: 'accepted' }), history, NONE);
    expect(f.acceptedAt).toBe(1 * HOUR);
    expect(f.mergedAt).toBeNull();
  });

  it('marks a merged or voided order, and ends an open 挂账 span at the void', () => {
    const merged = orderFactsOf(orderRow({ code: 'M' }), [step('M', 2 * HOUR, 'merge', { parentId: 1 })], NONE);
    expect(merged.mergedAt).toBe(2 * HOUR);
    const voided = orderFactsOf(
      orderRow({ code: 'V', state: 'voided' }),
      [step('V', 1 * HOUR, 'approve_park'), step('V', 4 * HOUR, 'void')],
      NONE,
    );
    expect(voided.voidedAt).toBe(4 * HOUR);
    expect(voided.parked).toEqual([{ from: 1 * HOUR, to: 4 * HOUR }]);
  });

  it('keeps a 挂账 span still open while the order is parked', () => {
    const f = orderFactsOf(orderRow({ code: 'P', state: 'parked' }), [step('P', 1 * HOUR, 'approve_park')], NONE);
    expect(f.parked).toEqual([{ from: 1 * HOUR, to: null }]);
  });

  it('counts approved returns only, and a department dispatch makes it no station solution', () => {
    const history = [
      step('R', 1 * HOUR, 'dispatch', { handlerKind: 'department' }),
      step('R', 2 * HOUR, 'request_return'),
      step('R', 3 * HOUR, 'reject_return'),
      step('R', 4 * HOUR, 'request_return'),
      step('R', 5 * HOUR, 'approve_return'),
      step('R', 6 * HOUR, 'dispatch', { handlerKind: 'station' }),
      step('R', 7 * HOUR, 'complete'),
    ];
    const f = orderFactsOf(orderRow({ code: 'R', handlerKind: 'department', handlerId: 'dep1' }), history, NONE);
    expect(f.returnedAt).toEqual([5 * HOUR]);
    expect(f.dispatchedAt).toEqual([1 * HOUR, 6 * HOUR]);
    expect(f.handledInStation).toBe(false);
    expect(f.departmentId).toBe('dep1');
  });

  it('a station solving its own report is a station solution; a 改派 to a department is not', () => {
    const own = orderFactsOf(orderRow({ code: 'S' }), [step('S', 1 * HOUR, 'self_handle')], NONE);
    expect(own).toMatchObject({ handledAt: [1 * HOUR], finalHandledAt: 1 * HOUR, dispatchedAt: [] });
    expect(own.handledInStation).toBe(true);
    const history = [
      step('T', 1 * HOUR, 'dispatch', { handlerKind: 'station' }),
      step('T', 2 * HOUR, 'redispatch', { handlerKind: 'department' }),
      step('T', 3 * HOUR, 'complete'),
    ];
    const sent = orderFactsOf(orderRow({ code: 'T' }), history, NONE);
    expect(sent.dispatchedAt).toEqual([1 * HOUR]); // 改派 is no new 派遣
    expect(sent.handledInStation).toBe(false);
  });

  it('a handling followed by a 返工 does not stand until handled again', () => {
    const history = [step('X', 1 * HOUR, 'complete'), step('X', 2 * HOUR, 'verify_fail')];
    expect(orderFactsOf(orderRow({ code: 'X', state: 'handling' }), history, NONE).finalHandledAt).toBeNull();
  });

  it('is a drill when linked to an incident flagged as exercise', () => {
    const row = orderRow({ code: 'D', incidentId: 5 });
    expect(orderFactsOf(row, [], new Set([5])).drill).toBe(true);
    expect(orderFactsOf(row, [], new Set([6])).drill).toBe(false);
  });
});
