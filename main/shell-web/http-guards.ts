import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WS_PATH } from '../../common/contract/wire';
import { securityHeaders } from '../security/http-policy';
import type { AccessPolicy } from './access-policy';

/**
 * What every answer of the web shell goes through, whatever route takes it (routes added later
 * included): the Host rule against DNS rebinding, the security headers, bodies left unread unless a
 * route reads its own (bounded-body.ts), and plain error answers that never show a stack.
 */

const SECURITY_HEADERS = Object.entries(securityHeaders());

const UNKNOWN_HOST = '未知的主机名 / unknown host name (see --allowed-host)';

/** Sets the security headers a route has not set itself (a route's own value wins, as it always did). */
export function withSecurityHeaders(reply: FastifyReply): FastifyReply {
  for (const [name, value] of SECURITY_HEADERS) if (!reply.hasHeader(name)) reply.header(name, value);
  return reply;
}

/** A short text answer that ends the connection (refusals before any route runs). */
export function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return withSecurityHeaders(reply)
    .code(status)
    .header('connection', 'close')
    .type('text/plain; charset=utf-8')
    .send(`${message}\n`);
}

/**
 * Installs the guards on the root instance. `port` is read per request: it is known only once the
 * server listens, and nothing is answered before that.
 */
export function installGuards(app: FastifyInstance, policy: AccessPolicy, port: () => number): void {
  // No body is parsed for anyone: a route that takes one reads it itself, bounded (bounded-body.ts);
  // any other body is left unread and dropped by node once the answer is sent.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  app.addHook('onRequest', (request, reply, done) => {
    // Upgrades to anything but the API socket are cut off without an answer. (request.ws is set by
    // @fastify/websocket's own hook, registered before this one: api-socket.ts.)
    if (request.ws && new URL(request.url, 'http://localhost').pathname !== WS_PATH) {
      request.raw.socket.destroy();
      reply.hijack();
      return;
    }
    if (!policy.hostAllowed(request.headers.host, port())) {
      refuse(reply, 421, UNKNOWN_HOST);
      return;
    }
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    withSecurityHeaders(reply);
    done(null, payload);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) console.error(`[web] ${request.method} ${request.url.slice(0, 200)} failed:`, error);
    // 4xx from the framework (a path that cannot be decoded, a malformed Content-Type): status only.
    void reply.code(status >= 400 && status < 600 ? status : 500).send();
  });
}

/**
 * A route that also answers paths the router cannot decode (malformed percent-encoding): it reads
 * the raw path itself and gives its own answer (Open311's error format, the media namespace's 404).
 */
export interface RawPathRoute {
  matches(pathname: string): boolean;
  answer(request: FastifyRequest, reply: FastifyReply): unknown;
}

/** Fastify's own refusals that come before any hook (a path that is not valid percent-encoding). */
export function frameworkErrors(policy: AccessPolicy, port: () => number, routes: readonly RawPathRoute[]) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    if (request.raw.headers.upgrade !== undefined) {
      request.raw.socket.destroy();
      return;
    }
    if (!policy.hostAllowed(request.headers.host, port())) {
      refuse(reply, 421, UNKNOWN_HOST);
      return;
    }
    withSecurityHeaders(reply);
    const pathname = request.url.split('?')[0] ?? '';
    const route = routes.find((r) => r.matches(pathname));
    if (route) void route.answer(request, reply);
    else void reply.code(error.statusCode ?? 400).send();
  };
}
