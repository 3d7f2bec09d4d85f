import type { Db } from '../../db/connection';
import { rowsById } from '../../db/statements';

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
  return rowsById<string, CameraRef>(
    db,
    'SELECT id, name FROM cameras WHERE id IN (SELECT value FROM json_each(?))',
    ids,
  );
}
