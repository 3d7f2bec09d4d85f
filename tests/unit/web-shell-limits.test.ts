import { EventEmitter } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../common/contract/wire';
import { WS_CLOSE_SIGN_IN_TIMEOUT } from '../../common/contract/wire';
import { ConfigError, resolveConfig } from '../../main/config';
import type { Hub } from '../../main/hub';
import type { HubPort } from '../../main/hub-types';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { addressKey } from '../../main/shell-web/connection-slots';
import { startWebShell, type WebShell, type WebShellOptions } from '../../main/shell-web/server';
import { serveSocket } from '../../main/shell-web/ws-connection';
import { WsTransport } from '../../renderer/src/api/ws-transport';
import { ManualScheduler } from '../helpers/fake-ingest';
import { demoHub, tempDir } from '../helpers/hub';

const SIGN_IN_MS = 30_000;

let hub: Hub;
const shells: WebShell[] = [];
const clients: WebSocket[] = [];

beforeAll(async () => {
  hub = await demoHub();
});
afterEach(async () => {
  for (const ws of clients.splice(0)) ws.terminate();
  await Promise.all(shells.splice(0).map((s) => s.close()));
});
afterAll(() => hub.close());

interface Started {
  shell: WebShell;
  scheduler: ManualScheduler;
  warnings: string[];
}

async function start(options: Partial<WebShellOptions> = {}): Promise<Started> {
  const scheduler = new ManualScheduler();
  const warnings: string[] = [];
  const shell = await startWebShell({
    hub,
    host: '127.0.0.1',
    port: 0,
    staticDir: tempDir('cityops-static-'),
    maxFrameBytes: 1 << 16,
    signInTimeoutMs: SIGN_IN_MS,
    scheduler,
    warn: (line) => warnings.push(line),
    ...options,
  });
  shells.push(shell);
  return { shell, scheduler, warnings };
}

/** Opens a socket from `from` (a loopback address); resolves with the socket or the refusal status. */
function open(shell: WebShell, from = '127.0.0.1'): Promise<WebSocket | number> {
  const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/api/ws`, { localAddress: from });
  clients.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', reject);
  });
}

async function opened(shell: WebShell, from = '127.0.0.1'): Promise<WebSocket> {
  const ws = await open(shell, from);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  return ws;
}

/** Waits (bounded) for the server to see what the client already did, e.g. free a slot. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let nextId = 1;
async function call(ws: WebSocket, method: string, input: unknown): Promise<ServerFrame> {
  const id = nextId++;
  const answer = new Promise<ServerFrame>((resolve, reject) => {
    ws.once('close', (code: number) => reject(new Error(`closed with ${code} before answering ${method}`)));
    const onMessage = (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.t === 'result' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
  ws.send(JSON.stringify({ t: 'call', id, method, input }));
  return answer;
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));
}

describe('web shell: WebSocket connection caps', () => {
  it('refuses an address over its cap with 503, and accepts it again once one of its sockets closes', async () => {
    const { shell, warnings } = await start({ wsMaxPerAddress: 3, wsMaxTotal: 10 });
    const mine = [await opened(shell), await opened(shell), await opened(shell)];
    expect(await open(shell)).toBe(503);
    expect(await open(shell)).toBe(503);
    // Another address (another seat) is not affected by this one's cap.
    expect(await open(shell, '127.0.0.2')).toBeInstanceOf(WebSocket);
    expect(shell.openWebSockets).toBe(4);

    mine[0]?.close();
    await until(() => shell.openWebSockets === 3, 'the slot to be freed');
    const again = await opened(shell);
    expect((await call(again, 'system.info', {})).t).toBe('result');
    expect(await open(shell)).toBe(503);
    // Three refusals within a minute: one log line, naming the address and the setting.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/127\.0\.0\.1.*limit 3.*--ws-max-per-address/);
  });

  it('refuses everyone past the total cap, and logs at most once a minute', async () => {
    // A sign-in deadline past the minute moved below, so only the cap frees slots here.
    const { shell, scheduler, warnings } = await start({
      wsMaxPerAddress: 2,
      wsMaxTotal: 3,
      signInTimeoutMs: 3_600_000,
    });
    await opened(shell, '127.0.0.1');
    await opened(shell, '127.0.0.2');
    const third = await opened(shell, '127.0.0.3');
    for (const from of ['127.0.0.4', '127.0.0.5', '127.0.0.4']) expect(await open(shell, from)).toBe(503);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/3 already open in total \(limit 3, see --ws-max-total\)/);

    scheduler.advance(60_000);
    expect(await open(shell, '127.0.0.6')).toBe(503);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/2 more refused since the last line/);

    third.terminate();
    await until(() => shell.openWebSockets === 2, 'the slot to be freed');
    expect(await open(shell, '127.0.0.4')).toBeInstanceOf(WebSocket);
  });

  it('frees the slot of a handshake that fails', async () => {
    const { shell } = await start({ wsMaxPerAddress: 1, wsMaxTotal: 1 });
    // An upgrade request ws refuses (no Sec-WebSocket-Key): 400, and the slot must come back.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`http://127.0.0.1:${shell.port}/api/ws`, {
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    await until(() => shell.openWebSockets === 0, 'the slot to be freed');
    expect(await open(shell)).toBeInstanceOf(WebSocket);
  });

  it('counts IPv4 on a dual-stack socket as the same address', () => {
    expect(addressKey('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(addressKey('10.0.0.5')).toBe('10.0.0.5');
    expect(addressKey('FE80::1')).toBe('fe80::1');
    expect(addressKey(undefined)).toBe('?');
  });
});

describe('web shell: sockets that never sign in', () => {
  it('closes a socket without a session after the deadline (code 4001) and frees its slot', async () => {
    const { shell, scheduler, warnings } = await start();
    const ws = await opened(shell);
    const closed = closeCode(ws);
    scheduler.advance(SIGN_IN_MS - 1);
    expect((await call(ws, 'system.info', {})).t).toBe('result');
    scheduler.advance(1);
    expect(await closed).toBe(WS_CLOSE_SIGN_IN_TIMEOUT);
    await until(() => shell.openWebSockets === 0, 'the slot to be freed');
    // A normal event for a sign-in page left open: no log line.
    expect(warnings).toEqual([]);
  });

  it('never closes a signed-in socket for idleness; one that signs out is closed like the rest', async () => {
    const { shell, scheduler } = await start();
    const ws = await opened(shell);
    let closedWith: number | null = null;
    ws.on('close', (code: number) => (closedWith = code));
    const login = await call(ws, 'auth.login', { username: 'chief', password: DEMO_PASSWORD });
    expect(login.t === 'result' && login.result.ok).toBe(true);
    for (let i = 0; i < 10; i++) scheduler.advance(SIGN_IN_MS);
    expect((await call(ws, 'system.info', {})).t).toBe('result');
    expect(closedWith).toBeNull();
    expect(shell.openWebSockets).toBe(1);

    const closed = closeCode(ws);
    expect((await call(ws, 'auth.logout', {})).t).toBe('result');
    scheduler.advance(SIGN_IN_MS);
    expect(await closed).toBe(WS_CLOSE_SIGN_IN_TIMEOUT);
  });

  it('gives a sign-in still being checked at the deadline one more period, once', () => {
    const scheduler = new ManualScheduler();
    const socket = Object.assign(new EventEmitter(), {
      OPEN: 1,
      readyState: 1,
      bufferedAmount: 0,
      isPaused: false,
      closedWith: null as number | null,
      send: () => undefined,
      close(code: number) {
        this.closedWith = code;
      },
    });
    const pending: (() => void)[] = [];
    const fakeHub: HubPort = {
      call: () => new Promise((resolve) => pending.push(() => resolve({ ok: true, value: null }))),
      attach: () => () => undefined,
      close: () => undefined,
    };
    const limits = { maxFrameBytes: 4096, maxBufferedBytes: 65536, maxCallsInFlight: 8, signInTimeoutMs: SIGN_IN_MS };
    serveSocket(socket as unknown as WebSocket, fakeHub, limits, { warn: () => undefined, scheduler });
    const login = Buffer.from(JSON.stringify({ t: 'call', id: 1, method: 'auth.login', input: {} }));
    socket.emit('message', login, false);
    scheduler.advance(SIGN_IN_MS);
    expect(socket.closedWith).toBeNull();
    // Still in flight a period later (a peer keeping calls open forever): closed.
    scheduler.advance(SIGN_IN_MS);
    expect(socket.closedWith).toBe(WS_CLOSE_SIGN_IN_TIMEOUT);
    for (const release of pending.splice(0)) release();
  });
});

describe('console client: the sign-in deadline is not a lost link', () => {
  it('opens a new socket at once and never reports the link as down', async () => {
    vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
    const { shell, scheduler } = await start();
    const sockets: WebSocket[] = [];
    const transport = new WsTransport(
      `ws://127.0.0.1:${shell.port}/api/ws`,
      { get: () => null, set: () => undefined, clear: () => undefined },
      {
        createSocket: (url) => {
          const ws = new WebSocket(url);
          sockets.push(ws);
          clients.push(ws);
          return ws as unknown as globalThis.WebSocket;
        },
      },
    );
    try {
      const states: string[] = [];
      transport.connectionState.subscribe((state) => states.push(state));
      expect((await transport.invoke('system.info', {})).ok).toBe(true);
      const closed = closeCode(sockets[0] as WebSocket);
      scheduler.advance(SIGN_IN_MS);
      expect(await closed).toBe(WS_CLOSE_SIGN_IN_TIMEOUT);
      expect(sockets).toHaveLength(2);
      expect((await transport.invoke('system.info', {})).ok).toBe(true);
      expect(states).toEqual(['connected']);
      await until(() => shell.openWebSockets === 1, 'the old slot to be freed');
    } finally {
      transport.close();
      vi.unstubAllGlobals();
    }
  });
});

describe('configuration: WebSocket limits', () => {
  it('defaults to 32 per address, 512 in total and a 30 s sign-in deadline', () => {
    expect(resolveConfig([], {}).ws).toEqual({ maxPerAddress: 32, maxTotal: 512, signInTimeoutMs: 30_000 });
  });

  it('takes flags over the environment', () => {
    const env = { CITYOPS_WS_MAX_PER_ADDRESS: '64', CITYOPS_WS_MAX_TOTAL: '2000', CITYOPS_WS_SIGN_IN_S: '60' };
    expect(resolveConfig([], env).ws).toEqual({ maxPerAddress: 64, maxTotal: 2000, signInTimeoutMs: 60_000 });
    const flags = ['--ws-max-per-address', '8', '--ws-max-total', '100', '--ws-sign-in-seconds', '10'];
    expect(resolveConfig(flags, env).ws).toEqual({ maxPerAddress: 8, maxTotal: 100, signInTimeoutMs: 10_000 });
  });

  it('refuses nonsense with the name of the setting', () => {
    const bad: [string[], Record<string, string>, RegExp][] = [
      [[], { CITYOPS_WS_MAX_PER_ADDRESS: '0' }, /CITYOPS_WS_MAX_PER_ADDRESS must be a whole number from 1/],
      [[], { CITYOPS_WS_MAX_TOTAL: '1.5' }, /CITYOPS_WS_MAX_TOTAL must be a whole number/],
      [['--ws-max-total', 'many'], {}, /--ws-max-total must be a whole number.*"many"/],
      [['--ws-max-total'], {}, /--ws-max-total needs a value/],
      [[], { CITYOPS_WS_SIGN_IN_S: '2' }, /CITYOPS_WS_SIGN_IN_S must be a whole number from 5 to 3600/],
      [['--ws-max-per-address', '64', '--ws-max-total', '32'], {}, /per address .* exceed those allowed in total/],
    ];
    for (const [argv, env, message] of bad) {
      expect(() => resolveConfig(argv, env)).toThrow(ConfigError);
      expect(() => resolveConfig(argv, env)).toThrow(message);
    }
  });
});
