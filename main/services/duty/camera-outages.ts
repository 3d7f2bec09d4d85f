import type { CameraOnline } from '../../../common/domain/cameras';

/**
 * Which of an ingested camera's online flips the duty log records: an outage when a camera seen
 * live goes offline, and its end when that camera is live again. A camera that is offline the first
 * time a tile asks for it (never seen live since the hub started) is a fault for the tile, not a new
 * outage of the shift: nothing is written, so reopening a dead camera does not fill the log.
 */
export class CameraOutages {
  private readonly last = new Map<string, CameraOnline>();
  private readonly open = new Set<string>();

  /** The camera's tree state now; answers the entry to write, if any. */
  flip(cameraId: string, online: CameraOnline): 'offline' | 'online' | null {
    const before = this.last.get(cameraId) ?? 'unknown';
    this.last.set(cameraId, online);
    if (online === before) return null;
    if (online === 'offline' && before === 'online') {
      this.open.add(cameraId);
      return 'offline';
    }
    if (online === 'online' && this.open.delete(cameraId)) return 'online';
    return null;
  }
}
