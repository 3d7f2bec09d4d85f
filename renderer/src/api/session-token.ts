import type { TokenStore } from './types';

const KEY = 'cityops.sessionToken';

/**
 * sessionStorage, not localStorage: the token survives a reload of this window but is not shared
 * with other windows or left behind after the browser closes on a shared control-room PC.
 */
export const sessionTokenStore: TokenStore = {
  get() {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(token) {
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // Storage disabled: the session still works until the next reload.
    }
  },
  clear() {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
