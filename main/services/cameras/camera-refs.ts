import type { Db } from '../../db/connection';

/** How another domain names a camera it links to (the duty log's linked cameras). */
export interface CameraRef {
  id: string;
  name: string;
}

/**
 * The name of each existing camera among `ids`, by id (unknown ids are left out). Needs no stream
 * secrets, so it does not go through CamerasRepo (which is built with the secret key).
 */
export function cameraRefs(db: Db, ids: readonly string[]): Map<string, CameraRef> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare('SELECT id, name FROM cameras WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as CameraRef[];
  return new Map(rows.map((r) => [r.id, r]));
}
