/** A wall window's route: `#/wall/window/<n>` (n names it "墙窗口 n"; 1 when left out), maybe with a query. */
export const WALL_WINDOW_PATH = '/wall/window';

/** The route without its query (`?show=bigscreen…`: what the window shows, bigscreen/route.ts). */
const bare = (path: string) => path.split('?', 1)[0] ?? path;

export function isWallWindowPath(path: string): boolean {
  const route = bare(path);
  return route === WALL_WINDOW_PATH || route.startsWith(`${WALL_WINDOW_PATH}/`);
}

export function wallWindowNumber(path: string): number {
  const n = Number(bare(path).slice(WALL_WINDOW_PATH.length + 1));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * Opens wall window `n` in a browser window of its own, `query` (e.g. `?show=bigscreen&dwell=15`)
 * saying what it shows first. Opened with this window as its opener, the browser gives it a copy of
 * this window's sessionStorage, so it resumes the same session.
 */
export function openWallWindow(n: number, query = ''): boolean {
  const url = `${window.location.pathname}${window.location.search}#${WALL_WINDOW_PATH}/${n}${query}`;
  return window.open(url, `cityops-wall-${n}`, 'popup') !== null;
}
