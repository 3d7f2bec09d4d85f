import { describe, expect, it } from 'vitest';
import { duplicateIds, SHORTCUT_GROUPS, sheetGroups } from '../../renderer/src/app/shortcuts/registry';
import type { ShortcutGroup } from '../../renderer/src/app/shortcuts/types';
import { isSheetKey } from '../../renderer/src/app/shortcuts/typing';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';

const group = (id: string, workspace: string | null, n = 1): ShortcutGroup => ({
  id,
  title: () => id,
  workspace,
  shortcuts: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, chords: [['x']], label: () => 'x' })),
});

describe('shortcut registry', () => {
  it('puts the console-wide keys first, then the current workspace, then the others in navigation order', () => {
    const groups = [group('wall', '/wall'), group('orders', '/orders'), group('global', null), group('duty', '/duty')];
    const ids = sheetGroups(groups, ['/orders', '/duty', '/wall'], '/wall').map((g) => g.id);
    expect(ids).toEqual(['global', 'wall', 'orders', 'duty']);
  });

  it('leaves out the groups of workspaces the user may not open, and empty groups', () => {
    const groups = [group('global', null), group('wall', '/wall'), group('orders', '/orders'), group('e', '/duty', 0)];
    const ids = sheetGroups(groups, ['/orders', '/duty'], null).map((g) => g.id);
    expect(ids).toEqual(['global', 'orders']);
  });

  it('finds duplicate ids', () => {
    expect(duplicateIds([group('a', null, 2), group('b', '/b')])).toEqual([]);
    expect(duplicateIds([group('a', null), group('a', '/b')])).toEqual(['a', 'a.s0']);
  });

  it('has unique ids, a Chinese and an English text for every entry, and no empty chord', () => {
    expect(duplicateIds(SHORTCUT_GROUPS)).toEqual([]);
    const tOf = (tree: object) => (key: string) =>
      key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
    for (const tree of [zhCN, en]) {
      const t = tOf(tree) as never;
      for (const g of SHORTCUT_GROUPS) {
        expect(typeof g.title(t), g.id).toBe('string');
        for (const s of g.shortcuts) {
          expect(typeof s.label(t), `${g.id}.${s.id}`).toBe('string');
          expect(s.chords.length).toBeGreaterThan(0);
          for (const c of s.chords) expect(c.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('opens the sheet on ? alone, not with Ctrl/Alt/Meta', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
      key: k,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      ...mods,
    });
    expect(isSheetKey(key('?'))).toBe(true);
    expect(isSheetKey(key('/'))).toBe(false);
    expect(isSheetKey(key('?', { ctrlKey: true }))).toBe(false);
    expect(isSheetKey(key('?', { altKey: true }))).toBe(false);
  });
});
