/**
 * The wall layouts. The id is the number of tiles, which is also what an operator
 * says ("切到 16 画面"), so ids stay stable strings rather than enum numbers: '6' is one large tile
 * and five small ones, '8' one large and seven, '12' three rows of four; the rest are square grids.
 */
export const WALL_LAYOUT_IDS = ['1', '4', '6', '8', '9', '12', '16', '25', '36'] as const;
export type WallLayoutId = (typeof WALL_LAYOUT_IDS)[number];

export const WALL_LAYOUT_TILES: Readonly<Record<WallLayoutId, number>> = {
  '1': 1,
  '4': 4,
  '6': 6,
  '8': 8,
  '9': 9,
  '12': 12,
  '16': 16,
  '25': 25,
  '36': 36,
};

/** The most tiles any layout has: the longest a view's slot list may be. */
export const WALL_MAX_TILES = 36;

export const WALL_LAYOUT_NAMES: Readonly<Record<WallLayoutId, { zh: string; en: string }>> = {
  '1': { zh: '单画面', en: '1 tile' },
  '4': { zh: '4 画面', en: '4 tiles' },
  '6': { zh: '6 画面（1 大 5 小）', en: '6 tiles (1 large + 5)' },
  '8': { zh: '8 画面（1 大 7 小）', en: '8 tiles (1 large + 7)' },
  '9': { zh: '9 画面', en: '9 tiles' },
  '12': { zh: '12 画面（3×4）', en: '12 tiles (3×4)' },
  '16': { zh: '16 画面', en: '16 tiles' },
  '25': { zh: '25 画面', en: '25 tiles' },
  '36': { zh: '36 画面', en: '36 tiles' },
};

export function isWallLayoutId(value: string): value is WallLayoutId {
  return (WALL_LAYOUT_IDS as readonly string[]).includes(value);
}

export function layoutTileCount(layout: WallLayoutId): number {
  return WALL_LAYOUT_TILES[layout];
}
