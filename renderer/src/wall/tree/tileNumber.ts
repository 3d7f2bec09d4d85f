/**
 * Typing a tile number in the camera tree: one digit on a wall of up to nine
 * tiles, up to two on larger ones. A digit that no second digit could follow (7 on a 16-tile wall)
 * is the number at once; otherwise the number waits for a second digit, or for the pause after the
 * first (TILE_NUMBER_PAUSE_MS, the caller's timer). A lone 0 is tile 10, as on the wall's own keys.
 */

export const TILE_NUMBER_PAUSE_MS = 800;

export interface TileNumberStep {
  /** The 1-based tile to put the camera in, or null (not yet, or no such tile). */
  tile: number | null;
  /** The digits still waiting for another. */
  pending: string;
}

const inRange = (n: number, tiles: number): number | null => (n >= 1 && n <= tiles ? n : null);

/** `digit` typed after `pending` on a wall of `tiles` tiles. */
export function typeTileDigit(pending: string, digit: number, tiles: number): TileNumberStep {
  if (tiles <= 9) return { tile: inRange(digit, tiles), pending: '' };
  const typed = `${pending}${digit}`;
  if (typed.length >= 2) return { tile: inRange(Number(typed), tiles), pending: '' };
  if (digit !== 0 && digit * 10 <= tiles) return { tile: null, pending: typed };
  return { tile: inRange(digit === 0 ? 10 : digit, tiles), pending: '' };
}

/** The pause after a first digit: that digit alone is the number. */
export function endTileNumber(pending: string, tiles: number): number | null {
  if (pending === '') return null;
  const n = Number(pending);
  return inRange(n === 0 ? 10 : n, tiles);
}
