import { create } from 'zustand';

/**
 * Hash routes (#/admin/users) survive a reload under app:// and http:// alike and need no
 * server-side fallback.
 */
function readPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export const useRouteStore = create<{ path: string }>(() => ({ path: readPath() }));

window.addEventListener('hashchange', () => {
  useRouteStore.setState({ path: readPath() });
});

export function usePath(): string {
  return useRouteStore((s) => s.path);
}

export function navigate(path: string): void {
  if (readPath() !== path) window.location.hash = path;
}

/** Like navigate, without leaving the refused route in the history. */
export function redirect(path: string): void {
  window.history.replaceState(window.history.state, '', `#${path}`);
  useRouteStore.setState({ path });
}
