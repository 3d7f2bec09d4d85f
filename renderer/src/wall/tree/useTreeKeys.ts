import { useEffect, useRef, type KeyboardEvent } from 'react';
import { LAYOUTS } from '../layouts';
import { placeAnywhere, place, useWallStore } from '../store';
import { endTileNumber, TILE_NUMBER_PAUSE_MS, typeTileDigit } from './tileNumber';
import { CAMERA_KEY_PREFIX } from './treeData';

/** Puts the camera of a tree key in the selected tile, unless it already shows a camera and an empty one is free. */
export function putOnWall(key: string): void {
  if (!key.startsWith(CAMERA_KEY_PREFIX)) return;
  const id = key.slice(CAMERA_KEY_PREFIX.length);
  const { cells, selected } = useWallStore.getState();
  if (cells[selected] === null) place(selected, id);
  else placeAnywhere(id);
}

/**
 * The camera tree's keys: Enter puts the active camera in the selected tile, a tile number (1–9, 0;
 * two digits on larger walls, the second within TILE_NUMBER_PAUSE_MS) puts it in that tile.
 * `active`: rc-tree's active node key; `activeCamera`: its camera id (null on a group).
 */
export function useTreeKeys(active: string | null, activeCamera: string | null) {
  // A first digit waiting for a second.
  const pending = useRef<{ digits: string; cameraId: string; timer: number } | null>(null);
  useEffect(
    () => () => {
      if (pending.current) window.clearTimeout(pending.current.timer);
    },
    [],
  );

  return (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' && active) {
      e.preventDefault();
      putOnWall(active);
      return;
    }
    const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
    if (!m?.[1] || !activeCamera) return;
    e.preventDefault();
    const tiles = LAYOUTS[useWallStore.getState().layoutId].slots.length;
    const before = pending.current;
    if (before) window.clearTimeout(before.timer);
    pending.current = null;
    const step = typeTileDigit(before?.cameraId === activeCamera ? before.digits : '', Number(m[1]), tiles);
    if (step.tile !== null) place(step.tile - 1, activeCamera);
    if (step.pending === '') return;
    const cameraId = activeCamera;
    const timer = window.setTimeout(() => {
      pending.current = null;
      const tile = endTileNumber(step.pending, tiles);
      if (tile !== null) place(tile - 1, cameraId);
    }, TILE_NUMBER_PAUSE_MS);
    pending.current = { digits: step.pending, cameraId, timer };
  };
}
