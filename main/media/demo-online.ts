import type { CameraOnline } from '../../common/domain/cameras';
import { DEMO_MEDIA_BASE, type DemoMedia } from './demo-media';

const DEMO_URL = new RegExp(`^${DEMO_MEDIA_BASE}/([a-z0-9][a-z0-9-]{0,31})/(main|sub)/index\\.m3u8$`);

/** The demo stream a registry URL names (`/media/demo/<key>/<stream>/index.m3u8`), or null. */
export function demoStreamOf(url: string): { key: string; stream: 'main' | 'sub' } | null {
  const [, key, stream] = DEMO_URL.exec(url) ?? [];
  return key && (stream === 'main' || stream === 'sub') ? { key, stream } : null;
}

/**
 * Whether a camera streams from the hub's demo media and is running: the key is read from its main
 * stream URL. Cameras elsewhere are 'unknown' to the hub — their tiles report their own health.
 */
export function demoOnline(media: DemoMedia, mainUrl: string): CameraOnline {
  const key = demoStreamOf(mainUrl)?.key;
  if (key === undefined || !media.has(key)) return 'unknown';
  return media.isRunning(key) ? 'online' : 'offline';
}
