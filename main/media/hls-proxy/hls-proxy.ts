import type { CameraStream } from '../../../common/contract/cameras';
import type { MediaResponse } from '../media-routes';
import { fetchUpstream, type FetchFn, type FetchLimits } from './fetch-upstream';
import { upstreamOf } from './origin';
import { signRef, verifyRef } from './refs';
import { isPlaylist, rewritePlaylist } from './rewrite';

/**
 * HLS cameras on other servers, played through the hub: the console's CSP lets
 * it fetch from the hub only, and a URL with credentials must never reach it. `media.open` hands
 * the console a signed path /media/s/<token>/ext/<cameraId>/<stream>/index.m3u8; this fetches the
 * registered playlist (credentials from the secret store, as a header), rewrites its URIs into
 * signed refs (refs.ts) next to that path, and passes segments through — all bounded
 * (fetch-upstream.ts) and on the registered URL's origin only (origin.ts).
 */

export interface HlsProxyDeps {
  mediaKey: Buffer;
  /** The stream's registered URL with its credentials (CamerasService.streamUrl); null: none. */
  streamUrl: (cameraId: string, stream: CameraStream) => string | null;
  fetch?: FetchFn;
  timeoutMs?: number;
  maxPlaylistBytes?: number;
  maxSegmentBytes?: number;
  /** Upstream requests in flight at once, for the whole hub; past it: 503. */
  maxInFlight?: number;
  log?: (line: string) => void;
}

export interface ProxyRequest {
  /** The signed scope (ext/<cameraId>/<stream>), which the refs are bound to. */
  scope: string;
  cameraId: string;
  stream: CameraStream;
  /** `index.m3u8` (the registered URL) or a signed ref. */
  ref: string;
  head: boolean;
}

export const ENTRY_REF = 'index.m3u8';
const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';
const MEDIA_TYPE = /^(video|audio)\/[a-z0-9.+-]+$|^application\/(octet-stream|mp4)$/;

function answer(status: number, type: string, body: Buffer, head: boolean, cache = 'no-store'): MediaResponse {
  return {
    status,
    headers: {
      'content-type': type,
      'content-length': String(body.length),
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
    },
    body: head ? null : body,
  };
}

function text(status: number, zh: string, en: string, head: boolean): MediaResponse {
  return answer(status, 'text/plain; charset=utf-8', Buffer.from(`${zh} / ${en}\n`, 'utf8'), head);
}

/** Upstream statuses as the console sees them (its player names 403/404/503; a 401 would prompt). */
function upstreamStatus(status: number, head: boolean): MediaResponse {
  if (status === 401 || status === 403) return text(403, '上游拒绝访问', 'upstream denied access', head);
  if (status === 404 || status === 410) return text(404, '上游无此媒体', 'no such media upstream', head);
  return text(502, `上游错误（HTTP ${status}）`, `upstream error (HTTP ${status})`, head);
}

export function createHlsProxy(deps: HlsProxyDeps): (request: ProxyRequest) => Promise<MediaResponse> {
  const limits = (maxBytes: number): FetchLimits => ({
    timeoutMs: deps.timeoutMs ?? 8000,
    maxBytes,
    maxRedirects: 3,
  });
  const maxPlaylist = deps.maxPlaylistBytes ?? 1024 * 1024;
  const maxSegment = deps.maxSegmentBytes ?? 32 * 1024 * 1024;
  const maxInFlight = deps.maxInFlight ?? 64;
  let inFlight = 0;

  return async ({ scope, cameraId, stream, ref, head }) => {
    const registered = deps.streamUrl(cameraId, stream);
    const upstream = registered === null ? null : upstreamOf(registered);
    if (!upstream) return text(404, '无此媒体', 'no such media', head);
    let target: URL;
    if (ref === ENTRY_REF) {
      target = upstream.url;
    } else {
      const path = verifyRef(deps.mediaKey, scope, ref);
      if (path === null) return text(404, '无此媒体', 'no such media', head);
      target = new URL(path, upstream.origin);
    }
    if (inFlight >= maxInFlight) return text(503, '中枢繁忙，请稍后', 'hub busy, try again', head);
    inFlight += 1;
    let fetched;
    try {
      // The cap is the segment's until the answer says it is a playlist (checked after, below).
      fetched = await fetchUpstream(target, upstream.origin, upstream.authorization, limits(maxSegment), deps.fetch);
    } finally {
      inFlight -= 1;
    }
    if (!fetched.ok) {
      // Never the URL: the registered one may carry credentials, and a log line must not.
      deps.log?.(`hls-proxy: ${cameraId}/${stream}: ${fetched.error}`);
      if (fetched.error === 'timeout') return text(504, '上游超时', 'upstream timed out', head);
      if (fetched.error === 'too-large') return text(502, '上游媒体过大', 'upstream media too large', head);
      if (fetched.error === 'unreachable') return text(502, '上游不可达', 'upstream unreachable', head);
      return text(502, '上游重定向到其他地址', 'upstream redirected elsewhere', head);
    }
    if (fetched.status < 200 || fetched.status > 299) return upstreamStatus(fetched.status, head);
    const { body, url } = fetched;
    if (/mpegurl/i.test(fetched.contentType) || url.pathname.endsWith('.m3u8') || isPlaylist(body)) {
      if (body.length > maxPlaylist || !isPlaylist(body)) {
        return text(502, '上游播放列表无效', 'upstream playlist invalid', head);
      }
      const rewritten = rewritePlaylist(body.toString('utf8'), url, upstream.origin, (target) =>
        signRef(deps.mediaKey, scope, target),
      );
      if (rewritten === null) {
        return text(502, '上游播放列表引用了其他地址', 'upstream playlist names another origin', head);
      }
      return answer(200, PLAYLIST_TYPE, Buffer.from(rewritten, 'utf8'), head);
    }
    const type = fetched.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    return answer(200, MEDIA_TYPE.test(type) ? type : 'application/octet-stream', body, head, 'private, max-age=60');
  };
}
