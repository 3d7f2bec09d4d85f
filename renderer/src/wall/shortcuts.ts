import type { ShortcutGroup } from '../app/shortcuts/types';

/** The wall's keys (grid/useWallKeys.ts); new wall keys are declared here so the `?` sheet lists them. */
export const wallShortcuts: ShortcutGroup = {
  id: 'wall',
  title: (t) => t('shortcuts.wall.title'),
  workspace: '/wall',
  shortcuts: [
    { id: 'select', chords: [['1…9'], ['0']], label: (t) => t('shortcuts.wall.select') },
    { id: 'move', chords: [['↑'], ['↓'], ['←'], ['→']], label: (t) => t('shortcuts.wall.move') },
    { id: 'maximise', chords: [['Enter']], label: (t) => t('shortcuts.wall.maximise') },
    { id: 'restore', chords: [['Esc']], label: (t) => t('shortcuts.wall.restore') },
    { id: 'clear', chords: [['Delete']], label: (t) => t('shortcuts.wall.clear') },
    { id: 'layout', chords: [['Alt', '1…9']], label: (t) => t('shortcuts.wall.layout') },
  ],
};
