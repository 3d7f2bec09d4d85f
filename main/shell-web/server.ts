import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fastify from 'fastify';
import type { HubPort } from '../hub-types';
import { systemScheduler, type Scheduler } from '../media/ingest/scheduler';
import { createAccessPolicy } from './access-policy';
import { registerApiSocket } from './api-socket';
import { createConnectionSlots } from './connection-slots';
import { registerHealthRoute } from './health-route';
import { frameworkErrors, installGuards, type RawPathRoute } from './http-guards';
import { registerMediaRoute } from './media-route';
import { open311PathRoute, registerOpen311, type Open311Deps } from './open311-routes';
import { registerRendererFiles } from './renderer-files';
import { registerTestClock, type TestClockControl } from './test-clock';

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

function createHttpServer(options: WebShellOptions): http.Server {
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = http.createServer({
    // Slow clients (slow-loris): headers and the whole request each have a deadline; a client
    // past it gets 408 and its connection is closed. Upgraded WebSockets are no longer requests.
    headersTimeout,
    requestTimeout: Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout),
    connectionsCheckingInterval: options.timeoutCheckMs ?? 5_000,
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  return server;
}

function socketSettings(options: WebShellOptions, warn: (message: string) => void) {
  const scheduler = options.scheduler ?? systemScheduler;
  const limits = {
    maxFrameBytes: options.maxFrameBytes,
    maxBufferedBytes: options.maxBufferedBytes ?? 8 * 1024 * 1024,
    maxCallsInFlight: options.maxCallsInFlight ?? 64,
    signInTimeoutMs: options.signInTimeoutMs ?? 30_000,
  };
  const slots = createConnectionSlots({
    maxPerAddress: options.wsMaxPerAddress ?? 32,
    maxTotal: options.wsMaxTotal ?? 512,
    now: () => scheduler.now(),
    warn,
  });
  return { scheduler, limits, slots };
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // After start-up (e.g. too many open files on accept) an error is logged, never thrown.
      server.on('error', (err) => console.error('[web] server error:', err));
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * HTTP for the renderer bundle and a WebSocket carrying the API contract
 * (docs/architecture.md#two-shells-one-hub), on fastify: the guards (http-guards.ts) apply to every
 * route, so a route added later (a gateway, a dashboard) is registered here like the others.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const warn = options.warn ?? ((message: string) => console.warn(`[web] ${message}`));
  const policy = createAccessPolicy({
    listenHost: options.host,
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? [],
  });
  let port = 0; // known once listening; nothing is answered before that
  const server = createHttpServer(options);
  const rawPathRoutes: RawPathRoute[] = [];
  const app = fastify({
    // Our own node:http server (its deadlines above), started and stopped below.
    serverFactory: (handler) => server.on('request', handler),
    frameworkErrors: frameworkErrors(policy, () => port, rawPathRoutes),
    logger: false,
  });
  const { scheduler, limits, slots } = socketSettings(options, warn);
  // First: @fastify/websocket's hook marks upgrades before the guards look at them.
  const stopHeartbeat = await registerApiSocket(app, {
    hub: options.hub,
    policy,
    port: () => port,
    slots,
    limits,
    scheduler,
    warn,
  });
  installGuards(app, policy, () => port);
  registerHealthRoute(app, options.hub);
  if (options.open311) {
    await registerOpen311(app, options.open311);
    rawPathRoutes.push(open311PathRoute(options.open311));
  }
  registerTestClock(app, options.testClock, (origin) => policy.originAllowed(origin, port));
  rawPathRoutes.push(registerMediaRoute(app, options.hub.routeMedia?.bind(options.hub)));
  await registerRendererFiles(app, options.staticDir);
  await app.ready();
  port = await listen(server, options.port, options.host);
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/`,
    port,
    get openWebSockets() {
      return slots.total;
    },
    close: async () => {
      stopHeartbeat();
      // Cuts the WebSockets (api-socket.ts); the server itself was started here, so it is closed here.
      await app.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
