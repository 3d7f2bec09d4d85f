import type { Camera } from '../../../../common/contract';
import { MASK } from '../../../../common/domain/cameras/stream-url';
import type { PlayerSource, StreamKind } from '../player/types';

export type Unplayable = 'disabled' | 'protocol' | 'credentials';

/**
 * The stream a tile plays for a camera: the sub stream when asked and there is one, else the main.
 * A camera the administrator disabled is not played. Only HLS plays in this console; a URL whose
 * credentials the hub keeps secret (shown as ***) cannot be opened by the browser itself.
 */
export function cameraSource(camera: Camera, stream: StreamKind): PlayerSource | Unplayable {
  if (!camera.enabled) return 'disabled';
  if (camera.protocol !== 'hls') return 'protocol';
  const useSub = stream === 'sub' && camera.subUrl !== null;
  const url = useSub ? (camera.subUrl ?? camera.mainUrl) : camera.mainUrl;
  if (url.includes(MASK)) return 'credentials';
  return { cameraId: camera.id, stream: useSub ? 'sub' : 'main', url };
}
