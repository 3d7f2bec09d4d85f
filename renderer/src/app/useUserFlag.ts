import { useCallback, useState } from 'react';
import { useUser } from '../stores/session';

const storageKey = (name: string, userId: number) => `cityops.ui.${name}.${userId}`;

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/**
 * An on/off choice of the screen's layout remembered per user on this PC (the menu
 * and the camera tree folded away). Kept in localStorage: it is how this person likes this screen,
 * nothing the room shares, and lost storage only unfolds them again.
 */
export function useUserFlag(name: string): [boolean, (on: boolean) => void] {
  const user = useUser();
  const key = storageKey(name, user.id);
  const [state, setState] = useState(() => ({ key, on: read(key) }));
  // Another user signing in on the same window reads their own choice.
  const on = state.key === key ? state.on : read(key);
  const set = useCallback(
    (next: boolean) => {
      setState({ key, on: next });
      try {
        localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // Storage disabled: the choice lasts until the window closes.
      }
    },
    [key],
  );
  return [on, set];
}
