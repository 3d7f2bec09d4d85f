import { useCallback, useMemo } from 'react';
import { useBilingual } from '../../../i18n/useDisplay';
import { formatShiftHours } from '../../../../../common/domain/duty';

interface Named {
  name: string;
  nameEn: string;
}

/** Shift and post names and shift hours in the UI language (the hub sends both languages). */
export function useDutyNames() {
  const pick = useBilingual();
  const name = useCallback((x: Named) => pick({ zh: x.name, en: x.nameEn }), [pick]);
  const hours = useCallback((s: { startsAt: number; endsAt: number }) => pick(formatShiftHours(s)), [pick]);
  return useMemo(() => ({ name, hours }), [name, hours]);
}

/** A post's name by code from a unit's post catalog; the code itself if the catalog lacks it. */
export function postName(
  posts: readonly (Named & { code: string })[],
  code: string,
  name: (x: Named) => string,
): string {
  const post = posts.find((p) => p.code === code);
  return post ? name(post) : code;
}
