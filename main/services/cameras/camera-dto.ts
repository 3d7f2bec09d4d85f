import type { Camera, CameraFilter, OrgUnit } from '../../../common/contract';
import { textMatcher, type CameraOnline } from '../../../common/domain/cameras';
import type { CameraRow } from './cameras-repo';

/** Where a workstation sits: its grid and the station serving that grid. */
export interface Place {
  workstationName: string;
  gridId: string | null;
  gridName: string | null;
  stationId: string | null;
  stationName: string | null;
}

/**
 * A camera's online state from what the registry row already holds (id, enabled, the stored main
 * URL — masked only where it carries credentials), so a list or tree needs no further reads.
 */
export type OnlineState = (camera: { id: string; enabled: boolean; mainUrl: string }) => CameraOnline;
/** Until the media layer reports, nobody knows. */
export const unknownOnline: OnlineState = () => 'unknown';

export function placesOf(units: readonly OrgUnit[]): Map<string, Place> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const places = new Map<string, Place>();
  for (const w of units) {
    if (w.kind !== 'workstation') continue;
    const grid = w.parentId ? byId.get(w.parentId) : undefined;
    const isGrid = grid?.kind === 'grid';
    const station = isGrid && grid.stationId ? byId.get(grid.stationId) : undefined;
    places.set(w.id, {
      workstationName: w.name,
      gridId: isGrid ? grid.id : null,
      gridName: isGrid ? grid.name : null,
      stationId: station?.id ?? null,
      stationName: station?.name ?? null,
    });
  }
  return places;
}

/** The UI's view of a row: masked URLs and a flag per stream saying a credential is stored. */
export function toCamera(
  row: CameraRow,
  places: ReadonlyMap<string, Place>,
  secretStreams: ReadonlySet<string>,
  online: OnlineState,
): Camera {
  const place = places.get(row.workstationId);
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    workstationId: row.workstationId,
    workstationName: place?.workstationName ?? row.workstationId,
    gridId: place?.gridId ?? null,
    gridName: place?.gridName ?? null,
    stationId: place?.stationId ?? null,
    stationName: place?.stationName ?? null,
    mainUrl: row.mainUrl,
    subUrl: row.subUrl,
    mainHasCredentials: secretStreams.has(`${row.seq}:main`),
    subHasCredentials: secretStreams.has(`${row.seq}:sub`),
    protocol: row.protocol,
    tags: row.tags,
    enabled: row.enabled,
    playback: row.playback,
    transcode: row.transcode,
    online: online(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Text a search term can hit: the camera's own fields and the names of its place. */
function searchable(c: Camera): string {
  return [c.id, c.name, c.code ?? '', ...c.tags, c.workstationName, c.gridName ?? '', c.stationName ?? ''].join('\n');
}

export function cameraFilter(filter: CameraFilter): (c: Camera) => boolean {
  const text = filter.text ? textMatcher(filter.text) : null;
  const tag = filter.tag?.toLowerCase();
  return (c) =>
    (filter.workstationId === undefined || c.workstationId === filter.workstationId) &&
    (filter.gridId === undefined || c.gridId === filter.gridId) &&
    (filter.stationId === undefined || c.stationId === filter.stationId) &&
    (filter.enabled === undefined || c.enabled === filter.enabled) &&
    (filter.protocol === undefined || c.protocol === filter.protocol) &&
    (tag === undefined || c.tags.some((t) => t.toLowerCase() === tag)) &&
    (text === null || text(searchable(c)));
}
