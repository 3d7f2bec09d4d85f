import type { ShortcutGroup } from '../../app/shortcuts/types';

/** The duty log's composer (EntryComposer) and the roster's month grid (MonthGrid). */
export const dutyShortcuts: ShortcutGroup = {
  id: 'duty',
  title: (t) => t('shortcuts.duty.title'),
  workspace: '/duty',
  shortcuts: [
    { id: 'submit', chords: [['Ctrl', 'Enter']], label: (t) => t('shortcuts.duty.submit') },
    { id: 'openDay', chords: [['Enter'], ['Space']], label: (t) => t('shortcuts.duty.openDay') },
  ],
};
