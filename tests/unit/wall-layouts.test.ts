import { describe, expect, it } from 'vitest';
import {
  isLayoutId,
  LAYOUT_IDS,
  LAYOUTS,
  layoutHotkey,
  MAX_TILES,
  neighbour,
  slotPlacement,
  type Layout,
} from '../../renderer/src/wall/layouts';

/** Which slot covers each cell of the grid (-1 = none); throws when two slots share a cell. */
function cover(layout: Layout): number[][] {
  const cells = Array.from({ length: layout.rows }, () => Array.from({ length: layout.columns }, () => -1));
  layout.slots.forEach((slot, index) => {
    for (let r = slot.row; r < slot.row + slot.rowSpan; r += 1) {
      for (let c = slot.col; c < slot.col + slot.colSpan; c += 1) {
        const line = cells[r];
        if (!line || c >= layout.columns) throw new Error(`layout ${layout.id}: slot ${index} leaves the grid`);
        if (line[c] !== -1) throw new Error(`layout ${layout.id}: slots ${line[c]} and ${index} overlap at ${c},${r}`);
        line[c] = index;
      }
    }
  });
  return cells;
}

describe('wall layouts', () => {
  it('are the nine of the issue, in hotkey order', () => {
    expect(LAYOUT_IDS).toEqual(['1', '4', '6', '8', '9', '12', '16', '25', '36']);
    expect(LAYOUT_IDS.map(layoutHotkey)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...LAYOUT_IDS.map(Number))).toBe(MAX_TILES);
  });

  it.each(LAYOUT_IDS)('layout %s has that many slots, no overlaps, and covers its whole grid', (id) => {
    const layout = LAYOUTS[id];
    expect(layout.id).toBe(id);
    expect(layout.slots).toHaveLength(Number(id));
    const cells = cover(layout);
    expect(cells.flat().filter((c) => c === -1)).toEqual([]);
    for (const slot of layout.slots) {
      expect(slot.colSpan).toBeGreaterThanOrEqual(1);
      expect(slot.rowSpan).toBeGreaterThanOrEqual(1);
      expect(slot.col).toBeGreaterThanOrEqual(0);
      expect(slot.row).toBeGreaterThanOrEqual(0);
    }
  });

  it('grids: 12 is four across and three down; the square ones are square', () => {
    expect([LAYOUTS['12'].columns, LAYOUTS['12'].rows]).toEqual([4, 3]);
    for (const [id, n] of [
      ['1', 1],
      ['4', 2],
      ['9', 3],
      ['16', 4],
      ['25', 5],
      ['36', 6],
    ] as const) {
      expect([LAYOUTS[id].columns, LAYOUTS[id].rows]).toEqual([n, n]);
      expect(LAYOUTS[id].slots.every((s) => s.colSpan === 1 && s.rowSpan === 1)).toBe(true);
    }
  });

  it('6 is one 2×2 tile and five small ones on 3×3', () => {
    const six = LAYOUTS['6'];
    expect([six.columns, six.rows]).toEqual([3, 3]);
    expect(six.slots[0]).toEqual({ col: 0, row: 0, colSpan: 2, rowSpan: 2 });
    expect(six.slots.slice(1).every((s) => s.colSpan === 1 && s.rowSpan === 1)).toBe(true);
  });

  it('8 is one 3×3 tile and seven small ones on 4×4', () => {
    const eight = LAYOUTS['8'];
    expect([eight.columns, eight.rows]).toEqual([4, 4]);
    expect(eight.slots[0]).toEqual({ col: 0, row: 0, colSpan: 3, rowSpan: 3 });
    expect(eight.slots.slice(1).every((s) => s.colSpan === 1 && s.rowSpan === 1)).toBe(true);
  });

  it('places slots with 1-based CSS grid lines', () => {
    expect(slotPlacement({ col: 0, row: 0, colSpan: 3, rowSpan: 3 })).toEqual({
      gridColumn: '1 / span 3',
      gridRow: '1 / span 3',
    });
    expect(slotPlacement({ col: 3, row: 2, colSpan: 1, rowSpan: 1 })).toEqual({
      gridColumn: '4 / span 1',
      gridRow: '3 / span 1',
    });
  });

  it('knows its ids', () => {
    expect(isLayoutId('16')).toBe(true);
    expect(isLayoutId('10')).toBe(false);
  });
});

describe('arrow keys between slots', () => {
  it('move one cell in a uniform grid and stop at the edge', () => {
    const sixteen = LAYOUTS['16'];
    expect(neighbour(sixteen, 5, 'right')).toBe(6);
    expect(neighbour(sixteen, 5, 'left')).toBe(4);
    expect(neighbour(sixteen, 5, 'up')).toBe(1);
    expect(neighbour(sixteen, 5, 'down')).toBe(9);
    expect(neighbour(sixteen, 3, 'right')).toBe(3);
    expect(neighbour(sixteen, 0, 'up')).toBe(0);
  });

  it('leave the large tile for the small one beside or below it', () => {
    const eight = LAYOUTS['8'];
    // Right of the 3×3 tile: the middle of the right column (in line with its centre).
    expect(neighbour(eight, 0, 'right')).toBe(2);
    expect(neighbour(eight, 0, 'down')).toBe(5);
    expect(neighbour(eight, 2, 'left')).toBe(0);
    expect(neighbour(eight, 5, 'up')).toBe(0);
  });
});
