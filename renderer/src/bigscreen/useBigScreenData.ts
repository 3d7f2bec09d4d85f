import { DAY_MS } from '../../../common/domain/time';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery, useConnectionState } from '../api';
import { OVERVIEW_POLL_MS, useOverview, useRoomRefetch } from '../stats/useOverview';
import { inShanghai, shanghaiDayStart } from '../time/dayjs';

/** The dashboard's queries are heavier than the overview's: as on the dashboard, at most every 5 s. */
const DASHBOARD_THROTTLE_MS = 5_000;
/** The charts' trend: the last seven Shanghai days, today included (the dashboard's default period). */
const TREND_DAYS = 7;

/** Today in Shanghai time as dashboard.get's period, [00:00, next 00:00), for the clock's `now`. */
export function todayPeriod(now: number): { from: number; to: number } {
  const from = shanghaiDayStart(inShanghai(now)).valueOf();
  return { from, to: from + DAY_MS };
}

/**
 * What the big screen shows, with the signed-in user's scope (a station chief: their station): the
 * overview, today's dashboard (KPI cards against yesterday, per hour, per domain) and the last seven
 * days' reports per day. Live on the overview's events, throttled; `stale` when the hub is out of
 * reach or did not answer, so the wall never passes old numbers off as current.
 */
export function useBigScreenData(now: number) {
  const overview = useOverview();
  const today = todayPeriod(now);
  const week = { from: today.to - TREND_DAYS * DAY_MS, to: today.to };
  const live = { refetchInterval: OVERVIEW_POLL_MS, placeholderData: keepPreviousData };
  const dashboard = useApiQuery('dashboard.get', today, live);
  const trend = useApiQuery('dashboard.get', week, live);
  useRoomRefetch('dashboard.get', DASHBOARD_THROTTLE_MS);
  const connection = useConnectionState();
  const queries = [overview, dashboard, trend];
  const stale = connection !== 'connected' || queries.some((q) => q.isError);
  return { overview: overview.data, dashboard: dashboard.data, trend: trend.data, today, stale };
}
