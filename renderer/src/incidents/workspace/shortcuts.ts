import type { ShortcutGroup } from '../../app/shortcuts/types';

/** The incident page's timeline note (TimelineCard). */
export const incidentShortcuts: ShortcutGroup = {
  id: 'incidents',
  title: (t) => t('shortcuts.incidents.title'),
  workspace: '/incidents',
  shortcuts: [{ id: 'note', chords: [['Ctrl', 'Enter']], label: (t) => t('shortcuts.incidents.note') }],
};
