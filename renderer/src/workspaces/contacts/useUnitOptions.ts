import { useMemo } from 'react';
import type { OrgUnit } from '../../../../common/contract';
import { useApiQuery } from '../../api';

const KIND_ORDER: Record<OrgUnit['kind'], number> = { center: 0, station: 1, grid: 2, workstation: 3 };

/** Every org unit, the center first, workstations labelled with their grid (there are 36 of them). */
export function useUnitOptions() {
  const units = useApiQuery('org.units.list', {}, { staleTime: 10 * 60_000 });
  const options = useMemo(() => {
    const all = units.data ?? [];
    const nameOf = new Map(all.map((u) => [u.id, u.name]));
    return [...all]
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sort - b.sort)
      .map((u) => {
        const grid = u.kind === 'workstation' && u.parentId !== null ? nameOf.get(u.parentId) : undefined;
        return { value: u.id, label: grid ? `${u.name}（${grid}）` : u.name };
      });
  }, [units.data]);
  return { options, loading: units.isPending };
}
