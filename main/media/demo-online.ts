import type { CameraOnline } from '../../common/domain/cameras';
import { DEMO_MEDIA_BASE, type DemoMedia } from './demo-media';

/**
 * Whether a camera streams from the hub's demo media and is running: the key is read from its main
 * stream URL (`/media/demo/<key>/main/index.m3u8`). Cameras elsewhere are 'unknown' to the hub — their
 * tiles report their own health.
 */
export function demoOnline(media: DemoMedia, mainUrl: string): CameraOnline {
  if (!mainUrl.startsWith(`${DEMO_MEDIA_BASE}/`)) return 'unknown';
  const key = mainUrl.slice(DEMO_MEDIA_BASE.length + 1).split('/')[0] ?? '';
  if (!media.cameras.some((c) => c.key === key)) return 'unknown';
  return media.isRunning(key) ? 'online' : 'offline';
}
