import type { StreamKind } from './demo-manifest';
import type { DemoMedia, MediaResult } from './demo-media';

/**
 * HTTP answers for the hub's media, transport-neutral so the web shell (fastify,
 * main/shell-web/media-route.ts) and the Electron shell (app:// scheme) give the same ones.
 * Everything under /media/ is served through a signed path only (main/media/gateway/signed-routes.ts:
 * a session-checked token per camera stream); any other /media/ path answers 404, so no media of the
 * hub — demo clips included — is reachable without a signed-in session. Stopping and starting a demo
 * stream is the contract's `demo.setRunning`.
 *
 * For the signed demo paths, demoStreamFile answers a demo camera's stream files:
 *   index.m3u8   live media playlist (sliding window)
 *   init.mp4     init segment
 *   <seq>.m4s    media segment (404 once it is out of reach)
 * A stopped camera answers 503; `broken` answers a playlist that is not one.
 */

export interface MediaRequest {
  method: string;
  /** Path and query, as in the request line. */
  url: string;
}

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD and empty answers. */
  body: Buffer | null;
}

/** An answer now, or once an upstream has answered (the hub's HLS proxy). */
export type MediaAnswer = MediaResponse | Promise<MediaResponse>;

/** The hub's media namespace: nothing below it falls through to the renderer's files. */
export const MEDIA_BASE = '/media';

const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';
/** IANA type of a CMAF/ISO BMFF media segment (.m4s). */
const SEGMENT_TYPE = 'video/iso.segment';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/** The files of a demo stream, as named in its playlist. */
export const DEMO_STREAM_FILE = /^(?:(index\.m3u8)|(init\.mp4)|(\d{1,15})\.m4s)$/;

function answer(status: number, type: string, body: string | Buffer, cache: string, head: boolean): MediaResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    status,
    headers: {
      'content-type': type,
      'content-length': String(bytes.length),
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
    },
    body: head ? null : bytes,
  };
}

export function mediaText(status: number, message: string, head: boolean): MediaResponse {
  return answer(status, TEXT_TYPE, `${message}\n`, 'no-store', head);
}

export const mediaNotFound = (head: boolean): MediaResponse => mediaText(404, '无此媒体 / no such media', head);

function fromResult(result: MediaResult, head: boolean): MediaResponse {
  switch (result.kind) {
    case 'playlist':
    case 'malformed':
      // Playlists change every segment: a cached one would freeze the tile.
      return answer(200, PLAYLIST_TYPE, result.text, 'no-cache', head);
    case 'init':
      return answer(200, 'video/mp4', result.bytes, 'no-cache', head);
    case 'segment':
      // A sequence number names the same bytes forever (the timeline is fixed to the epoch); private:
      // the path carries its own authorisation, so no shared cache should keep it.
      return answer(200, SEGMENT_TYPE, result.bytes, 'private, max-age=60', head);
    case 'stopped': {
      const response = mediaText(503, '摄像机离线 / camera offline', head);
      response.headers['retry-after'] = '2';
      return response;
    }
    case 'not-found':
      return mediaNotFound(head);
  }
}

/** A demo camera's stream file (the caller has checked the signed path). */
export function demoStreamFile(
  media: DemoMedia,
  key: string,
  stream: StreamKind,
  file: string,
  head: boolean,
): MediaResponse {
  const [, playlist, init, seq] = DEMO_STREAM_FILE.exec(file) ?? [];
  if (playlist) return fromResult(media.playlist(key, stream), head);
  if (init) return fromResult(media.init(key, stream), head);
  if (seq !== undefined) return fromResult(media.segment(key, stream, Number(seq)), head);
  return mediaNotFound(head);
}

/** True for a path in the hub's media namespace (/media or below). */
export function isMediaPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return pathname === MEDIA_BASE || pathname.startsWith(`${MEDIA_BASE}/`);
}

/**
 * The answer to a request in the media namespace: the signed routes' (`route`), else 404; null for a
 * path outside /media/.
 */
export function routeMediaNamespace(
  request: MediaRequest,
  route?: (request: MediaRequest) => MediaAnswer | null,
): MediaAnswer | null {
  if (!isMediaPath(request.url)) return null;
  return route?.(request) ?? mediaNotFound(request.method === 'HEAD');
}
