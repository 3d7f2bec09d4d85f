import { useEffect, useLayoutEffect, useRef } from 'react';
import { navigate, redirect, usePath } from '../../../stores/route';

/**
 * Unsaved-changes guard: while `active`, leaving this route (the navigation menu, the incident
 * banner, the browser's back button) comes back here and asks first; `ask` gets the way out. Routes
 * are hash routes: the route store has already taken the new path when this listener runs, but React
 * renders it only after the event, so putting the path back keeps the page (and the draft) mounted.
 * A browser tab being closed or reloaded gets the browser's own prompt; Electron has none (a
 * prevented unload there silently keeps the window open), so the desktop app is not held.
 */
export function useLeaveGuard(active: boolean, ask: (leave: () => void) => void): void {
  const here = usePath();
  const askRef = useRef(ask);
  useLayoutEffect(() => {
    askRef.current = ask;
  });
  useEffect(() => {
    if (!active) return undefined;
    let leaving = false;
    const onHash = () => {
      if (leaving) return;
      const target = window.location.hash.replace(/^#/, '');
      if (target === here) return;
      redirect(here);
      askRef.current(() => {
        leaving = true;
        navigate(target);
      });
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    const electron = navigator.userAgent.includes('Electron');
    window.addEventListener('hashchange', onHash);
    if (!electron) window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('hashchange', onHash);
      if (!electron) window.removeEventListener('beforeunload', onUnload);
    };
  }, [active, here]);
}
