import type { DashboardKpis } from '../../../common/contract';
import {
  acceptedCount,
  closeRate,
  filedCount,
  handlingTime,
  inStationRate,
  onTimeCloseRate,
  onTimeHandleRate,
  returnRate,
  reworkRate,
  satisfactionRate,
  supervisionCount,
  supervisionReplyRate,
  type OrderFacts,
  type Period,
} from '../../../common/domain/kpi';

/** The dashboard's KPI cards of one period: each the common/domain/kpi function of the same name. */
export function kpiCards(facts: readonly OrderFacts[], period: Period, now: number): DashboardKpis {
  return {
    accepted: acceptedCount(facts, period),
    filed: filedCount(facts, period),
    closeRate: closeRate(facts, period, now),
    onTimeCloseRate: onTimeCloseRate(facts, period, now),
    onTimeHandleRate: onTimeHandleRate(facts, period, now),
    reworkRate: reworkRate(facts, period),
    returnRate: returnRate(facts, period),
    inStationRate: inStationRate(facts, period),
    handlingTime: handlingTime(facts, period),
    supervisions: supervisionCount(facts, period),
    supervisionReplyRate: supervisionReplyRate(facts, period, now),
    satisfactionRate: satisfactionRate(facts, period),
  };
}
