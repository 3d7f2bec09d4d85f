import type http from 'node:http';
import { Open311Error, errorEntries } from '../services/open311/errors';
import { CONTENT_TYPES, writeList, writeObject, type Open311Format } from '../services/open311/formats';
import type { OrgRepo } from '../services/org/org-repo';
import { Open311Api, asOpen311Error, type Open311Deps } from '../services/open311/open311-service';
import { paramsFromJson, paramsFromSearch } from '../services/open311/params';
import type { Db } from '../db/connection';

export type { Open311Deps };

/** Where the endpoint lives: /open311/v2/services.json and so on. */
export const OPEN311_BASE = '/open311/v2';
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** An oversize body is read (and dropped) up to this, so the client sees the 413; beyond it the socket is cut. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

const ROUTE = /^\/open311\/v2\/(services|requests)(?:\/([^/]+?))?\.(json|xml)$/;

const apis = new WeakMap<Open311Deps, Open311Api>();
function apiFor(deps: Open311Deps): Open311Api {
  let api = apis.get(deps);
  if (!api) {
    api = new Open311Api(deps);
    apis.set(deps, api);
  }
  return api;
}

/** Builds the Open311 deps from what the hub holds (see HubServices in main/hub.ts). */
function centerIdOf(org: Pick<OrgRepo, 'centerIds'>): string {
  const [center] = org.centerIds();
  if (!center) throw new Error('no org unit of kind "center": the reference data is not seeded');
  return center;
}

export function open311DepsFrom(
  hub: {
    db: Db;
    router: Open311Deps['router'];
    services: Pick<Open311Deps, 'apiKeys' | 'clock'> & { org: Pick<OrgRepo, 'centerIds'> };
  },
  options: Pick<Open311Deps, 'maxBodyBytes' | 'onInternalError'> = {},
): Open311Deps {
  return {
    db: hub.db,
    router: hub.router,
    apiKeys: hub.services.apiKeys,
    clock: hub.services.clock,
    centerId: centerIdOf(hub.services.org),
    ...options,
  };
}

function send(
  res: http.ServerResponse,
  status: number,
  format: Open311Format,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': CONTENT_TYPES[format],
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

function sendError(
  res: http.ServerResponse,
  format: Open311Format,
  err: Open311Error,
  headers: Record<string, string> = {},
): void {
  send(res, err.status, format, writeList(format, 'errors', 'error', errorEntries(err)), headers);
}

type Body = { kind: 'ok'; data: Buffer } | { kind: 'too_large' };

/** Reads the body up to `limit` bytes; a larger one is drained (to DRAIN_LIMIT_BYTES) and reported. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        // Stop reading: answer now and drop the connection after the answer.
        req.removeAllListeners('data');
        req.pause();
        resolve({ kind: 'too_large' });
      }
    });
    req.on('end', () => resolve(size > limit ? { kind: 'too_large' } : { kind: 'ok', data: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The POST body as parameters: form-encoded (the spec) or JSON, layered over the query string. */
function bodyParams(req: http.IncomingMessage, data: Buffer, query: URLSearchParams): Map<string, unknown> {
  const params = paramsFromSearch(query);
  if (data.length === 0) return params;
  let textBody: string;
  try {
    textBody = utf8.decode(data);
  } catch {
    throw new Open311Error(400, '请求体不是有效的 UTF-8 / the body is not valid UTF-8');
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let fromBody: Map<string, unknown>;
  if (type === 'application/x-www-form-urlencoded') {
    fromBody = paramsFromSearch(new URLSearchParams(textBody));
  } else if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textBody);
    } catch {
      throw new Open311Error(400, '请求体不是有效的 JSON / the body is not valid JSON');
    }
    fromBody = paramsFromJson(parsed);
  } else {
    throw new Open311Error(
      415,
      '请求体须为 application/x-www-form-urlencoded 或 application/json / the body must be application/x-www-form-urlencoded or application/json',
    );
  }
  for (const [k, v] of fromBody) params.set(k, v);
  return params;
}

async function route(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  deps: Open311Deps,
  format: Open311Format,
): Promise<void> {
  const m = ROUTE.exec(url.pathname);
  if (!m) throw new Open311Error(404, `没有这个 Open311 端点 / no such Open311 endpoint: ${url.pathname}`);
  const [, resource, rawId] = m;
  let id: string | undefined;
  try {
    id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  } catch {
    throw new Open311Error(400, '路径中的编号无效 / malformed id in the path');
  }
  const method = req.method ?? 'GET';
  const api = apiFor(deps);
  const allowed = resource === 'requests' && id === undefined ? 'GET, HEAD, POST' : 'GET, HEAD';
  if (!allowed.split(', ').includes(method)) {
    sendError(res, format, new Open311Error(405, `不支持 ${method} / method ${method} not allowed`), {
      allow: allowed,
    });
    return;
  }
  const query = paramsFromSearch(url.searchParams);
  if (resource === 'services') {
    if (id === undefined) send(res, 200, format, writeList(format, 'services', 'service', api.services()));
    else send(res, 200, format, writeObject(format, 'service_definition', api.serviceDefinition(id)));
    return;
  }
  if (id !== undefined) {
    send(res, 200, format, writeList(format, 'service_requests', 'request', api.request(id, query)));
    return;
  }
  if (method !== 'POST') {
    send(res, 200, format, writeList(format, 'service_requests', 'request', api.requests(query)));
    return;
  }
  const limit = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = await readBody(req, limit);
  if (body.kind === 'too_large') {
    sendError(res, format, new Open311Error(413, `请求体超过 ${limit} 字节 / the body exceeds ${limit} bytes`), {
      connection: 'close',
    });
    return;
  }
  const created = await api.create(bodyParams(req, body.data, url.searchParams));
  send(res, 200, format, writeList(format, 'service_requests', 'request', created));
}

/**
 * GeoReport v2 on the web shell (README, "Open311"). Returns true when the request was under /open311/
 * (it is then answered here, possibly after this returns); false leaves it to the rest of the server.
 */
export function handleOpen311(req: http.IncomingMessage, res: http.ServerResponse, deps: Open311Deps): boolean {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return false;
  }
  if (url.pathname !== '/open311' && !url.pathname.startsWith('/open311/')) return false;
  const format: Open311Format = url.pathname.endsWith('.xml') ? 'xml' : 'json';
  route(req, res, url, deps, format).catch((err: unknown) => {
    const known = asOpen311Error(err);
    if (!known) deps.onInternalError?.(err);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, format, known ?? new Open311Error(500, '服务内部错误 / internal error'));
  });
  return true;
}
