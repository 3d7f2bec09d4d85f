import { dutyShortcuts } from '../../workspaces/duty/shortcuts';
import { intakeShortcuts } from '../../workspaces/intake/shortcuts';
import { incidentShortcuts } from '../../incidents/workspace/shortcuts';
import { orderShortcuts } from '../../orders/workspace/shortcuts';
import { wallShortcuts } from '../../wall/shortcuts';
import { globalShortcuts } from './global';
import type { ShortcutGroup } from './types';

/**
 * Every keyboard shortcut of the console, one group per workspace. A workspace declares its keys
 * in its own `shortcuts.ts` and is listed here (append-only); the `?` sheet reads only this list,
 * so what the sheet shows and what the code declares cannot drift apart silently.
 */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  globalShortcuts,
  orderShortcuts,
  intakeShortcuts,
  incidentShortcuts,
  wallShortcuts,
  dutyShortcuts,
];

/**
 * The groups a user sees on the sheet: the console-wide keys first, then the group of the
 * workspace they are in, then the other workspaces they may open, in navigation order.
 */
export function sheetGroups(
  groups: readonly ShortcutGroup[],
  visiblePaths: readonly string[],
  currentPath: string | null,
): ShortcutGroup[] {
  const rank = (g: ShortcutGroup): number => {
    if (g.workspace === null) return -2;
    if (g.workspace === currentPath) return -1;
    return visiblePaths.indexOf(g.workspace);
  };
  return groups
    .filter((g) => g.shortcuts.length > 0 && (g.workspace === null || visiblePaths.includes(g.workspace)))
    .map((g, i) => ({ g, i, r: rank(g) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ g }) => g);
}

/** Ids must be unique: the sheet's test ids and React keys rely on them. */
export function duplicateIds(groups: readonly ShortcutGroup[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const g of groups) {
    for (const id of [g.id, ...g.shortcuts.map((s) => `${g.id}.${s.id}`)]) {
      if (seen.has(id)) dup.push(id);
      seen.add(id);
    }
  }
  return dup;
}
