import type { ShortcutGroup } from '../../app/shortcuts/types';

/** The intake form's keys (useIntakeKeys, UrgencyPicker, WorkstationSelect); also the wall's snapshot intake. */
export const intakeShortcuts: ShortcutGroup = {
  id: 'intake',
  title: (t) => t('shortcuts.intake.title'),
  workspace: '/intake',
  shortcuts: [
    { id: 'submit', chords: [['Ctrl', 'Enter']], label: (t) => t('shortcuts.intake.submit') },
    { id: 'clear', chords: [['Esc']], label: (t) => t('shortcuts.intake.clear') },
    { id: 'urgency', chords: [['1'], ['2'], ['3']], label: (t) => t('shortcuts.intake.urgency') },
    { id: 'workstation', chords: [['Delete'], ['Backspace']], label: (t) => t('shortcuts.intake.workstation') },
  ],
};
