import { describe, expect, it } from 'vitest';
import { chiefBreakdown, type OrderActors, type OrderFacts, type StepActor } from '../../common/domain/kpi';
import { chiefScoreConfig } from '../../main/config-kpi';
import { DAY, MIN, PERIOD, facts } from '../helpers/kpi-facts';

// The per-chief 值班长 综合指标值 (issue 14 item 1) over a hand-computed fixture.

const LIMITS = { fileWithinMinutes: 30, closeWithinMinutes: 60 };
const WANG: StepActor = { id: 1, name: '王海' };
const LI: StepActor = { id: 2, name: '李静' };
const T = 11 * DAY;

const filed = (minutes: number, over: Partial<OrderFacts> = {}) =>
  facts({ acceptedAt: T, filedAt: T + minutes * MIN, ...over });
const closed = (minutes: number, over: Partial<OrderFacts> = {}) =>
  facts({ state: 'closed', verifiedAt: 12 * DAY, closedAt: 12 * DAY + minutes * MIN, ...over });

/**
 * 王海 filed 3 in the period (10 min: on time; 31 min: late; 5 min, voided since) and closed 2
 * (60 min after 核查通过: on time; 120 min: late). 李静 filed 1 on time and closed none. 李静 also
 * filed a drill late (never counts); 王海 filed one before the period (not this period's).
 */
function world() {
  const actors = new Map<number, OrderActors>();
  const by = (f: OrderFacts, filedBy: StepActor | null, closedBy: StepActor | null = null) => {
    actors.set(f.id, { filedBy, closedBy });
    return f;
  };
  const list = [
    by(filed(10), WANG),
    by(filed(31), WANG),
    by(filed(5, { voidedAt: 13 * DAY, state: 'voided' }), WANG),
    by(closed(60), null, WANG),
    by(closed(120), null, WANG),
    by(filed(20), LI),
    by(filed(90, { drill: true }), LI),
    by(facts({ acceptedAt: 2 * DAY, filedAt: 2 * DAY + 90 * MIN }), WANG),
  ];
  return { list, actors };
}

const r = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

describe('值班长 综合指标值 per chief', () => {
  it('scores each chief on the orders they filed and closed, by hand', () => {
    const { list, actors } = world();
    const b = chiefBreakdown(list, actors, PERIOD, LIMITS);
    expect(b.rows.map((row) => row.actor)).toEqual([LI, WANG]);
    const [li, wang] = b.rows;
    // 王海: 2/3 on time, 2/3 not voided, 1/2 closed on time: 100 × (0.25·⅔ + 0.4·⅔ + 0.35·½) = 60.833333
    expect(wang).toMatchObject({ onTimeFiling: r(2, 3), accurateFiling: r(2, 3), onTimeClosing: r(1, 2) });
    expect(wang?.score).toBe(60.833333);
    expect(wang?.grade).toBe('C');
    // 李静 closed nothing: no denominator, no score ("—"), never 0 % or 100 %.
    expect(li).toMatchObject({ onTimeFiling: r(1, 1), accurateFiling: r(1, 1), onTimeClosing: r(0, 0) });
    expect([li?.score, li?.grade]).toEqual([null, null]);
    // The scope: 3/4 filed on time, 3/4 not voided, 1/2 closed on time: 48.75 + 17.5 = 66.25, C.
    expect(b.total).toMatchObject({ onTimeFiling: r(3, 4), accurateFiling: r(3, 4), onTimeClosing: r(1, 2) });
    expect([b.total.score, b.total.grade]).toEqual([66.25, 'C']);
  });

  it('applies the configured step limits and weights', () => {
    const { list, actors } = world();
    const options = chiefScoreConfig({
      CITYOPS_CHIEF_SCORE_WEIGHTS: '0.5,0.5,0',
      CITYOPS_CHIEF_FILE_MIN: '31',
      CITYOPS_CHIEF_CLOSE_MIN: '120',
    });
    const b = chiefBreakdown(list, actors, PERIOD, options);
    const wang = b.rows.find((row) => row.actor.id === WANG.id);
    // Now 31 and 120 minutes are in time: 100 × (0.5·1 + 0.5·⅔ + 0·1) = 83.333333, B.
    expect(wang).toMatchObject({ onTimeFiling: r(3, 3), onTimeClosing: r(2, 2), score: 83.333333, grade: 'B' });
  });

  it('tells chiefs apart by user, and keeps a deleted user by the name the history recorded', () => {
    const a = filed(10);
    const b = filed(10);
    const gone: StepActor = { id: null, name: '王海' };
    const actors = new Map<number, OrderActors>([
      [a.id, { filedBy: WANG, closedBy: null }],
      [b.id, { filedBy: gone, closedBy: null }],
    ]);
    const rows = chiefBreakdown([a, b], actors, PERIOD, LIMITS).rows;
    expect(rows.map((row) => row.actor)).toEqual([WANG, gone]);
    expect(rows.every((row) => row.onTimeFiling.denominator === 1)).toBe(true);
  });

  it('answers no rows and a total without a score for an empty period', () => {
    const b = chiefBreakdown([], new Map(), PERIOD, LIMITS);
    expect(b.rows).toEqual([]);
    expect(b.total).toEqual({
      ...{ onTimeFiling: r(0, 0), accurateFiling: r(0, 0), onTimeClosing: r(0, 0) },
      ...{ score: null, grade: null },
    });
  });
});
