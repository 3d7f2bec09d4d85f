/**
 * The wall's layouts as CSS-grid geometry. Pure data: the grid renders each slot at
 * its place with `grid-column` / `grid-row`, so a tile can move between slots without its element
 * (and its <video>) being recreated.
 */
import {
  isWallLayoutId,
  WALL_LAYOUT_IDS,
  WALL_MAX_TILES,
  type WallLayoutId,
} from '../../../common/domain/wall/layouts';

export interface Slot {
  /** 0-based column and row of the slot's top-left cell. */
  col: number;
  row: number;
  colSpan: number;
  rowSpan: number;
}

export interface Layout {
  /** The number of tiles, as the contract spells it. */
  id: LayoutId;
  columns: number;
  rows: number;
  slots: readonly Slot[];
}

/** The ids are the contract's ('16' = sixteen tiles), in the order of the picker and of Alt+1…Alt+9. */
export const LAYOUT_IDS = WALL_LAYOUT_IDS;
export type LayoutId = WallLayoutId;

export const MAX_TILES = WALL_MAX_TILES;

function uniform(columns: number, rows: number): Slot[] {
  const slots: Slot[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let col = 0; col < columns; col += 1) slots.push({ col, row, colSpan: 1, rowSpan: 1 });
  }
  return slots;
}

/**
 * One large tile of (size-1)×(size-1) cells in the top-left corner, the small ones down the right
 * column and then along the bottom row: 6 = 1 large + 5 on 3×3, 8 = 1 large + 7 on 4×4.
 */
function oneLarge(size: number): Slot[] {
  const big = size - 1;
  const slots: Slot[] = [{ col: 0, row: 0, colSpan: big, rowSpan: big }];
  for (let row = 0; row < big; row += 1) slots.push({ col: big, row, colSpan: 1, rowSpan: 1 });
  for (let col = 0; col < size; col += 1) slots.push({ col, row: big, colSpan: 1, rowSpan: 1 });
  return slots;
}

function layout(id: LayoutId, columns: number, rows: number, slots: Slot[]): Layout {
  return { id, columns, rows, slots };
}

export const LAYOUTS: Readonly<Record<LayoutId, Layout>> = {
  '1': layout('1', 1, 1, uniform(1, 1)),
  '4': layout('4', 2, 2, uniform(2, 2)),
  '6': layout('6', 3, 3, oneLarge(3)),
  '8': layout('8', 4, 4, oneLarge(4)),
  '9': layout('9', 3, 3, uniform(3, 3)),
  // Four across, three down: wall monitors are landscape.
  '12': layout('12', 4, 3, uniform(4, 3)),
  '16': layout('16', 4, 4, uniform(4, 4)),
  '25': layout('25', 5, 5, uniform(5, 5)),
  '36': layout('36', 6, 6, uniform(6, 6)),
};

export const isLayoutId = isWallLayoutId;

/** The CSS placement of a slot (grid lines are 1-based). */
export function slotPlacement(slot: Slot): { gridColumn: string; gridRow: string } {
  return {
    gridColumn: `${slot.col + 1} / span ${slot.colSpan}`,
    gridRow: `${slot.row + 1} / span ${slot.rowSpan}`,
  };
}

/** The Alt+digit hotkey of a layout: Alt+1 … Alt+9 in LAYOUT_IDS order. */
export function layoutHotkey(id: LayoutId): number {
  return LAYOUT_IDS.indexOf(id) + 1;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

function centre(slot: Slot): { x: number; y: number } {
  return { x: slot.col + slot.colSpan / 2, y: slot.row + slot.rowSpan / 2 };
}

/**
 * The slot an arrow key moves the selection to: the nearest slot whose centre lies in that
 * direction (ties go to the one best aligned), or the same slot at the wall's edge. Works for the
 * uneven layouts too, where "one to the right" of the large tile is a small one.
 */
export function neighbour(layout: Layout, from: number, direction: Direction): number {
  const origin = layout.slots[from];
  if (!origin) return 0;
  const o = centre(origin);
  let best = from;
  let bestScore = Number.POSITIVE_INFINITY;
  layout.slots.forEach((slot, index) => {
    if (index === from) return;
    const c = centre(slot);
    const along = { left: o.x - c.x, right: c.x - o.x, up: o.y - c.y, down: c.y - o.y }[direction];
    if (along <= 0) return;
    const across = direction === 'left' || direction === 'right' ? Math.abs(c.y - o.y) : Math.abs(c.x - o.x);
    // Staying in line matters more than distance: a tile straight ahead beats a nearer diagonal one.
    const score = across * 4 + along;
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}
