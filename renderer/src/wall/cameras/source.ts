import type { Camera } from '../../../../common/contract';
import { MASK } from '../../../../common/domain/cameras/stream-url';
import type { PlayerSource, StreamKind } from '../player/types';

export type Unplayable = 'disabled' | 'protocol' | 'credentials';

/** The hub's own demo streams: played through the gateway's signed path (media.open). */
const DEMO_URL = /^\/media\/demo\//;

/**
 * The stream a tile plays for a camera: the sub stream when asked and there is one, else the main.
 * A camera the administrator disabled is not played. RTSP cameras and the demo cameras play through
 * the hub's camera gateway (media.open answers a signed HLS path; the credentials stay in the hub).
 * A plain HLS URL plays as it is, unless its credentials are kept secret by the hub (shown as ***):
 * the gateway does not relay those, and the browser cannot open them.
 */
export function cameraSource(camera: Camera, stream: StreamKind): PlayerSource | Unplayable {
  if (!camera.enabled) return 'disabled';
  const useSub = stream === 'sub' && camera.subUrl !== null;
  const kind: StreamKind = useSub ? 'sub' : 'main';
  const url = useSub ? (camera.subUrl ?? camera.mainUrl) : camera.mainUrl;
  if (camera.protocol === 'rtsp' || DEMO_URL.test(url)) {
    return { cameraId: camera.id, stream: kind, url: `gateway:${camera.id}/${kind}`, gateway: true };
  }
  if (camera.protocol !== 'hls') return 'protocol';
  if (url.includes(MASK) || (useSub ? camera.subHasCredentials : camera.mainHasCredentials)) return 'credentials';
  return { cameraId: camera.id, stream: kind, url };
}
