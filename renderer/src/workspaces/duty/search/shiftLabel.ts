import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DutyPatternDto } from '../../../../../common/contract';
import { DEFAULT_CENTER_PATTERN, DEFAULT_STATION_PATTERN } from '../../../../../common/domain/duty';
import type { Language } from '../../../../../common/domain/org';
import { methodKey, useApi } from '../../../api';
import { formatDay } from '../../../time/formatDay';

/** 「2026年12月2日 早班」 / "2 Dec 2026 Early": a shift as people name it, never its codes. */
export function shiftLabel(
  date: string,
  shiftName: { zh: string; en: string } | undefined,
  code: string,
  language: Language,
): string {
  const name = shiftName ? (language === 'en' ? shiftName.en : shiftName.zh) : code;
  return `${formatDay(date, language)} ${name}`;
}

const DEFAULTS = new Map(
  [...DEFAULT_CENTER_PATTERN.shifts, ...DEFAULT_STATION_PATTERN.shifts].map((s) => [
    s.code,
    { zh: s.name, en: s.nameEn },
  ]),
);

/**
 * Shift names of the units in the results, from each unit's pattern (editable, so fetched), falling
 * back to the default patterns' names while a pattern loads.
 */
export function useShiftNames(
  orgUnitIds: readonly string[],
): (orgUnitId: string, code: string) => { zh: string; en: string } | undefined {
  const api = useApi();
  const ids = useMemo(() => [...new Set(orgUnitIds)].sort(), [orgUnitIds]);
  const patterns = useQueries({
    queries: ids.map((orgUnitId) => ({
      queryKey: methodKey('duty.pattern.get', { orgUnitId }),
      queryFn: () => api.call('duty.pattern.get', { orgUnitId }),
      staleTime: 10 * 60_000,
    })),
  });
  const byUnit = new Map<string, DutyPatternDto>();
  for (const q of patterns) if (q.data) byUnit.set(q.data.orgUnitId, q.data);
  return (orgUnitId, code) => {
    const s = byUnit.get(orgUnitId)?.shifts.find((x) => x.code === code);
    return s ? { zh: s.name, en: s.nameEn } : DEFAULTS.get(code);
  };
}
