import type { TFunction } from 'i18next';

/**
 * One key chord as pressed, e.g. ['Ctrl', 'Enter'] or ['?']. Tokens are what is printed on the
 * keycap (Ctrl, Alt, Shift, Enter, Esc, Tab, Delete, ↑ ↓ ← →, Home, End, a digit or a character).
 */
export type Chord = readonly string[];

export interface Shortcut {
  /** Stable id (unique inside its group) for tests and React keys. */
  id: string;
  /** Alternatives: any one of these chords does it (e.g. ↑ or ↓). */
  chords: readonly Chord[];
  label: (t: TFunction) => string;
}

export interface ShortcutGroup {
  /** Stable id, also the sheet's data-testid suffix. */
  id: string;
  title: (t: TFunction) => string;
  /**
   * The workspace path (as in app/workspaces.tsx) whose users get this group; null for keys that
   * work anywhere in the console.
   */
  workspace: string | null;
  shortcuts: readonly Shortcut[];
}
