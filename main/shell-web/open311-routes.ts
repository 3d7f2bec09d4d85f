import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Open311Error, errorEntries } from '../services/open311/errors';
import { CONTENT_TYPES, writeList, writeObject, type Open311Format } from '../services/open311/formats';
import type { OrgRepo } from '../services/org/org-repo';
import { Open311Api, asOpen311Error, type Open311Deps } from '../services/open311/open311-service';
import { paramsFromJson, paramsFromSearch } from '../services/open311/params';
import type { Db } from '../db/connection';
import { readBoundedBody } from './bounded-body';
import type { RawPathRoute } from './http-guards';

export type { Open311Deps };

/** Where the endpoint lives: /open311/v2/services.json and so on. */
export const OPEN311_BASE = '/open311/v2';
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** An oversize body is read (and dropped) up to this, so the client sees the 413; beyond it the socket is cut. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

const ROUTE = /^\/open311\/v2\/(services|requests)(?:\/([^/]+?))?\.(json|xml)$/;

const apis = new WeakMap<Open311Deps, { db: Db; api: Open311Api }>();
/** One Open311Api per database: a restore from the console gives the hub a new one (main/hub-host.ts). */
function apiFor(deps: Open311Deps): Open311Api {
  const made = apis.get(deps);
  if (made?.db === deps.db) return made.api;
  const api = new Open311Api(deps);
  apis.set(deps, { db: deps.db, api });
  return api;
}

/** Builds the Open311 deps from what the hub holds (see HubServices in main/hub.ts). */
function centerIdOf(org: Pick<OrgRepo, 'centerIds'>): string {
  const [center] = org.centerIds();
  if (!center) throw new Error('no org unit of kind "center": the reference data is not seeded');
  return center;
}

/**
 * Read from the hub at each use, not once: a restore from the console replaces the hub's database and services.
 * Calls go through the hub's own `call`, so a restore under way refuses them like a console's.
 */
export function open311DepsFrom(
  hub: {
    db: Db;
    call: Open311Deps['router']['call'];
    services: Pick<Open311Deps, 'apiKeys' | 'clock'> & { org: Pick<OrgRepo, 'centerIds'> };
  },
  options: Pick<Open311Deps, 'maxBodyBytes' | 'onInternalError'> = {},
): Open311Deps {
  return {
    get db() {
      return hub.db;
    },
    router: { call: (conn, method, input) => hub.call(conn, method, input) },
    get apiKeys() {
      return hub.services.apiKeys;
    },
    clock: () => hub.services.clock(),
    get centerId() {
      return centerIdOf(hub.services.org);
    },
    ...options,
  };
}

function send(
  reply: FastifyReply,
  status: number,
  format: Open311Format,
  body: string,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .code(status)
    .headers({
      'content-type': CONTENT_TYPES[format],
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    .send(body);
}

function sendError(
  reply: FastifyReply,
  format: Open311Format,
  err: Open311Error,
  headers: Record<string, string> = {},
): FastifyReply {
  return send(reply, err.status, format, writeList(format, 'errors', 'error', errorEntries(err)), headers);
}

const WRONG_TYPE =
  '请求体须为 application/x-www-form-urlencoded 或 application/json / the body must be application/x-www-form-urlencoded or application/json';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The POST body as parameters: form-encoded (the spec) or JSON, layered over the query string. */
function bodyParams(contentType: string | undefined, data: Buffer, query: URLSearchParams): Map<string, unknown> {
  const params = paramsFromSearch(query);
  if (data.length === 0) return params;
  let textBody: string;
  try {
    textBody = utf8.decode(data);
  } catch {
    throw new Open311Error(400, '请求体不是有效的 UTF-8 / the body is not valid UTF-8');
  }
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
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
    throw new Open311Error(415, WRONG_TYPE);
  }
  for (const [k, v] of fromBody) params.set(k, v);
  return params;
}

/** The Open311 reply format, from the path's extension (JSON when it has none). */
function formatOf(request: FastifyRequest): Open311Format {
  return new URL(request.url, 'http://localhost').pathname.endsWith('.xml') ? 'xml' : 'json';
}

async function create(request: FastifyRequest, reply: FastifyReply, api: Open311Api, deps: Open311Deps, url: URL) {
  const format = formatOf(request);
  const limit = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = await readBoundedBody(request.raw, request.headers['content-length'], limit, DRAIN_LIMIT_BYTES);
  if (body.kind === 'too_large') {
    return sendError(
      reply,
      format,
      new Open311Error(413, `请求体超过 ${limit} 字节 / the body exceeds ${limit} bytes`),
      {
        connection: 'close',
      },
    );
  }
  const created = await api.create(bodyParams(request.headers['content-type'], body.data, url.searchParams));
  return send(reply, 200, format, writeList(format, 'service_requests', 'request', created));
}

async function route(request: FastifyRequest, reply: FastifyReply, deps: Open311Deps): Promise<FastifyReply> {
  const url = new URL(request.url, 'http://localhost');
  const format = formatOf(request);
  const m = ROUTE.exec(url.pathname);
  if (!m) throw new Open311Error(404, `没有这个 Open311 端点 / no such Open311 endpoint: ${url.pathname}`);
  const [, resource, rawId] = m;
  let id: string | undefined;
  try {
    id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  } catch {
    throw new Open311Error(400, '路径中的编号无效 / malformed id in the path');
  }
  const method = request.method;
  const api = apiFor(deps);
  const allowed = resource === 'requests' && id === undefined ? 'GET, HEAD, POST' : 'GET, HEAD';
  if (!allowed.split(', ').includes(method)) {
    return sendError(reply, format, new Open311Error(405, `不支持 ${method} / method ${method} not allowed`), {
      allow: allowed,
    });
  }
  const query = paramsFromSearch(url.searchParams);
  if (resource === 'services') {
    if (id === undefined) return send(reply, 200, format, writeList(format, 'services', 'service', api.services()));
    return send(reply, 200, format, writeObject(format, 'service_definition', api.serviceDefinition(id)));
  }
  if (id !== undefined) {
    return send(reply, 200, format, writeList(format, 'service_requests', 'request', api.request(id, query)));
  }
  if (method !== 'POST') {
    return send(reply, 200, format, writeList(format, 'service_requests', 'request', api.requests(query)));
  }
  return create(request, reply, api, deps, url);
}

/** Answers one Open311 request; every failure in the Open311 error format. */
function answer(request: FastifyRequest, reply: FastifyReply, deps: Open311Deps): Promise<FastifyReply> {
  return route(request, reply, deps).catch((err: unknown) => {
    const known = asOpen311Error(err);
    if (!known) deps.onInternalError?.(err);
    return sendError(reply, formatOf(request), known ?? new Open311Error(500, '服务内部错误 / internal error'));
  });
}

/** /open311 and below, paths the router cannot decode included (their ids are decoded here). */
export function open311PathRoute(deps: Open311Deps): RawPathRoute {
  return {
    matches: (pathname) => pathname === '/open311' || pathname.startsWith('/open311/'),
    answer: (request, reply) => answer(request, reply, deps),
  };
}

/**
 * GeoReport v2 on the web shell (README, "Open311"): everything under /open311/ is answered here,
 * errors included, in the Open311 error format.
 */
export async function registerOpen311(app: FastifyInstance, deps: Open311Deps): Promise<void> {
  await app.register((scope, _options, done) => {
    // What fails before the handler (a Content-Type that is not one) is answered in the format too.
    scope.setErrorHandler((err: FastifyError, request, reply) => {
      const status = err.statusCode ?? 500;
      if (status >= 500) deps.onInternalError?.(err);
      const error =
        status === 415
          ? new Open311Error(415, WRONG_TYPE)
          : status < 500
            ? new Open311Error(status, '请求无效 / bad request')
            : new Open311Error(500, '服务内部错误 / internal error');
      return sendError(reply, formatOf(request), error);
    });
    const handler = (request: FastifyRequest, reply: FastifyReply) => answer(request, reply, deps);
    scope.all('/open311', handler);
    scope.all('/open311/*', handler);
    done();
  });
}
