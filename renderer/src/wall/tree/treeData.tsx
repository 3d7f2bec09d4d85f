import type { TreeDataNode } from 'antd';
import type { ReactNode } from 'react';
import type { Camera, CameraTreeDto } from '../../../../common/contract';

export const CAMERA_KEY_PREFIX = 'cam:';

export interface TreeLabels {
  /** A group's name with its online / total counts. */
  group: (kind: 'grid' | 'station' | 'workstation', name: string, online: number, total: number) => ReactNode;
  camera: (camera: Camera) => ReactNode;
  noStation: string;
  unplaced: string;
}

function cameraNodes(cameras: readonly Camera[], labels: TreeLabels): TreeDataNode[] {
  return cameras.map((c) => ({ key: `${CAMERA_KEY_PREFIX}${c.id}`, title: labels.camera(c), isLeaf: true }));
}

/**
 * The hub's tree as antd nodes: grid → station area → workstation → cameras. A grid with no station
 * keeps the level (named "no station") so every camera sits at the same depth.
 */
export function toTreeData(tree: CameraTreeDto, labels: TreeLabels): TreeDataNode[] {
  const nodes: TreeDataNode[] = tree.grids.map((grid) => ({
    key: `grid:${grid.id}`,
    title: labels.group('grid', grid.name, grid.counts.online, grid.counts.total),
    selectable: false,
    children: grid.stations.map((station) => ({
      key: `station:${grid.id}:${station.id ?? '-'}`,
      title: labels.group('station', station.name ?? labels.noStation, station.counts.online, station.counts.total),
      selectable: false,
      children: station.workstations.map((w) => ({
        key: `workstation:${w.id}`,
        title: labels.group('workstation', w.name, w.counts.online, w.counts.total),
        selectable: false,
        children: cameraNodes(w.cameras, labels),
      })),
    })),
  }));
  if (tree.unplaced.length > 0) {
    const online = tree.unplaced.filter((c) => c.online === 'online').length;
    nodes.push({
      key: 'unplaced',
      title: labels.group('grid', labels.unplaced, online, tree.unplaced.length),
      selectable: false,
      children: cameraNodes(tree.unplaced, labels),
    });
  }
  return nodes;
}

/** Every group key, to show the tree unfolded (a town's tree is small; searching narrows it). */
export function groupKeys(nodes: readonly TreeDataNode[]): string[] {
  return nodes.flatMap((n) => (n.isLeaf ? [] : [String(n.key), ...groupKeys(n.children ?? [])]));
}
