import {
  BIGSCREEN_DWELL_DEFAULT_S,
  BIGSCREEN_DWELL_MAX_S,
  BIGSCREEN_DWELL_MIN_S,
} from '../../../common/contract/bigscreen';

/**
 * A wall window shows the big screen while its route carries `?show=bigscreen` (and `&dwell=<s>`):
 * `#/wall/window/2?show=bigscreen&dwell=15`. The address is the state, so a reload of the window keeps
 * showing it, and a push of anything else takes the query away.
 */
const SHOW = 'bigscreen';

/** The big screen's dwell in seconds if `path` asks for it, else null. A bad dwell is the default. */
export function bigScreenOf(path: string): { dwellSeconds: number } | null {
  const query = path.split('?')[1];
  if (query === undefined) return null;
  const params = new URLSearchParams(query);
  if (params.get('show') !== SHOW) return null;
  const dwell = Number(params.get('dwell') ?? BIGSCREEN_DWELL_DEFAULT_S);
  const ok = Number.isInteger(dwell) && dwell >= BIGSCREEN_DWELL_MIN_S && dwell <= BIGSCREEN_DWELL_MAX_S;
  return { dwellSeconds: ok ? dwell : BIGSCREEN_DWELL_DEFAULT_S };
}

/** `path` without its query: the route itself. */
export function routeOf(path: string): string {
  return path.split('?', 1)[0] ?? path;
}

/** The same route showing the big screen with this dwell. */
export function withBigScreen(path: string, dwellSeconds: number = BIGSCREEN_DWELL_DEFAULT_S): string {
  return `${routeOf(path)}?show=${SHOW}&dwell=${dwellSeconds}`;
}
