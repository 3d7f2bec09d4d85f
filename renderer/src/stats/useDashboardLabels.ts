import { useCallback, useMemo } from 'react';
import { useOrderNames } from '../orders/display/useOrderNames';
import { useOrderReference } from '../orders/reference/useOrderReference';
import { useLanguage } from '../stores/language';

/** Names for the charts' axes: categories (Chinese, or English where the seed has it), workstations, states. */
export function useDashboardLabels() {
  const ref = useOrderReference();
  const names = useOrderNames();
  const language = useLanguage();
  const category = useCallback(
    (id: string) => {
      const c = ref.categoryById.get(id);
      if (!c) return id;
      return language === 'en' ? (c.nameEn ?? c.name) : c.name;
    },
    [ref.categoryById, language],
  );
  const unit = useCallback((id: string) => ref.unitById.get(id)?.name ?? id, [ref.unitById]);
  return useMemo(() => ({ category, unit, state: names.state }), [category, unit, names.state]);
}
