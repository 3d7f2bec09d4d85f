import type { Camera } from '../../../../common/contract';
import type { PlayerSource, StreamKind } from '../player/types';

export type Unplayable = 'disabled' | 'protocol';

/** The hub's own demo streams: played through the gateway's signed path (media.open). */
const DEMO_URL = /^\/media\/demo\//;

/**
 * The stream a tile plays for a camera: the sub stream when asked and there is one, else the main.
 * A camera the administrator disabled is not played. Every camera plays through the hub (media.open
 * answers a signed path; the credentials stay in the hub): RTSP cameras through the gateway's ingest,
 * the demo cameras from their clips, and HLS URLs — on any server — through the hub's HLS proxy, as
 * the console may fetch from the hub only (its CSP) and must never hold a camera's password.
 */
export function cameraSource(camera: Camera, stream: StreamKind): PlayerSource | Unplayable {
  if (!camera.enabled) return 'disabled';
  const useSub = stream === 'sub' && camera.subUrl !== null;
  const kind: StreamKind = useSub ? 'sub' : 'main';
  const url = useSub ? (camera.subUrl ?? camera.mainUrl) : camera.mainUrl;
  if (camera.protocol === 'rtsp' || camera.protocol === 'hls' || DEMO_URL.test(url)) {
    const gatewayUrl = `gateway:${camera.id}/${kind}`;
    return { cameraId: camera.id, stream: kind, url: gatewayUrl, gateway: true, playback: camera.playback };
  }
  return 'protocol';
}
