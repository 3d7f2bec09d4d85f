import fs from 'node:fs';
import path from 'node:path';
import type { CameraStream } from '../../../common/contract/cameras';
import type { DemoMedia } from '../demo-media';
import type { ProxyRequest } from '../hls-proxy';
import { demoStreamFile, type MediaAnswer, type MediaRequest, type MediaResponse } from '../media-routes';
import { awaitSegment, requestedMsn, withServerControl, type PlaylistClock } from './blocking-playlist';
import { SIGNED_MEDIA_BASE, demoScope, extScope, liveScope, verifyMediaToken } from './signed-url';

/**
 * HTTP for signed media paths (signed-url.ts), transport-neutral like media-routes.ts so the web
 * shell and Electron's app:// scheme give the same answers:
 *   /media/s/<token>/demo/<key>/<stream>/<file>      a demo camera (DemoMedia; the only way to its clips)
 *   /media/s/<token>/live/<cameraId>/<stream>/<file> a gateway ingest's HLS (index.m3u8, init.mp4, seg-<n>.m4s);
 *                                                     its playlist supports blocking reload (?_HLS_msn=<n>)
 *   /media/s/<token>/ext/<cameraId>/<stream>/<ref>   an HLS camera on another server, through the
 *                                                     hub's proxy (index.m3u8 or a signed ref; async)
 * A token that does not verify, names another stream, or whose session has ended answers 403; the
 * same answer for each, so a prober learns nothing about which part was wrong.
 */

export interface SignedRouteDeps {
  mediaKey: Buffer;
  now: () => number;
  /** The session (by its token hash) is live and its user may still view cameras. */
  sessionLive: (tokenHash: string) => boolean;
  demo?: DemoMedia | undefined;
  /** The gateway's HLS directory of a stream it ingests, or null. */
  liveDir: (cameraId: string, stream: CameraStream) => string | null;
  /** The HLS proxy for cameras on other servers (main/media/hls-proxy/). */
  proxy?: ((request: ProxyRequest) => Promise<MediaResponse>) | undefined;
  /** Time for held playlist requests (blocking-playlist.ts); tests pass a manual one. */
  playlistClock?: PlaylistClock;
}

const TEXT_TYPE = 'text/plain; charset=utf-8';
const ROUTE =
  /^\/media\/s\/([A-Za-z0-9_-]{1,1000}\.[A-Za-z0-9_-]{1,100})\/(demo|live|ext)\/([^/]{1,200})\/(main|sub)\/([^/]{1,3100})$/;
const LIVE_FILE = /^(?:index\.m3u8|init\.mp4|seg-\d{1,20}\.m4s)$/;

function text(status: number, message: string, head: boolean): MediaResponse {
  const bytes = Buffer.from(`${message}\n`, 'utf8');
  return {
    status,
    headers: {
      'content-type': TEXT_TYPE,
      'content-length': String(bytes.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: head ? null : bytes,
  };
}

const refused = (head: boolean) => text(403, '媒体链接无效或已过期 / media link invalid or expired', head);
const notFound = (head: boolean) => text(404, '无此媒体 / no such media', head);

function typeOf(file: string): string {
  if (file.endsWith('.m3u8')) return 'application/vnd.apple.mpegurl';
  if (file.endsWith('.m4s')) return 'video/iso.segment';
  return 'video/mp4';
}

function readLive(dir: string, file: string): Buffer | null {
  try {
    return fs.readFileSync(path.join(dir, file));
  } catch {
    // Not written yet (connecting) or already deleted from the sliding window.
    return null;
  }
}

/** The ingest's playlist, advertising blocking reload; held until segment `_HLS_msn` when asked. */
async function livePlaylist(dir: string, msn: number, head: boolean, clock?: PlaylistClock): Promise<MediaResponse> {
  const read = () => readLive(dir, 'index.m3u8')?.toString('utf8') ?? null;
  const answer = await awaitSegment(read, msn, clock);
  if (answer.kind === 'gone') return notFound(head);
  if (answer.kind === 'too-far') return text(400, '_HLS_msn 超出播放列表 / _HLS_msn is beyond the playlist', head);
  return liveBytes('index.m3u8', Buffer.from(withServerControl(answer.text), 'utf8'), head);
}

function liveFile(dir: string, file: string, head: boolean): MediaResponse {
  const raw = readLive(dir, file);
  if (raw === null) return notFound(head);
  const bytes = file === 'index.m3u8' ? Buffer.from(withServerControl(raw.toString('utf8')), 'utf8') : raw;
  return liveBytes(file, bytes, head);
}

function liveBytes(file: string, bytes: Buffer, head: boolean): MediaResponse {
  return {
    status: 200,
    headers: {
      'content-type': typeOf(file),
      'content-length': String(bytes.length),
      // Playlists and the init segment change with each run; segment names are epoch-numbered.
      'cache-control': file.endsWith('.m4s') ? 'private, max-age=60' : 'no-cache',
      'x-content-type-options': 'nosniff',
    },
    body: head ? null : bytes,
  };
}

/** The answer for a /media/s/ request, or null when the path is not ours. */
export function routeSignedMedia(deps: SignedRouteDeps, request: MediaRequest): MediaAnswer | null {
  const pathname = request.url.split('?')[0] ?? '';
  if (!pathname.startsWith(`${SIGNED_MEDIA_BASE}/`)) return null;
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) {
    const response = text(405, 'GET or HEAD only', false);
    response.headers.allow = 'GET, HEAD';
    return response;
  }
  const [, token, kind, rawId, stream, file] = ROUTE.exec(pathname) ?? [];
  if (!token || !kind || !rawId || (stream !== 'main' && stream !== 'sub') || !file) return notFound(head);
  const grant = verifyMediaToken(deps.mediaKey, token, deps.now());
  if (!grant) return refused(head);
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return notFound(head);
  }
  const scope = kind === 'demo' ? demoScope(id, stream) : kind === 'ext' ? extScope(id, stream) : liveScope(id, stream);
  if (grant.scope !== scope || !deps.sessionLive(grant.session)) return refused(head);

  if (kind === 'ext') {
    if (!deps.proxy) return notFound(head);
    return deps.proxy({ scope, cameraId: id, stream, ref: file, head }).catch(() => notFound(head));
  }
  if (file.length > 64) return notFound(head);

  if (kind === 'demo') {
    return deps.demo ? demoStreamFile(deps.demo, id, stream, file, head) : notFound(head);
  }
  if (!LIVE_FILE.test(file)) return notFound(head);
  const dir = deps.liveDir(id, stream);
  if (dir === null) return notFound(head);
  const msn = file === 'index.m3u8' ? requestedMsn(request.url) : null;
  if (msn === null) return liveFile(dir, file, head);
  if (Number.isNaN(msn)) return text(400, '_HLS_msn 无效 / invalid _HLS_msn', head);
  return livePlaylist(dir, msn, head, deps.playlistClock);
}
