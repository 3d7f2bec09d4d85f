/**
 * DevTools and the default application menu. A packaged console has neither: the
 * menu's View items and the DevTools would let anyone at the PC run script inside the console's
 * signed-in session. Support staff turn both on for a run with `--support` (or CITYOPS_SUPPORT=1);
 * development builds (not packaged) always have them. No Electron import: unit-tested in Node.
 */

export interface SupportPolicy {
  /** webPreferences.devTools of every window, and whether DevTools may stay open. */
  devTools: boolean;
  /** Electron's default application menu (with its View → Toggle Developer Tools). */
  applicationMenu: boolean;
}

export const SUPPORT_FLAG = '--support';
export const SUPPORT_ENV = 'CITYOPS_SUPPORT';

/** Whether support mode was asked for on the command line or in the environment. */
export function supportRequested(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes(SUPPORT_FLAG) || env[SUPPORT_ENV] === '1';
}

export function supportPolicy(isPackaged: boolean, support: boolean): SupportPolicy {
  const on = !isPackaged || support;
  return { devTools: on, applicationMenu: on };
}

/** A key press as Electron's before-input-event reports it (the fields used here). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/**
 * The DevTools shortcuts of Chromium (F12, Ctrl/Cmd+Shift+I/J/C, Cmd+Alt+I/J/C): swallowed when
 * DevTools are off, so no shortcut opens them even if a future menu or default brings one back.
 */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12') return true;
  if (!['i', 'j', 'c'].includes(key)) return false;
  return ((input.control || input.meta) && input.shift) || (input.meta && input.alt);
}
