import { formatShiftRange } from '../../../../common/domain/duty';
import { useBilingual } from '../../i18n/useDisplay';

/** `2026-11-26 08:00–16:00` (or `…–次日06:00`) in the UI language. */
export function useShiftRange(): (shift: { startsAt: number; endsAt: number }) => string {
  const bilingual = useBilingual();
  return (shift) => bilingual(formatShiftRange(shift));
}
