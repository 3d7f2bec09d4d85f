import type { OrgUnit } from '../../../../common/contract';
import { buildForest, type TreeNode } from '../../org/trees';

/**
 * The area tree: the center, its grids and their workstations. Stations are left out — they serve
 * grids rather than contain them, so ticking one would say nothing the grids do not.
 */
export function areaForest(units: readonly OrgUnit[]): TreeNode<OrgUnit>[] {
  return buildForest(units.filter((u) => u.kind !== 'station'));
}

/**
 * The org units an incident names from the tree's ticked keys: a ticked node whose parent is not
 * ticked (a whole grid is the grid, the whole tree is the center), in tree order.
 */
export function pickedAreas(forest: readonly TreeNode<OrgUnit>[], checked: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly TreeNode<OrgUnit>[]) => {
    for (const node of nodes) {
      if (checked.has(node.item.id)) out.push(node.item.id);
      else walk(node.children);
    }
  };
  walk(forest);
  return out;
}

/** Every unit the picked ones cover: each picked unit and everything under it. */
export function coveredAreas(forest: readonly TreeNode<OrgUnit>[], picked: readonly string[]): Set<string> {
  const set = new Set(picked);
  const out = new Set<string>();
  const walk = (nodes: readonly TreeNode<OrgUnit>[], inside: boolean) => {
    for (const n of nodes) {
      const on = inside || set.has(n.item.id);
      if (on) out.add(n.item.id);
      walk(n.children, on);
    }
  };
  walk(forest, false);
  return out;
}

/**
 * Ticks or unticks one unit (and everything under it), then collapses upward: a node all of whose
 * children are ticked is ticked itself, one with an unticked child is not. Works on the whole
 * forest, so a search that hides part of the tree never drops picks made before it.
 */
export function toggleArea(
  forest: readonly TreeNode<OrgUnit>[],
  picked: readonly string[],
  id: string,
  on: boolean,
): string[] {
  const covered = coveredAreas(forest, picked);
  const mark = (node: TreeNode<OrgUnit>) => {
    if (on) covered.add(node.item.id);
    else covered.delete(node.item.id);
    node.children.forEach(mark);
  };
  const find = (nodes: readonly TreeNode<OrgUnit>[]): TreeNode<OrgUnit> | undefined => {
    for (const n of nodes) {
      if (n.item.id === id) return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const target = find(forest);
  if (!target) return [...picked];
  mark(target);
  const settle = (node: TreeNode<OrgUnit>): boolean => {
    if (node.children.length === 0) return covered.has(node.item.id);
    const all = node.children.map(settle).every(Boolean);
    if (all) covered.add(node.item.id);
    else covered.delete(node.item.id);
    return all;
  };
  forest.forEach(settle);
  return pickedAreas(forest, covered);
}
