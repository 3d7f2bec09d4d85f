import type { Category, Department, OrgUnit } from '../../../../common/contract';
import type { HandlerRef } from '../../../../common/contract';

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

/** Domain → sub-category → item, for the list filter. */
export function categoryCascader(categories: readonly Category[]): CascaderOption[] {
  const build = (parentId: string | null): CascaderOption[] =>
    categories
      .filter((c) => c.parentId === parentId)
      .map((c) => {
        const children = build(c.id);
        return children.length > 0 ? { value: c.id, label: c.name, children } : { value: c.id, label: c.name };
      });
  return build(null);
}

export interface GroupedOptions {
  label: string;
  options: { value: string; label: string }[];
}

/** Workstations grouped by their responsibility grid ("海塘村" under 蔡路责任网格). */
export function workstationGroups(grids: readonly OrgUnit[], workstations: readonly OrgUnit[]): GroupedOptions[] {
  return grids.map((g) => ({
    label: g.name,
    options: workstations.filter((w) => w.parentId === g.id).map((w) => ({ value: w.id, label: w.name })),
  }));
}

/** The handler picker's value: `kind:id`, since ids of units and departments may overlap in form. */
export function handlerValue(ref: HandlerRef): string {
  return `${ref.kind}:${ref.id}`;
}

export function parseHandlerValue(value: string): HandlerRef | null {
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (at < 1 || !id) return null;
  if (kind !== 'station' && kind !== 'department' && kind !== 'workstation') return null;
  return { kind, id };
}

export function handlerGroups(
  labels: { stations: string; workstations: string; departments: string },
  stations: readonly OrgUnit[],
  workstations: readonly OrgUnit[],
  departments: readonly Department[],
): GroupedOptions[] {
  return [
    {
      label: labels.stations,
      options: stations.map((s) => ({ value: handlerValue({ kind: 'station', id: s.id }), label: s.name })),
    },
    {
      label: labels.departments,
      options: departments.map((d) => ({ value: handlerValue({ kind: 'department', id: d.id }), label: d.name })),
    },
    {
      label: labels.workstations,
      options: workstations.map((w) => ({ value: handlerValue({ kind: 'workstation', id: w.id }), label: w.name })),
    },
  ];
}
