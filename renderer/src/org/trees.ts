import type { Category, OrgUnit } from '../../../common/contract';

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** Flat rows with parent ids → sorted forest. Orphans become roots, so bad data stays visible. */
export function buildForest<T extends { id: string; parentId: string | null; sort: number }>(
  rows: readonly T[],
): TreeNode<T>[] {
  const nodes = new Map(rows.map((item) => [item.id, { item, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId === null ? undefined : nodes.get(node.item.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => a.item.sort - b.item.sort || a.item.id.localeCompare(b.item.id));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * Keeps the nodes that match and the path down to them; a matching node keeps its whole subtree
 * (searching 设施管理 should show what is under it).
 */
export function filterForest<T>(forest: TreeNode<T>[], matches: (item: T) => boolean): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  for (const node of forest) {
    if (matches(node.item)) {
      out.push(node);
      continue;
    }
    const children = filterForest(node.children, matches);
    if (children.length > 0) out.push({ item: node.item, children });
  }
  return out;
}

export function collectIds<T extends { id: string }>(forest: TreeNode<T>[]): string[] {
  return forest.flatMap((n) => [n.item.id, ...collectIds(n.children)]);
}

export function categoryMatches(query: string): (c: Category) => boolean {
  const q = query.trim().toLowerCase();
  return (c) =>
    c.name.includes(q) ||
    c.id.startsWith(q) ||
    (c.nameEn?.toLowerCase().includes(q) ?? false) ||
    (c.note?.includes(q) ?? false);
}

export function unitMatches(query: string): (u: OrgUnit) => boolean {
  const q = query.trim();
  return (u) => u.name.includes(q) || u.id === q;
}
