import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../../api';
import { yearMonthOf } from './dates';
import type { RosterView } from './RosterToolbar';

/**
 * The unit's shift pattern and the roster around `anchor`: the week or the month, whichever is shown
 * (the other is not fetched); the previous page stays on screen while the next one loads.
 */
export function useRosterQueries(unitId: string | undefined, view: RosterView, anchor: string) {
  const id = unitId ?? '';
  const { year, month } = yearMonthOf(anchor);
  const pattern = useApiQuery('duty.pattern.get', { orgUnitId: id }, { enabled: unitId !== undefined });
  const week = useApiQuery(
    'duty.roster.week',
    { orgUnitId: id, date: anchor },
    { enabled: unitId !== undefined && view === 'week', placeholderData: keepPreviousData },
  );
  const monthQuery = useApiQuery(
    'duty.roster.month',
    { orgUnitId: id, year, month },
    { enabled: unitId !== undefined && view === 'month', placeholderData: keepPreviousData },
  );
  return { pattern, week, monthQuery };
}
