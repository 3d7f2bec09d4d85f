import type { ShortcutGroup } from '../../app/shortcuts/types';

/** The order list (OrderTable's roving focus) and the order drawer's step form (ActionFormModal). */
export const orderShortcuts: ShortcutGroup = {
  id: 'orders',
  title: (t) => t('shortcuts.orders.title'),
  workspace: '/orders',
  shortcuts: [
    { id: 'move', chords: [['↑'], ['↓']], label: (t) => t('shortcuts.orders.move') },
    { id: 'page', chords: [['PageUp'], ['PageDown']], label: (t) => t('shortcuts.orders.page') },
    { id: 'ends', chords: [['Home'], ['End']], label: (t) => t('shortcuts.orders.ends') },
    { id: 'open', chords: [['Enter']], label: (t) => t('shortcuts.orders.open') },
    { id: 'submitStep', chords: [['Ctrl', 'Enter']], label: (t) => t('shortcuts.orders.submitStep') },
  ],
};
