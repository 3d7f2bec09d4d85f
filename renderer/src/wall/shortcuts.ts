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
    // Issue 12 items 6–7: the camera tree's keys (tree/CameraTree.tsx) and the wall's full screen.
    { id: 'treeMove', chords: [['↑'], ['↓'], ['←'], ['→']], label: (t) => t('wallLoss.shortcuts.treeMove') },
    { id: 'treePlace', chords: [['1…9'], ['0'], ['1…9', '0…9']], label: (t) => t('wallLoss.shortcuts.treePlace') },
    { id: 'treeEnter', chords: [['Enter']], label: (t) => t('wallLoss.shortcuts.treeEnter') },
    { id: 'fullscreen', chords: [['F11']], label: (t) => t('wallLoss.shortcuts.fullscreen') },
    { id: 'leaveFullscreen', chords: [['Esc'], ['F11']], label: (t) => t('wallLoss.shortcuts.leaveFullscreen') },
  ],
};
