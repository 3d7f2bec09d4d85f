import { resolveOnOrigin } from './origin';

/**
 * One bounded GET of an upstream playlist or segment: a deadline for the whole exchange (a slow
 * or trickling server cannot hold a request open), a size cap (checked against Content-Length and
 * while reading), redirects followed by hand and only when they stay on the camera's origin, the
 * camera's credentials sent as a header (never in a URL, never to another origin: there is none).
 */

export interface FetchLimits {
  /** Whole exchange, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export type Fetched =
  | { ok: true; status: number; contentType: string; body: Buffer; url: URL }
  | { ok: false; error: 'timeout' | 'too-large' | 'off-origin' | 'unreachable' | 'redirects' };

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function readCapped(response: Response, maxBytes: number): Promise<Buffer | null> {
  const length = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
  if (!reader) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, total);
}

export async function fetchUpstream(
  start: URL,
  origin: string,
  authorization: string | null,
  limits: FetchLimits,
  fetchFn: FetchFn = fetch,
): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let url = start;
  try {
    for (let hop = 0; ; hop += 1) {
      const headers: Record<string, string> = { accept: '*/*' };
      if (authorization) headers.authorization = authorization;
      const response = await fetchFn(url.href, {
        method: 'GET',
        headers,
        redirect: 'manual',
        signal: controller.signal,
        credentials: 'omit',
      });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= limits.maxRedirects) return { ok: false, error: 'redirects' };
        const next = resolveOnOrigin(origin, url, response.headers.get('location') ?? '');
        if (!next) return { ok: false, error: 'off-origin' };
        url = next;
        continue;
      }
      const body = await readCapped(response, limits.maxBytes);
      if (!body) return { ok: false, error: 'too-large' };
      return { ok: true, status: response.status, contentType: response.headers.get('content-type') ?? '', body, url };
    }
  } catch {
    return { ok: false, error: controller.signal.aborted ? 'timeout' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
