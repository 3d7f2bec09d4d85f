import { useMemo } from 'react';
import { useApiQuery } from '../../../api';

/** Cameras hang on a village workstation; grid and station follow from it in the org chart. */
export function useWorkstationOptions() {
  const units = useApiQuery('org.units.list', {}, { staleTime: 10 * 60_000 });
  const options = useMemo(() => {
    const all = units.data ?? [];
    const nameOf = new Map(all.map((u) => [u.id, u.name]));
    return all
      .filter((u) => u.kind === 'workstation')
      .sort((a, b) => a.sort - b.sort)
      .map((u) => {
        const grid = u.parentId === null ? undefined : nameOf.get(u.parentId);
        return { value: u.id, label: grid ? `${u.name}（${grid}）` : u.name };
      });
  }, [units.data]);
  return { options, loading: units.isPending };
}
