import type http from 'node:http';
import { DEMO_MEDIA_BASE, type DemoMedia, type MediaResult } from './demo-media';

/**
 * HTTP for the demo cameras, under /media/demo/:
 *   GET  cameras.json                       the cameras, their stream URLs and running state
 *   GET  <key>/<main|sub>/index.m3u8        live media playlist (sliding window)
 *   GET  <key>/<main|sub>/init.mp4          init segment
 *   GET  <key>/<main|sub>/<seq>.m4s         media segment (404 once it is out of reach)
 *   POST <key>/stop | <key>/start           only with `control` on and from this machine
 * A stopped camera answers 503 everywhere; `broken` answers a playlist that is not one.
 * routeMedia is transport-neutral so the Electron shell can serve the same answers on its
 * app:// scheme; handleMedia adapts it to node:http for the web shell.
 */

export interface MediaRequest {
  method: string;
  /** Path and query, as in the request line. */
  url: string;
  /** The peer is this machine (control requests are refused otherwise). */
  fromLoopback: boolean;
}

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD and empty answers. */
  body: Buffer | null;
}

const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';
/** IANA type of a CMAF/ISO BMFF media segment (.m4s). */
const SEGMENT_TYPE = 'video/iso.segment';
const TEXT_TYPE = 'text/plain; charset=utf-8';

const STREAM_ROUTE = /^([a-z0-9][a-z0-9-]{0,31})\/(main|sub)\/(?:(index\.m3u8)|(init\.mp4)|(\d{1,15})\.m4s)$/;
const CONTROL_ROUTE = /^([a-z0-9][a-z0-9-]{0,31})\/(stop|start)$/;

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

function text(status: number, message: string, head: boolean, extra: Record<string, string> = {}): MediaResponse {
  const response = answer(status, TEXT_TYPE, `${message}\n`, 'no-store', head);
  Object.assign(response.headers, extra);
  return response;
}

function fromResult(result: MediaResult, head: boolean): MediaResponse {
  switch (result.kind) {
    case 'playlist':
    case 'malformed':
      // Playlists change every segment: a cached one would freeze the tile.
      return answer(200, PLAYLIST_TYPE, result.text, 'no-cache', head);
    case 'init':
      return answer(200, 'video/mp4', result.bytes, 'no-cache', head);
    case 'segment':
      // A sequence number names the same bytes forever (the timeline is fixed to the epoch).
      return answer(200, SEGMENT_TYPE, result.bytes, 'public, max-age=60', head);
    case 'stopped':
      return text(503, '摄像机离线 / camera offline', head, { 'retry-after': '2' });
    case 'not-found':
      return text(404, '无此媒体 / no such media', head);
  }
}

function control(media: DemoMedia, request: MediaRequest, key: string, action: string): MediaResponse {
  // Without control the route does not exist, so nothing tells a prober that it could.
  if (!media.control) return text(404, '无此媒体 / no such media', false);
  if (!request.fromLoopback) return text(403, '仅限本机 / this machine only', false);
  if (request.method !== 'POST') return text(405, 'POST only', false, { allow: 'POST' });
  const known = action === 'stop' ? media.stop(key) : media.start(key);
  if (!known) return text(404, '无此摄像机 / no such camera', false);
  return { status: 204, headers: { 'cache-control': 'no-store' }, body: null };
}

function cameraList(media: DemoMedia, head: boolean): MediaResponse {
  const cameras = media.cameras.map((c) => ({ ...c, running: media.isRunning(c.key) }));
  const json = JSON.stringify({ cameras, broken: media.broken });
  return answer(200, 'application/json; charset=utf-8', json, 'no-cache', head);
}

/** The answer for a /media/demo/ request, or null when the path is not ours. */
export function routeMedia(media: DemoMedia, request: MediaRequest): MediaResponse | null {
  const pathname = request.url.split('?')[0] ?? '';
  if (pathname !== DEMO_MEDIA_BASE && !pathname.startsWith(`${DEMO_MEDIA_BASE}/`)) return null;
  const rest = pathname.slice(DEMO_MEDIA_BASE.length + 1);
  const head = request.method === 'HEAD';

  const [, controlKey, action] = CONTROL_ROUTE.exec(rest) ?? [];
  if (controlKey && action) return control(media, request, controlKey, action);

  if (request.method !== 'GET' && !head) return text(405, 'GET or HEAD only', false, { allow: 'GET, HEAD' });
  if (rest === 'cameras.json') return cameraList(media, head);

  const [, key, stream, playlist, init, seq] = STREAM_ROUTE.exec(rest) ?? [];
  if (!key || (stream !== 'main' && stream !== 'sub')) return text(404, '无此媒体 / no such media', head);
  if (playlist) return fromResult(media.playlist(key, stream), head);
  if (init) return fromResult(media.init(key, stream), head);
  return fromResult(media.segment(key, stream, Number(seq)), head);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * node:http adapter: true when the request was ours and has been answered. `route` serves other
 * media paths the same way (the hub's signed paths, main/media/gateway/signed-routes.ts).
 */
export function handleMedia(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  media: DemoMedia | null,
  route?: (request: MediaRequest) => MediaResponse | null,
): boolean {
  const request = {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    fromLoopback: LOOPBACK.has(req.socket.remoteAddress ?? ''),
  };
  const response = route?.(request) ?? (media ? routeMedia(media, request) : null);
  if (!response) return false;
  res.writeHead(response.status, response.headers);
  res.end(response.body ?? undefined);
  // Drain a POST body (none is expected) so the keep-alive connection stays usable.
  if (req.method === 'POST' && !req.complete) req.resume();
  return true;
}
