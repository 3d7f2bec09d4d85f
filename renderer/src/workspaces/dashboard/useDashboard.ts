import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { dashboardRangeProblem, type DashboardFilter } from '../../../../common/contract';
import { methodKey, useApi, useApiQuery } from '../../api';
import type { Dayjs } from 'dayjs';
import { inShanghai, shanghaiDayStart } from '../../time/dayjs';

/** A busy center changes orders every few seconds; the dashboard's queries are heavier than a list's. */
const REFRESH_MS = 5_000;

/** The filter bar's state: Shanghai calendar days (both included) and the order filters. */
export interface DashboardFields extends Omit<DashboardFilter, 'from' | 'to'> {
  days: [Dayjs, Dayjs];
}

/** The last seven days, today included. */
export function defaultFields(): DashboardFields {
  const today = shanghaiDayStart(inShanghai());
  return { days: [today.subtract(6, 'day'), today] };
}

/** Fields → dashboard.get's input: [first day 00:00, the day after the last 00:00) in Shanghai time. */
export function toDashboardFilter({ days, ...rest }: DashboardFields): DashboardFilter {
  const from = shanghaiDayStart(days[0]).valueOf();
  const to = shanghaiDayStart(days[1]).add(1, 'day').valueOf();
  const filter: DashboardFilter = { from, to };
  for (const [k, v] of Object.entries(rest) as [keyof typeof rest, string | undefined][]) {
    if (v) Object.assign(filter, { [k]: v });
  }
  return filter;
}

/**
 * The dashboard for the filter, refetched when orders change — at most once per REFRESH_MS however
 * many change (the first change schedules it, the rest of the burst joins it).
 */
export function useDashboard(fields: DashboardFields) {
  const filter = toDashboardFilter(fields);
  const problem = dashboardRangeProblem(filter.from, filter.to);
  const query = useApiQuery('dashboard.get', filter, { enabled: problem === null, placeholderData: (prev) => prev });
  useDashboardSync();
  return { query, filter, problem };
}

function useDashboardSync(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.subscribe('orders.changed', () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: methodKey('dashboard.get') });
      }, REFRESH_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api, queryClient]);
}

/** The filter bar's fields, starting at the last seven days. */
export function useDashboardFields() {
  return useState<DashboardFields>(defaultFields);
}
