import { describe, expect, it } from 'vitest';
import {
  isDevToolsShortcut,
  supportPolicy,
  supportRequested,
  type KeyInput,
} from '../../main/shell-electron/support-mode';

/** Issue 9 item 8: DevTools and the default menu off in packaged builds, on for support staff. */

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('Electron DevTools and application menu', () => {
  it('are off in a packaged build unless support mode is asked for; on in development', () => {
    expect(supportPolicy(true, false)).toEqual({ devTools: false, applicationMenu: false });
    expect(supportPolicy(true, true)).toEqual({ devTools: true, applicationMenu: true });
    expect(supportPolicy(false, false)).toEqual({ devTools: true, applicationMenu: true });
    expect(supportPolicy(false, true)).toEqual({ devTools: true, applicationMenu: true });
  });

  it('support mode is --support or CITYOPS_SUPPORT=1, nothing else', () => {
    expect(supportRequested(['--support'], {})).toBe(true);
    expect(supportRequested(['--data-dir', 'x', '--support'], {})).toBe(true);
    expect(supportRequested([], { CITYOPS_SUPPORT: '1' })).toBe(true);
    expect(supportRequested([], {})).toBe(false);
    expect(supportRequested([], { CITYOPS_SUPPORT: '0' })).toBe(false);
    expect(supportRequested([], { CITYOPS_SUPPORT: 'yes' })).toBe(false);
    expect(supportRequested(['--supports', 'support'], {})).toBe(false);
  });

  it('recognises the DevTools shortcuts and leaves other keys alone', () => {
    expect(isDevToolsShortcut(key('F12'))).toBe(true);
    expect(isDevToolsShortcut(key('I', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('j', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('c', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('i', { meta: true, alt: true }))).toBe(true);
    expect(isDevToolsShortcut(key('i', { meta: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('F12', { type: 'keyUp' }))).toBe(false);
    expect(isDevToolsShortcut(key('c', { control: true }))).toBe(false);
    expect(isDevToolsShortcut(key('i', { control: true }))).toBe(false);
    expect(isDevToolsShortcut(key('k', { control: true, shift: true }))).toBe(false);
    expect(isDevToolsShortcut(key('F5'))).toBe(false);
  });
});
