import { real } from './cohorts';
import type { OrderFacts } from './order-facts';
import { countIn, inPeriod, ratio, type Period, type Ratio } from './ratio';

/*
 * The counting KPIs. Each counts a step by the time it happened: an order whose life crosses the
 * period's boundary counts in each period for the steps that fell in it (accepted in March, filed in
 * April: 受理 in March, 立案 in April).
 */

/** 受理量: orders accepted (受理) in the period, by acceptance time. */
export function acceptedCount(facts: readonly OrderFacts[], period: Period): number {
  return real(facts).filter((f) => inPeriod(f.acceptedAt, period)).length;
}

/**
 * 立案数: orders filed (立案) in the period, by filing time — including those voided or merged
 * afterwards (they were filed; 准确立案率 subtracts the voided ones).
 */
export function filedCount(facts: readonly OrderFacts[], period: Period): number {
  return real(facts).filter((f) => inPeriod(f.filedAt, period)).length;
}

/**
 * 返工率 = 返工数 / 处置数. 返工数: 核查不通过 steps in the period; 处置数: 处置完成 and 自处理
 * steps in the period — both by the step's time, every occurrence (an order reworked twice and then
 * accepted counts 2 返工 and 3 处置).
 */
export function reworkRate(facts: readonly OrderFacts[], period: Period): Ratio {
  const counted = real(facts);
  const reworks = counted.reduce((n, f) => n + countIn(f.reworkedAt, period), 0);
  const handlings = counted.reduce((n, f) => n + countIn(f.handledAt, period), 0);
  return ratio(reworks, handlings);
}

/**
 * 退单率 = 退单数 / 派遣数. 退单数: returns approved (the order went back to 待派遣) in the period —
 * a return request that was rejected is no 退单; 派遣数: the center's dispatches (派遣 from
 * 待派遣) in the period, every occurrence (a returned order dispatched again counts twice).
 * A station's 改派 onward is not a 派遣 here.
 */
export function returnRate(facts: readonly OrderFacts[], period: Period): Ratio {
  const counted = real(facts);
  const returns = counted.reduce((n, f) => n + countIn(f.returnedAt, period), 0);
  const dispatches = counted.reduce((n, f) => n + countIn(f.dispatchedAt, period), 0);
  return ratio(returns, dispatches);
}

/**
 * 站内解决率 = 站内办结数 / 立案数. 立案数: orders filed in the period (by filing time);
 * 站内办结数: of those, the ones closed (结案, at any time up to now) that never went to a department
 * (every 派遣/改派 to a station or workstation, or 自处理 by the station). Voided and merged orders
 * stay in the denominator (they were filed) and are never 办结. Orders self-handled before 立案
 * are in neither.
 */
export function inStationRate(facts: readonly OrderFacts[], period: Period): Ratio {
  const filed = real(facts).filter((f) => inPeriod(f.filedAt, period));
  return ratio(filed.filter((f) => f.closedAt !== null && f.handledInStation).length, filed.length);
}
