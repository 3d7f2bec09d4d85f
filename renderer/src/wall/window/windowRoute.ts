/** A wall window's route: `#/wall/window/<n>` (n names it "墙窗口 n"; 1 when left out). */
export const WALL_WINDOW_PATH = '/wall/window';

export function isWallWindowPath(path: string): boolean {
  return path === WALL_WINDOW_PATH || path.startsWith(`${WALL_WINDOW_PATH}/`);
}

export function wallWindowNumber(path: string): number {
  const n = Number(path.slice(WALL_WINDOW_PATH.length + 1));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * Opens wall window `n` in a browser window of its own. Opened with this window as its opener, the
 * browser gives it a copy of this window's sessionStorage, so it resumes the same session.
 */
export function openWallWindow(n: number): boolean {
  const url = `${window.location.pathname}${window.location.search}#${WALL_WINDOW_PATH}/${n}`;
  return window.open(url, `cityops-wall-${n}`, 'popup') !== null;
}
