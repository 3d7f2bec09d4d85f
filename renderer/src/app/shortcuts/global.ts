import type { ShortcutGroup } from './types';

/** Keys that work anywhere in the console. */
export const globalShortcuts: ShortcutGroup = {
  id: 'global',
  title: (t) => t('shortcuts.global.title'),
  workspace: null,
  shortcuts: [
    { id: 'sheet', chords: [['?']], label: (t) => t('shortcuts.global.sheet') },
    { id: 'tab', chords: [['Tab'], ['Shift', 'Tab']], label: (t) => t('shortcuts.global.tab') },
    { id: 'close', chords: [['Esc']], label: (t) => t('shortcuts.global.close') },
  ],
};
