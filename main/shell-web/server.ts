import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH } from '../../common/contract/wire';
import type { HubPort } from '../hub-types';
import { handleMedia, type DemoMedia } from '../media';
import { handleOpen311, type Open311Deps } from './open311-routes';
import { serveStatic } from './static-files';
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
  /** Demo cameras as live HLS under /media/demo/ (main/media); off when absent. */
  media?: DemoMedia;
}

export interface WebShell {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A console that answers no ping for this long is gone (cable pulled, laptop asleep): drop it. */
const HEARTBEAT_MS = 20_000;

/** Frames beyond the limit are still read (to answer them) up to this many times the limit. */
const HARD_LIMIT_FACTOR = 16;

/** HTTP for the renderer bundle and a WebSocket carrying the API contract (DESIGN.md §1). */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (options.open311 && handleOpen311(req, res, options.open311)) return;
    if (options.media && handleMedia(req, res, options.media)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(options.staticDir, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes * HARD_LIMIT_FACTOR });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== WS_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      serveSocket(ws, options.hub, options.maxFrameBytes, req.socket.remoteAddress);
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
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/`,
    port,
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
