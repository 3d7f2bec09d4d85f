import type { DragEvent } from 'react';

/**
 * Drag and drop on the wall with the browser's own DnD: a camera from the tree, or a tile's camera
 * to another tile. Custom types keep stray drags (files, text) from landing on a tile.
 */
const CAMERA_TYPE = 'application/x-cityops-camera';
const SLOT_TYPE = 'application/x-cityops-wall-slot';

export type WallDrop = { kind: 'camera'; cameraId: string } | { kind: 'slot'; slot: number };

export function startCameraDrag(e: DragEvent, cameraId: string): void {
  e.dataTransfer.setData(CAMERA_TYPE, cameraId);
  e.dataTransfer.effectAllowed = 'copyMove';
}

export function startSlotDrag(e: DragEvent, slot: number): void {
  e.dataTransfer.setData(SLOT_TYPE, String(slot));
  e.dataTransfer.effectAllowed = 'move';
}

/** Whether a drag over a tile is ours (types are readable during dragover, data only on drop). */
export function isWallDrag(e: DragEvent): boolean {
  const types = Array.from(e.dataTransfer.types);
  return types.includes(CAMERA_TYPE) || types.includes(SLOT_TYPE);
}

export function readDrop(e: DragEvent): WallDrop | null {
  const cameraId = e.dataTransfer.getData(CAMERA_TYPE);
  if (cameraId) return { kind: 'camera', cameraId };
  const slot = e.dataTransfer.getData(SLOT_TYPE);
  if (slot !== '' && Number.isInteger(Number(slot))) return { kind: 'slot', slot: Number(slot) };
  return null;
}
