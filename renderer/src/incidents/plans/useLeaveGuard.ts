import { useEffect, useLayoutEffect, useRef } from 'react';
import { navigate, redirect, usePath } from '../../stores/route';

/** Clicks that leave the screen: the navigation menu's other entries. */
const LEAVING_CLICK = '[data-testid="nav"] li:not(.ant-menu-item-selected)';

/**
 * Unsaved-changes guard: while `active`, leaving this screen asks first; `ask` gets the way out.
 * - A click on another entry of the navigation menu is held (a capturing listener on the window
 *   runs before React's at its root) and replayed if the user chooses to leave.
 * - Any other route change (the browser's back button, a typed address) is put back to this path
 *   on hashchange and then asked about — when this listener runs before the route store's; the
 *   menu does not depend on that ordering.
 * - A browser tab being closed or reloaded gets the browser's own prompt; Electron has none (a
 *   prevented unload there silently keeps the window open), so the desktop app is not held.
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
    const onClick = (e: MouseEvent) => {
      if (leaving || !(e.target instanceof Element)) return;
      const item = e.target.closest(LEAVING_CLICK);
      if (!(item instanceof HTMLElement)) return;
      e.preventDefault();
      e.stopPropagation();
      askRef.current(() => {
        leaving = true;
        item.click();
      });
    };
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
    window.addEventListener('click', onClick, true);
    window.addEventListener('hashchange', onHash, true);
    if (!electron) window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('hashchange', onHash, true);
      if (!electron) window.removeEventListener('beforeunload', onUnload);
    };
  }, [active, here]);
}
