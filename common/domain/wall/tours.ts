import { checkName, type CameraLookup, type Checked, type WallFieldError } from './errors';
import { isWallLayoutId, type WallLayoutId } from './layouts';

/**
 * 'wall': the whole wall pages through the cameras, a layout's worth at a time (a Milestone
 * carousel on every tile at once). 'tile': one tile cycles through the cameras, one at a time.
 */
export const WALL_TOUR_MODES = ['wall', 'tile'] as const;
export type WallTourMode = (typeof WALL_TOUR_MODES)[number];

/** Shorter than 5 s and a stream has not shown its first frame before it is gone; 10 min is a patrol. */
export const TOUR_DWELL_MIN_S = 5;
export const TOUR_DWELL_MAX_S = 600;
/** More than the town's cameras several times over; bounds one saved row. */
export const TOUR_CAMERAS_MAX = 1000;

export interface WallTourDraft {
  name: string;
  mode: WallTourMode;
  /** The layout the wall switches to in 'wall' mode; not used (and not kept) in 'tile' mode. */
  layout: string | null;
  cameras: readonly string[];
  dwellSeconds: number;
}

export interface WallTourContent {
  name: string;
  mode: WallTourMode;
  layout: WallLayoutId | null;
  cameras: string[];
  dwellSeconds: number;
}

/** What tourPage needs of a tour. */
export interface TourShape {
  mode: WallTourMode;
  cameras: readonly string[];
}

/** Checks a tour; camera ids come back spelled as the registry spells them. */
export function validateTour(draft: WallTourDraft, lookup: CameraLookup): Checked<WallTourContent> {
  const errors: WallFieldError[] = [];
  const name = checkName(draft.name, errors);
  let layout: WallLayoutId | null = null;
  if (draft.mode === 'wall') {
    if (draft.layout === null) {
      errors.push({
        field: 'layout',
        code: 'layout_required',
        zh: '整墙轮巡需要选择画面布局',
        en: 'A whole-wall tour needs a layout',
      });
    } else if (isWallLayoutId(draft.layout)) layout = draft.layout;
    else {
      errors.push({
        field: 'layout',
        code: 'layout_unknown',
        zh: `没有“${draft.layout}”这种画面布局`,
        en: `There is no layout "${draft.layout}"`,
      });
    }
  }
  if (draft.cameras.length === 0) {
    errors.push({
      field: 'cameras',
      code: 'cameras_required',
      zh: '轮巡至少需要一路摄像机',
      en: 'A tour needs at least one camera',
    });
  } else if (draft.cameras.length > TOUR_CAMERAS_MAX) {
    errors.push({
      field: 'cameras',
      code: 'too_many_cameras',
      zh: `轮巡最多 ${TOUR_CAMERAS_MAX} 路摄像机`,
      en: `A tour may have at most ${TOUR_CAMERAS_MAX} cameras`,
    });
  }
  const cameras = draft.cameras.map((raw, i) => {
    const id = lookup(raw);
    if (id === undefined) {
      errors.push({
        field: `cameras.${i}`,
        code: 'unknown_camera',
        zh: `第 ${i + 1} 路摄像机 ${raw} 不存在`,
        en: `Camera ${i + 1}: there is no camera ${raw}`,
      });
    }
    return id ?? raw;
  });
  const dwell = draft.dwellSeconds;
  if (!Number.isInteger(dwell) || dwell < TOUR_DWELL_MIN_S || dwell > TOUR_DWELL_MAX_S) {
    errors.push({
      field: 'dwellSeconds',
      code: 'dwell_out_of_range',
      zh: `停留时间应为 ${TOUR_DWELL_MIN_S}–${TOUR_DWELL_MAX_S} 秒的整数`,
      en: `The dwell time must be a whole number of seconds from ${TOUR_DWELL_MIN_S} to ${TOUR_DWELL_MAX_S}`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { name, mode: draft.mode, layout, cameras, dwellSeconds: dwell } };
}

/** A remainder that is never negative, so stepping backwards from 0 lands on the last page. */
function wrap(n: number, size: number): number {
  return ((n % size) + size) % size;
}

/** How many steps a tour takes before it repeats: pages in 'wall' mode, cameras in 'tile' mode. */
export function tourStepCount(tour: TourShape, tileCount: number): number {
  const n = tour.cameras.length;
  if (n === 0) return 0;
  return tour.mode === 'tile' ? n : Math.ceil(n / Math.max(1, Math.floor(tileCount)));
}

/**
 * The cameras a tour shows at `step` (any integer; it wraps around both ways).
 * 'wall' mode: the step's group of `tileCount` cameras, for tiles 0, 1, …; the last group may be
 * shorter, and its remaining tiles stay empty rather than repeat cameras from the first group (an
 * operator reading the wall must not see one camera twice). 'tile' mode: the one camera of the
 * step (`tileCount` is not used). An empty tour shows nothing.
 */
export function tourPage(tour: TourShape, step: number, tileCount: number): string[] {
  const steps = tourStepCount(tour, tileCount);
  if (steps === 0) return [];
  const at = wrap(Math.trunc(step), steps);
  if (tour.mode === 'tile') return tour.cameras.slice(at, at + 1);
  const size = Math.max(1, Math.floor(tileCount));
  return tour.cameras.slice(at * size, at * size + size);
}
