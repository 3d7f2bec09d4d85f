/**
 * The camera tree of the wall's side panel: responsibility grid → the joint-duty station area that
 * serves it → village/residential workstation → cameras, with counts on every node.
 */

export const CAMERA_ONLINE_STATES = ['online', 'offline', 'unknown'] as const;
export type CameraOnline = (typeof CAMERA_ONLINE_STATES)[number];

export interface TreeCounts {
  total: number;
  enabled: number;
  online: number;
  offline: number;
}

export interface TreeUnit {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  stationId: string | null;
}

interface TreeCameraLike {
  workstationId: string;
  enabled: boolean;
  online: CameraOnline;
}

export interface WorkstationNode<C> {
  id: string;
  name: string;
  counts: TreeCounts;
  cameras: C[];
}
export interface StationNode<C> {
  /** null when the grid has no station assigned. */
  id: string | null;
  name: string | null;
  counts: TreeCounts;
  workstations: WorkstationNode<C>[];
}
export interface GridNode<C> {
  id: string;
  name: string;
  counts: TreeCounts;
  stations: StationNode<C>[];
}
export interface CameraTree<C> {
  counts: TreeCounts;
  grids: GridNode<C>[];
  /** Cameras whose workstation sits under no grid (an org edit left it loose): never dropped silently. */
  unplaced: C[];
}

function countOf(cameras: readonly TreeCameraLike[]): TreeCounts {
  return {
    total: cameras.length,
    enabled: cameras.filter((c) => c.enabled).length,
    online: cameras.filter((c) => c.online === 'online').length,
    offline: cameras.filter((c) => c.online === 'offline').length,
  };
}

function sum(counts: readonly TreeCounts[]): TreeCounts {
  return counts.reduce(
    (a, b) => ({
      total: a.total + b.total,
      enabled: a.enabled + b.enabled,
      online: a.online + b.online,
      offline: a.offline + b.offline,
    }),
    { total: 0, enabled: 0, online: 0, offline: 0 },
  );
}

/**
 * Builds the tree from the org units (in display order) and the cameras to show. Workstations and
 * grids without a camera are left out unless `includeEmpty` (a filtered tree shows only hits).
 */
export function buildCameraTree<C extends TreeCameraLike>(
  units: readonly TreeUnit[],
  cameras: readonly C[],
  options: { includeEmpty: boolean },
): CameraTree<C> {
  const byWorkstation = new Map<string, C[]>();
  for (const c of cameras) byWorkstation.set(c.workstationId, [...(byWorkstation.get(c.workstationId) ?? []), c]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const placed = new Set<string>();
  const grids: GridNode<C>[] = [];
  for (const grid of units.filter((u) => u.kind === 'grid')) {
    const workstations = units
      .filter((u) => u.kind === 'workstation' && u.parentId === grid.id)
      .map((w) => {
        placed.add(w.id);
        const list = byWorkstation.get(w.id) ?? [];
        return { id: w.id, name: w.name, counts: countOf(list), cameras: list };
      })
      .filter((w) => options.includeEmpty || w.cameras.length > 0);
    if (workstations.length === 0 && !options.includeEmpty) continue;
    const counts = sum(workstations.map((w) => w.counts));
    const station: StationNode<C> = {
      id: grid.stationId,
      name: grid.stationId === null ? null : (names.get(grid.stationId) ?? grid.stationId),
      counts,
      workstations,
    };
    grids.push({ id: grid.id, name: grid.name, counts, stations: [station] });
  }
  const unplaced = cameras.filter((c) => !placed.has(c.workstationId));
  return { counts: countOf(cameras), grids, unplaced };
}
