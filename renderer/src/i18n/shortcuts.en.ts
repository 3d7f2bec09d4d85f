import type { shortcutsZh } from './shortcuts.zh';

/** English strings of the keyboard-shortcut sheet (`?`). */
export const shortcutsEn: typeof shortcutsZh = {
  sheet: {
    title: 'Keyboard shortcuts',
    hint: 'Press ? anywhere (except while typing in a field) to open this sheet; Esc closes it.',
    open: 'Shortcuts',
    or: 'or',
  },
  key: {
    Space: 'Space',
  },
  global: {
    title: 'Everywhere',
    sheet: 'Open this list of shortcuts',
    tab: 'Move focus between buttons, fields and lists',
    close: 'Close a dialog, drawer or drop-down list',
  },
  orders: {
    title: 'Order list',
    move: 'Move between order rows (Tab into the list first)',
    page: 'Move one screen up / down',
    ends: 'Jump to the first / last loaded order',
    open: 'Open the selected order',
    submitStep: 'Submit the form of an order step',
  },
  intake: {
    title: 'Intake',
    submit: 'Register the order (also in the intake from a wall snapshot)',
    clear: 'Clear the form (asks first)',
    urgency: 'Pick normal / urgent / critical in the urgency field',
    workstation: 'Clear the chosen workstation (when its search is empty)',
  },
  incidents: {
    title: 'Incidents',
    note: 'Add a note to the incident timeline',
  },
  wall: {
    title: 'Video wall',
    select: 'Select tile 1–9 (0 is tile 10)',
    move: 'Move the selection',
    maximise: 'Maximise the selected tile',
    restore: 'Restore the maximised tile',
    clear: 'Remove the camera from the selected tile',
    layout: 'Switch the tile layout',
  },
  duty: {
    title: 'Duty',
    submit: 'Add the duty log entry',
    openDay: 'Open the selected day in the month roster',
  },
};
