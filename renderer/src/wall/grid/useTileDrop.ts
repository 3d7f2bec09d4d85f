import { useState, type DragEvent } from 'react';
import { isWallDrag, readDrop } from '../dnd';
import { place, swap } from '../store';

/**
 * A tile as a drop target: a camera from the tree is placed on it, another tile is swapped with it;
 * `over` while a wall drag hovers it.
 */
export function useTileDrop(slot: number) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver: (e: DragEvent) => {
      if (!isWallDrag(e)) return;
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => {
      setOver(false);
    },
    onDrop: (e: DragEvent) => {
      setOver(false);
      const drop = readDrop(e);
      if (!drop) return;
      e.preventDefault();
      if (drop.kind === 'camera') place(slot, drop.cameraId);
      else swap(drop.slot, slot);
    },
  };
  return { over, handlers };
}
