import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH } from '../../common/contract/wire';
import type { HubPort } from '../hub-types';
import { handleMedia } from '../media';
import { systemScheduler, type Scheduler } from '../media/ingest/scheduler';
import { securityHeaders } from '../security/http-policy';
import { createAccessPolicy } from './access-policy';
import { createConnectionSlots } from './connection-slots';
import { handleOpen311, type Open311Deps } from './open311-routes';
import { serveStatic } from './static-files';
import { handleTestClock, type TestClockControl } from './test-clock';
import { serveSocket } from './ws-connection';

export interface WebShellOptions {
  hub: HubPort;
  host: string;
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  maxFrameBytes: number;
  /** GeoReport v2 under /open311/v2/ (docs/open311.md); off when absent. */
  open311?: Open311Deps;
  /** Host names answered besides loopback and `host` (config allowedHosts). */
  allowedHosts?: readonly string[];
  /** Origins whose pages may open the API socket besides the console's own (config allowedOrigins). */
  allowedOrigins?: readonly string[];
  /** A client must send its request headers within this time (default 10 s). */
  headersTimeoutMs?: number;
  /** …and its whole request, body included, within this time (default 30 s). */
  requestTimeoutMs?: number;
  /** How often the server looks for requests past those limits (default 5 s; tests use less). */
  timeoutCheckMs?: number;
  /** An idle keep-alive connection is closed after this time (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** Bytes queued for a WebSocket peer that does not read before it is dropped (default 8 MiB). */
  maxBufferedBytes?: number;
  /** Calls in flight per WebSocket before the hub stops reading from it (default 64). */
  maxCallsInFlight?: number;
  /** Open WebSockets from one remote address before further upgrades get 503 (default 32). */
  wsMaxPerAddress?: number;
  /** Open WebSockets in total before further upgrades get 503 (default 512). */
  wsMaxTotal?: number;
  /** A WebSocket without a session this long is closed (default 30 s; config CITYOPS_WS_SIGN_IN_S). */
  signInTimeoutMs?: number;
  /** Time for the sign-in deadline and the refusal log's rate limit (tests move it by hand). */
  scheduler?: Scheduler;
  /** Test-only (CITYOPS_TEST_CLOCK=1): the hub's movable clock at /__test/clock; refused when absent. */
  testClock?: TestClockControl | undefined;
  /** Where one-line warnings about dropped connections go (default console.warn). */
  warn?: (message: string) => void;
}

export interface WebShell {
  url: string;
  port: number;
  /** WebSockets holding a connection slot (handshakes in progress included). */
  readonly openWebSockets: number;
  close(): Promise<void>;
}

/** A console that answers no ping for this long is gone (cable pulled, laptop asleep): drop it. */
const HEARTBEAT_MS = 20_000;

/** Frames beyond the limit are still read (to answer them) up to this many times the limit. */
const HARD_LIMIT_FACTOR = 16;

const SECURITY_HEADERS = Object.entries(securityHeaders());

/** A refusal written on a socket that has not become a WebSocket (ws is never involved). */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  const headers = [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

/** HTTP for the renderer bundle and a WebSocket carrying the API contract (docs/architecture.md#two-shells-one-hub). */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const warn = options.warn ?? ((message: string) => console.warn(`[web] ${message}`));
  const policy = createAccessPolicy({
    listenHost: options.host,
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? [],
  });
  let port = 0; // known once listening; nothing is answered before that
  const headersTimeout = options.headersTimeoutMs ?? 10_000;

  const server = http.createServer(
    {
      // Slow clients (slow-loris): headers and the whole request each have a deadline; a client
      // past it gets 408 and its connection is closed. Upgraded WebSockets are no longer requests.
      headersTimeout,
      requestTimeout: Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout),
      connectionsCheckingInterval: options.timeoutCheckMs ?? 5_000,
    },
    (req, res) => {
      // Set first so every answer below carries them (writeHead's own headers are merged in).
      for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
      if (!policy.hostAllowed(req.headers.host, port)) {
        res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        res.end('未知的主机名 / unknown host name (see --allowed-host)\n');
        return;
      }
      if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      if (options.open311 && handleOpen311(req, res, options.open311)) return;
      if (handleTestClock(req, res, options.testClock, (origin) => policy.originAllowed(origin, port))) return;
      // /media/ answers only signed paths (the hub's, session-checked); anything else there is 404.
      if (handleMedia(req, res, options.hub.routeMedia?.bind(options.hub))) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      serveStatic(options.staticDir, req, res);
    },
  );
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;

  const limits = {
    maxFrameBytes: options.maxFrameBytes,
    maxBufferedBytes: options.maxBufferedBytes ?? 8 * 1024 * 1024,
    maxCallsInFlight: options.maxCallsInFlight ?? 64,
    signInTimeoutMs: options.signInTimeoutMs ?? 30_000,
  };
  const scheduler = options.scheduler ?? systemScheduler;
  const slots = createConnectionSlots({
    maxPerAddress: options.wsMaxPerAddress ?? 32,
    maxTotal: options.wsMaxTotal ?? 512,
    now: () => scheduler.now(),
    warn,
  });
  const refusedOrigins = new Set<string>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes * HARD_LIMIT_FACTOR });
  server.on('upgrade', (req, socket, head) => {
    // node:http hands the raw socket over without its error listener: a reset must not throw.
    socket.on('error', () => socket.destroy());
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== WS_PATH) {
      socket.destroy();
      return;
    }
    if (!policy.hostAllowed(req.headers.host, port)) {
      refuseUpgrade(socket, 421, '未知的主机名 / unknown host name (see --allowed-host)');
      return;
    }
    if (!policy.originAllowed(req.headers.origin, port)) {
      const origin = req.headers.origin ?? '?';
      // Once per origin: a hostile page retrying in a loop must not flood the log.
      if (!refusedOrigins.has(origin) && refusedOrigins.size < 100) {
        refusedOrigins.add(origin);
        warn(`refused WebSockets from origin ${origin} (see --allowed-origin)`);
      }
      refuseUpgrade(
        socket,
        403,
        '不允许此来源的网页连接 / pages from this origin may not connect (see --allowed-origin)',
      );
      return;
    }
    // Counted from the upgrade (not from the open socket) so a burst of handshakes cannot overshoot;
    // the raw socket's close frees the slot whether the handshake failed or the WebSocket ended.
    const release = slots.take(req.socket.remoteAddress ?? '');
    if (!release) {
      refuseUpgrade(socket, 503, '连接数已达上限，请稍后再试 / too many connections, try again later');
      return;
    }
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      serveSocket(ws, options.hub, limits, { remoteAddress: req.socket.remoteAddress, warn, scheduler });
    });
  });
  const alive = new WeakSet<WebSocket>();
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After start-up (e.g. too many open files on accept) an error is logged, never thrown.
  server.on('error', (err) => console.error('[web] server error:', err));
  port = (server.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/`,
    port,
    get openWebSockets() {
      return slots.total;
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
