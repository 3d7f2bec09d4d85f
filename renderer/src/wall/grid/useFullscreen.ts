import { useCallback, useSyncExternalStore } from 'react';

function subscribe(notify: () => void): () => void {
  document.addEventListener('fullscreenchange', notify);
  return () => {
    document.removeEventListener('fullscreenchange', notify);
  };
}

/** Whether `element` is full screen, and a toggle (the Fullscreen API; Esc leaves it too). */
export function useFullscreen(element: HTMLElement | null): [boolean, () => void] {
  const current = useSyncExternalStore(subscribe, () => document.fullscreenElement);
  const active = element !== null && current === element;
  const toggle = useCallback(() => {
    if (!element) return;
    if (document.fullscreenElement === element) void document.exitFullscreen().catch(() => undefined);
    else void element.requestFullscreen().catch(() => undefined);
  }, [element]);
  return [active, toggle];
}
