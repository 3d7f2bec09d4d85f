import type { WallAlarmReason } from '../../../../common/contract';
import type { LayoutId } from '../layouts';
import type { TourRun } from '../tours/tourStore';

/**
 * What a wall shows, enough to put it back: the layout, the camera per tile, and the tour that was
 * cycling on it (at its step), which starts again when the view comes back.
 */
export interface WallSnapshot {
  layoutId: LayoutId;
  cells: (string | null)[];
  tour?: TourRun | null;
}

/**
 * Something that took the wall over and will give it back: an incident (every wall
 * switches to its cameras until it closes) or an alarm on an alarm window (until acknowledged).
 * `previous` is what the wall showed just before this layer; `shown` is what the layer put up.
 */
export type WallLayer =
  | {
      kind: 'incident';
      incidentId: number;
      title: string;
      level: string;
      drill: boolean;
      previous: WallSnapshot;
      shown: WallSnapshot;
    }
  | {
      kind: 'alarm';
      alarmId: string;
      reason: WallAlarmReason;
      byName: string | null;
      previous: WallSnapshot;
      shown: WallSnapshot;
    };

/** A layer before it is put on the wall: what it will show, not yet what it covers. */
export type NewLayer = WallLayer extends infer L ? (L extends WallLayer ? Omit<L, 'previous'> : never) : never;

/** The layers on top of each other, oldest first; the last one is what the wall shows. */
export type LayerStack = readonly WallLayer[];

/** A new layer on top: it remembers what the wall shows now. */
export function pushLayer(stack: LayerStack, layer: NewLayer, current: WallSnapshot): LayerStack {
  return [...stack, { ...layer, previous: current }];
}

/**
 * Takes a layer away. The top one: the wall goes back to what it showed before it (`restore`).
 * One underneath: nothing on screen changes, and the layer above it now goes back to what this one
 * would have — so an alarm acknowledged after its incident closed returns to the normal view, not
 * to the incident's cameras.
 */
export function removeLayer(
  stack: LayerStack,
  match: (layer: WallLayer) => boolean,
): { stack: LayerStack; restore: WallSnapshot | null } {
  const i = stack.findIndex(match);
  if (i < 0) return { stack, restore: null };
  const removed = stack[i];
  const above = stack[i + 1];
  const next = stack.filter((_, j) => j !== i);
  if (!removed) return { stack, restore: null };
  if (!above) return { stack: next, restore: removed.previous };
  next[i] = { ...above, previous: removed.previous };
  return { stack: next, restore: null };
}

/** The square layout that fits `count` cameras (1, 4, 9 … 36): the wall's "fitting layout". */
export function fittingLayout(count: number): LayoutId {
  if (count <= 1) return '1';
  if (count <= 4) return '4';
  if (count <= 9) return '9';
  if (count <= 16) return '16';
  if (count <= 25) return '25';
  return '36';
}

/** A stored tour run with the shape this version writes (anything else is dropped: no tour comes back). */
function isTourRun(value: unknown): value is TourRun {
  if (typeof value !== 'object' || value === null) return false;
  const run = value as Partial<TourRun>;
  const tour = run.tour as Partial<TourRun['tour']> | undefined;
  return (
    typeof run.tourId === 'number' &&
    typeof run.step === 'number' &&
    typeof run.paused === 'boolean' &&
    (run.slot === null || typeof run.slot === 'number') &&
    typeof tour === 'object' &&
    (tour.mode === 'wall' || tour.mode === 'tile') &&
    Array.isArray(tour.cameras) &&
    tour.cameras.every((c) => typeof c === 'string') &&
    typeof tour.dwellSeconds === 'number' &&
    tour.dwellSeconds > 0
  );
}

function withTour(view: WallSnapshot): WallSnapshot {
  const { tour, ...rest } = view;
  return isTourRun(tour) ? { ...rest, tour } : rest;
}

/** Keeps a stored stack only if it still has the shape this version writes (a reload after an upgrade). */
export function parseStack(raw: string | null): LayerStack {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (l): l is WallLayer =>
          typeof l === 'object' &&
          l !== null &&
          ((l as WallLayer).kind === 'incident' || (l as WallLayer).kind === 'alarm') &&
          Array.isArray((l as Partial<WallLayer>).previous?.cells) &&
          Array.isArray((l as Partial<WallLayer>).shown?.cells),
      )
      .map((l) => ({ ...l, previous: withTour(l.previous), shown: withTour(l.shown) }));
  } catch {
    return [];
  }
}
