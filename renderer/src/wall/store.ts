import { create } from 'zustand';
import { LAYOUTS, type LayoutId } from './layouts';

/**
 * What the wall shows, as plain data (docs/architecture.md#renderer-patterns): the layout and which camera each slot holds.
 * Media objects never live here; the player manager owns them, keyed by camera id. One store per
 * window, so the console's wall and a wall window are independent.
 */
export interface WallState {
  layoutId: LayoutId;
  /** Camera id per slot, `null` for an empty tile; always as long as the layout has tiles. */
  cells: (string | null)[];
  /** The selected slot (keyboard and double-click targets). */
  selected: number;
  /** The slot shown over the whole grid on its main stream, or null. */
  maximised: number | null;
  /** Camera ids whose tile shows the stats overlay. */
  stats: Record<string, true>;
}

export const useWallStore = create<WallState>(() => ({
  layoutId: '9',
  cells: Array.from({ length: 9 }, () => null),
  selected: 0,
  maximised: null,
  stats: {},
}));

function tileCount(id: LayoutId): number {
  return LAYOUTS[id].slots.length;
}

function fit(cells: readonly (string | null)[], count: number): (string | null)[] {
  return Array.from({ length: count }, (_, i) => cells[i] ?? null);
}

/**
 * Another layout keeps the cameras of the slots it still has (their tiles keep playing) and drops
 * the rest: what the operator sees is all the wall holds.
 */
export function setLayout(layoutId: LayoutId): void {
  useWallStore.setState((s) => {
    const count = tileCount(layoutId);
    return { layoutId, cells: fit(s.cells, count), selected: Math.min(s.selected, count - 1), maximised: null };
  });
}

/** A whole wall at once: a saved view, a pushed view, a page of a tour. */
export function showCells(layoutId: LayoutId, cells: readonly (string | null)[]): void {
  useWallStore.setState((s) => {
    const count = tileCount(layoutId);
    // A camera appears once: its tile (and player) is keyed by the camera.
    const seen = new Set<string>();
    const unique = fit(cells, count).map((c) => {
      if (c === null || seen.has(c)) return null;
      seen.add(c);
      return c;
    });
    return { layoutId, cells: unique, selected: Math.min(s.selected, count - 1), maximised: null };
  });
}

/**
 * Puts a camera in a slot and selects it (a tour's step leaves the selection alone). A camera
 * already elsewhere on the wall trades places with what the slot held, so it is never shown twice.
 */
export function place(slot: number, cameraId: string, options: { select?: boolean } = {}): void {
  const selectIt = options.select ?? true;
  useWallStore.setState((s) => {
    if (slot < 0 || slot >= s.cells.length) return s;
    const selected = selectIt ? slot : s.selected;
    const cells = [...s.cells];
    const from = cells.indexOf(cameraId);
    if (from === slot) return { selected };
    if (from >= 0) cells[from] = cells[slot] ?? null;
    cells[slot] = cameraId;
    return { cells, selected };
  });
}

/** Puts a camera in the first empty slot (or the selected one when the wall is full). */
export function placeAnywhere(cameraId: string): void {
  const { cells, selected } = useWallStore.getState();
  if (cells.includes(cameraId)) return;
  const empty = cells.indexOf(null);
  place(empty >= 0 ? empty : selected, cameraId);
}

export function swap(a: number, b: number): void {
  useWallStore.setState((s) => {
    if (a === b || a < 0 || b < 0 || a >= s.cells.length || b >= s.cells.length) return s;
    const cells = [...s.cells];
    [cells[a], cells[b]] = [cells[b] ?? null, cells[a] ?? null];
    return { cells, selected: b, maximised: s.maximised === a ? b : s.maximised === b ? a : s.maximised };
  });
}

export function clearSlot(slot: number): void {
  useWallStore.setState((s) => {
    if (slot < 0 || slot >= s.cells.length) return s;
    const cells = [...s.cells];
    cells[slot] = null;
    return { cells, maximised: s.maximised === slot ? null : s.maximised };
  });
}

export function select(slot: number): void {
  useWallStore.setState((s) => (slot >= 0 && slot < s.cells.length ? { selected: slot } : s));
}

/** Maximises a slot that shows a camera; the maximised one (or any, with null) goes back. */
export function toggleMaximise(slot: number | null): void {
  useWallStore.setState((s) => {
    if (slot === null || s.maximised === slot) return { maximised: null };
    if (s.cells[slot] == null) return s;
    return { maximised: slot, selected: slot };
  });
}

export function toggleStats(cameraId: string): void {
  useWallStore.setState((s) => {
    if (!s.stats[cameraId]) return { stats: { ...s.stats, [cameraId]: true } };
    return {
      stats: Object.fromEntries(Object.entries(s.stats).filter(([id]) => id !== cameraId)),
    };
  });
}
