import { isAppUrl } from './origin';

/**
 * The wall window route of the renderer (renderer/src/wall/window/windowRoute.ts): `#/wall/window/<n>`,
 * or the same showing the big screen (renderer/src/bigscreen/route.ts): `…?show=bigscreen&dwell=<s>`.
 * No `electron` import here, so the rule can be unit-tested without the runtime.
 */
const WALL_HASH = /^#\/wall\/window(?:\/(\d{1,2}))?(?:\?show=bigscreen(?:&dwell=\d{1,3})?)?$/;

/** The wall window number `url` asks for, or null when it is not a wall window of this app. */
export function wallWindowNumber(url: string): number | null {
  if (!isAppUrl(url)) return null;
  const match = WALL_HASH.exec(new URL(url).hash);
  if (!match) return null;
  const n = Number(match[1] ?? '1');
  return n >= 1 ? n : null;
}

export interface DisplayArea {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Where wall window `n` goes: the n-th display other than the primary (cycling when there are
 * fewer), full screen; with a single display, a normal window on it.
 */
export function wallWindowPlacement(
  n: number,
  displays: readonly DisplayArea[],
  primaryId: number,
): { bounds: DisplayArea['bounds']; fullscreen: boolean } {
  const extras = displays.filter((d) => d.id !== primaryId);
  const target = extras[(n - 1) % Math.max(extras.length, 1)];
  if (target) return { bounds: target.bounds, fullscreen: true };
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const b = primary?.bounds ?? { x: 0, y: 0, width: 1600, height: 900 };
  return {
    bounds: { x: b.x + 40, y: b.y + 40, width: Math.min(1600, b.width - 80), height: Math.min(900, b.height - 80) },
    fullscreen: false,
  };
}
