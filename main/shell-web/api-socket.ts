import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket, WebSocketServer } from 'ws';
import { WS_PATH } from '../../common/contract/wire';
import type { HubPort } from '../hub-types';
import type { Scheduler } from '../media/ingest/scheduler';
import type { AccessPolicy } from './access-policy';
import type { ConnectionSlots } from './connection-slots';
import { refuse } from './http-guards';
import { serveSocket, type SocketLimits } from './ws-connection';

/** A console that answers no ping for this long is gone (cable pulled, laptop asleep): drop it. */
const HEARTBEAT_MS = 20_000;

/** Frames beyond the limit are still read (to answer them) up to this many times the limit. */
const HARD_LIMIT_FACTOR = 16;

export interface ApiSocketOptions {
  hub: HubPort;
  policy: AccessPolicy;
  /** The listening port (known once listening). */
  port: () => number;
  slots: ConnectionSlots;
  limits: SocketLimits;
  scheduler: Scheduler;
  warn: (message: string) => void;
}

/**
 * The API socket at WS_PATH (@fastify/websocket on ws): each text frame one contract call
 * (ws-connection.ts). Before the upgrade, a foreign page's origin gets 403 and a client past its
 * connection slots 503. Returns a function that stops the heartbeat.
 */
export async function registerApiSocket(app: FastifyInstance, options: ApiSocketOptions): Promise<() => void> {
  const { policy, slots, warn } = options;
  await app.register(websocket, {
    options: { maxPayload: options.limits.maxFrameBytes * HARD_LIMIT_FACTOR },
    // Protocol errors: ws has already sent the close code and serveSocket has logged the line.
    errorHandler: (error, socket) => {
      if (socket.readyState !== socket.OPEN) return;
      console.error('[web] API socket failed:', error);
      socket.terminate();
    },
    // On shutdown sockets are cut, not closed politely: a console reconnects to the next hub.
    preClose(done) {
      for (const client of this.websocketServer.clients) client.terminate();
      this.websocketServer.close();
      done();
    },
  });

  const refusedOrigins = new Set<string>();
  const admit = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (!request.ws) return done();
    if (!policy.originAllowed(request.headers.origin, options.port())) {
      const origin = request.headers.origin ?? '?';
      // Once per origin: a hostile page retrying in a loop must not flood the log.
      if (!refusedOrigins.has(origin) && refusedOrigins.size < 100) {
        refusedOrigins.add(origin);
        warn(`refused WebSockets from origin ${origin} (see --allowed-origin)`);
      }
      refuse(reply, 403, '不允许此来源的网页连接 / pages from this origin may not connect (see --allowed-origin)');
      return;
    }
    // Counted from the upgrade (not from the open socket) so a burst of handshakes cannot overshoot;
    // the raw socket's close frees the slot whether the handshake failed or the WebSocket ended.
    const release = slots.take(request.raw.socket.remoteAddress ?? '');
    if (!release) {
      refuse(reply, 503, '连接数已达上限，请稍后再试 / too many connections, try again later');
      return;
    }
    request.raw.socket.once('close', release);
    done();
  };

  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the plugin's server is ws's own, built by the plugin with `new`
  const wss: WebSocketServer = app.websocketServer;
  const alive = new WeakSet<WebSocket>();
  // Served from ws's own 'connection' event (emitted by @fastify/websocket right before the route's
  // handler, with the same socket), where the socket is typed as the ws class itself.
  wss.on('connection', (ws, request) => {
    // Only the API socket: a WebSocket route added later serves its sockets from its own handler.
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== WS_PATH) return;
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const remoteAddress = request.socket.remoteAddress;
    serveSocket(ws, options.hub, options.limits, { remoteAddress, warn, scheduler: options.scheduler });
  });
  app.get(WS_PATH, { websocket: true, onRequest: admit }, () => undefined);
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return () => clearInterval(heartbeat);
}
