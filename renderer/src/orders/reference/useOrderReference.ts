import { useMemo } from 'react';
import type { Category, Department, OrgUnit } from '../../../../common/contract';
import { useApiQuery } from '../../api';

/** Reference data changes rarely; keep it for the session (as the organisation workspace does). */
const REFERENCE = { staleTime: 10 * 60_000 } as const;

export interface OrderReference {
  ready: boolean;
  categories: readonly Category[];
  categoryById: ReadonlyMap<string, Category>;
  units: readonly OrgUnit[];
  unitById: ReadonlyMap<string, OrgUnit>;
  stations: readonly OrgUnit[];
  grids: readonly OrgUnit[];
  /** Village and residential workstations, in organisation order. */
  workstations: readonly OrgUnit[];
  departments: readonly Department[];
}

const bySort = <T extends { sort: number }>(a: T, b: T) => a.sort - b.sort;

/** Units, departments and categories for pickers and labels, fetched once for every order view. */
export function useOrderReference(): OrderReference {
  const units = useApiQuery('org.units.list', {}, REFERENCE);
  const departments = useApiQuery('org.departments.list', {}, REFERENCE);
  const categories = useApiQuery('org.categories.list', {}, REFERENCE);
  return useMemo(() => {
    const unitList = [...(units.data ?? [])].sort(bySort);
    const categoryList = [...(categories.data ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    return {
      ready: units.data !== undefined && departments.data !== undefined && categories.data !== undefined,
      categories: categoryList,
      categoryById: new Map(categoryList.map((c) => [c.id, c])),
      units: unitList,
      unitById: new Map(unitList.map((u) => [u.id, u])),
      stations: unitList.filter((u) => u.kind === 'station'),
      grids: unitList.filter((u) => u.kind === 'grid'),
      workstations: unitList.filter((u) => u.kind === 'workstation'),
      departments: [...(departments.data ?? [])].sort(bySort),
    };
  }, [units.data, departments.data, categories.data]);
}

/** "02002 公共设施损坏缺失 › 井盖": the sub-category's code and name, then the item's. */
export function categoryPath(category: Category, byId: ReadonlyMap<string, Category>): string {
  if (category.level === 3 && category.parentId) {
    const parent = byId.get(category.parentId);
    if (parent) return `${parent.id} ${parent.name} › ${category.name}`;
  }
  return `${category.id} ${category.name}`;
}
