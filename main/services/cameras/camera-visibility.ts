import { CAMERA_VIEWERS } from '../../../common/contract/cameras';
import type { Viewer } from '../org/viewer';

/**
 * The camera registry is shared reference data: `cameras.list` is not scoped by station, so every
 * holder of a camera-viewing role sees every camera, and nobody else sees any. The one rule for
 * lists (by role, in the contract), reads by id and links from the duty log.
 */
export function canSeeCameras(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((r) => (CAMERA_VIEWERS as readonly string[]).includes(r));
}
