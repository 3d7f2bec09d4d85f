import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ApiResult } from '../../common/contract';
import type { ServerFrame } from '../../common/contract/wire';
import type { Hub } from '../../main/hub';
import type { HubPort } from '../../main/hub-types';
import { securityHeaders } from '../../main/security/http-policy';
import { securityHeaders as electronSecurityHeaders } from '../../main/shell-electron/static-files';
import { parseHostHeader } from '../../main/shell-web/access-policy';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { serveSocket } from '../../main/shell-web/ws-connection';
import { demoHub, tempDir } from '../helpers/hub';

const MAX_FRAME = 4096;
/** What ws accepts before it refuses a frame outright (server.ts: 16 × the frame limit). */
const MAX_PAYLOAD = MAX_FRAME * 16;
const MAX_BUFFERED = 64 * 1024;
const REMOTE_ORIGIN = 'https://remote.example.org';
const REMOTE_HOST = 'console.example.org';

let hub: Hub;
let shell: WebShell;
let base: string;
const warnings: string[] = [];

beforeAll(async () => {
  hub = await demoHub();
  const staticDir = tempDir('cityops-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  shell = await startWebShell({
    hub,
    host: '127.0.0.1',
    port: 0,
    staticDir,
    maxFrameBytes: MAX_FRAME,
    allowedOrigins: [REMOTE_ORIGIN],
    allowedHosts: [REMOTE_HOST],
    maxBufferedBytes: MAX_BUFFERED,
    warn: (line) => warnings.push(line),
  });
  base = `http://127.0.0.1:${shell.port}`;
});
afterAll(async () => {
  await shell.close();
  hub.close();
});

/** A library client; `system.info` answers anonymously, so it proves the hub still serves. */
async function systemInfo(options: WebSocket.ClientOptions = {}): Promise<ApiResult<unknown>> {
  const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/api/ws`, options);
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'system.info', input: {} }));
    const frame = await new Promise<ServerFrame>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as ServerFrame)),
    );
    if (frame.t !== 'result') throw new Error(`unexpected frame ${JSON.stringify(frame)}`);
    return frame.result;
  } finally {
    ws.close();
  }
}

/** Status of a refused (or the upgrade of an accepted) WebSocket handshake. */
function upgradeStatus(options: WebSocket.ClientOptions): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/api/ws`, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', (err) => {
      if (ws.readyState !== ws.CLOSED) reject(err);
    });
  });
}

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(urlPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: shell.port, path: urlPath, headers }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

/** A raw TCP client: everything it receives, and a promise that settles when the server closes it. */
function rawSocket(port = shell.port): { sock: net.Socket; received: () => Buffer; closed: Promise<void> } {
  const sock = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  sock.on('data', (d: Buffer) => chunks.push(d));
  // A reset after the server drops us is expected.
  sock.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => sock.once('close', () => resolve()));
  return { sock, received: () => Buffer.concat(chunks), closed };
}

/** Opens a WebSocket by hand; resolves once the 101 answer has arrived. */
async function handshake(): Promise<ReturnType<typeof rawSocket>> {
  const raw = rawSocket();
  await new Promise((resolve) => raw.sock.once('connect', resolve));
  raw.sock.write(
    [
      'GET /api/ws HTTP/1.1',
      `Host: 127.0.0.1:${shell.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  for (let i = 0; i < 100 && !raw.received().includes('\r\n\r\n'); i++) {
    await new Promise((resolve) => raw.sock.once('data', resolve));
  }
  expect(raw.received().toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
  return raw;
}

interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv?: number;
  masked?: boolean;
  /** Announce this length instead of the payload's (the bytes never follow). */
  announce?: number;
}

/** One client frame, built byte by byte so it can break every rule. */
function frame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const length = spec.announce ?? payload.length;
  const masked = spec.masked ?? true;
  const head = [((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | spec.opcode];
  const maskBit = masked ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(length));
  }
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(payload.map((b, i) => (masked ? b ^ (mask[i % 4] ?? 0) : b)));
  return Buffer.concat([
    Buffer.from(head),
    ext,
    masked ? mask : Buffer.alloc(0),
    spec.announce ? Buffer.alloc(0) : body,
  ]);
}

/** The status code of the first close frame the server sent after the handshake, if any. */
function closeCode(received: Buffer): number | null {
  let at = received.indexOf('\r\n\r\n') + 4;
  while (at + 2 <= received.length) {
    const opcode = (received[at] ?? 0) & 0x0f;
    let length = (received[at + 1] ?? 0) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = received.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? received.readUInt16BE(start) : null;
    at = start + length;
  }
  return null;
}

const closePayload = (code: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(code);
  return b;
};

const MALFORMED: { name: string; bytes: Buffer; code: number }[] = [
  {
    name: 'a frame announcing a payload over the limit',
    bytes: frame({ opcode: 0x1, announce: MAX_PAYLOAD + 1 }),
    code: 1009,
  },
  { name: 'a 2^53 byte frame', bytes: frame({ opcode: 0x2, announce: 2 ** 53 }), code: 1009 },
  {
    name: 'invalid UTF-8 in a text frame',
    bytes: frame({ opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }),
    code: 1007,
  },
  {
    name: 'an unmasked client frame',
    bytes: frame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }),
    code: 1002,
  },
  { name: 'a reserved data opcode', bytes: frame({ opcode: 0x3, payload: Buffer.from('x') }), code: 1002 },
  { name: 'a reserved control opcode', bytes: frame({ opcode: 0xb }), code: 1002 },
  {
    name: 'the RSV1 bit (no extension agreed)',
    bytes: frame({ opcode: 0x1, rsv: 4, payload: Buffer.from('{}') }),
    code: 1002,
  },
  { name: 'the RSV3 bit', bytes: frame({ opcode: 0x1, rsv: 1, payload: Buffer.from('{}') }), code: 1002 },
  { name: 'an oversized control frame', bytes: frame({ opcode: 0x9, payload: Buffer.alloc(126, 1) }), code: 1002 },
  { name: 'a fragmented control frame', bytes: frame({ opcode: 0x9, fin: false }), code: 1002 },
  {
    name: 'a continuation with nothing to continue',
    bytes: frame({ opcode: 0x0, payload: Buffer.from('x') }),
    code: 1002,
  },
  { name: 'a reserved close code', bytes: frame({ opcode: 0x8, payload: closePayload(1005) }), code: 1002 },
  { name: 'an out-of-range close code', bytes: frame({ opcode: 0x8, payload: closePayload(999) }), code: 1002 },
  { name: 'a one-byte close payload', bytes: frame({ opcode: 0x8, payload: Buffer.from([3]) }), code: 1002 },
];

describe('web shell: protocol abuse closes only that connection', () => {
  it.each(MALFORMED)('$name → close $code, and the hub still answers', async ({ bytes, code }) => {
    const before = warnings.length;
    const raw = await handshake();
    raw.sock.write(bytes);
    await raw.closed;
    expect(closeCode(raw.received())).toBe(code);
    // One line for the connection, not a stack per frame.
    expect(warnings.slice(before)).toHaveLength(1);
    expect(warnings[before]).toMatch(/^ws-.* from .*: closed: /);
    expect(await systemInfo()).toMatchObject({ ok: true });
  });

  it('survives a reset in the middle of a handshake and a half-written frame', async () => {
    const raw = rawSocket();
    await new Promise((resolve) => raw.sock.once('connect', resolve));
    raw.sock.write(`GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nUpgrade: websocket\r\n`);
    raw.sock.resetAndDestroy();
    const half = await handshake();
    half.sock.write(frame({ opcode: 0x1, payload: Buffer.from('{"t":"call"}') }).subarray(0, 5));
    half.sock.resetAndDestroy();
    await half.closed;
    expect(await systemInfo()).toMatchObject({ ok: true });
  });
});

describe('web shell: slow and stalled clients', () => {
  it('cuts off trickled headers and a trickled body, but not an open WebSocket', async () => {
    // Short deadlines on a shell of their own, so a busy test machine cannot trip the others.
    const slow = await startWebShell({
      hub,
      host: '127.0.0.1',
      port: 0,
      staticDir: tempDir('cityops-static-'),
      maxFrameBytes: MAX_FRAME,
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
      timeoutCheckMs: 50,
    });
    const open = new WebSocket(`ws://127.0.0.1:${slow.port}/api/ws`);
    await new Promise((resolve, reject) => open.once('open', resolve).once('error', reject));

    const trickle = async (start: string, drip: string) => {
      const raw = rawSocket(slow.port);
      await new Promise((resolve) => raw.sock.once('connect', resolve));
      raw.sock.write(start);
      // One byte every 20 ms: the connection is never idle, so only the deadline can end it.
      const timer = setInterval(() => raw.sock.write(drip), 20);
      await raw.closed;
      clearInterval(timer);
      return raw.received().toString('latin1');
    };
    expect(await trickle(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nX-Slow: `, 'a')).toMatch(
      /^HTTP\/1\.1 408 /,
    );
    // Answered at once (405), but the connection is only closed when the body's deadline passes:
    // without one the drip would keep it open for good.
    const body = await trickle(
      `PUT /upload HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nContent-Length: 100000000\r\n\r\n`,
      'a',
    );
    expect(body).toMatch(/^HTTP\/1\.1 405 /);

    // The socket outlived both deadlines: upgraded connections are not requests any more.
    open.send(JSON.stringify({ t: 'call', id: 9, method: 'system.info', input: {} }));
    const answer = await new Promise<ServerFrame>((resolve) =>
      open.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as ServerFrame)),
    );
    expect(answer).toMatchObject({ t: 'result', id: 9, result: { ok: true } });
    open.close();
    await slow.close();
  });

  it('drops a client that stops reading once its unread answers pass the bound', async () => {
    const before = warnings.length;
    const raw = await handshake();
    raw.sock.pause();
    // Each 7-byte frame that is not a call draws a ~150-byte error answer: the hub keeps sending,
    // the client reads nothing.
    const notACall = frame({ opcode: 0x1, payload: Buffer.from('0') });
    const batch = Buffer.concat(Array.from({ length: 2000 }, () => notACall));
    const peer = { closed: false };
    void raw.closed.then(() => (peer.closed = true));
    const dropped = () => warnings.slice(before).some((w) => w.includes('unread by the client'));
    // Kernel buffers on both sides take megabytes first; bounded at 800 000 frames (~120 MB of answers).
    for (let i = 0; i < 400 && !dropped() && !peer.closed; i++) {
      if (!raw.sock.write(batch)) await Promise.race([new Promise((r) => raw.sock.once('drain', r)), raw.closed]);
      else await new Promise((r) => setImmediate(r));
    }
    expect(dropped()).toBe(true);
    expect(warnings.slice(before)).toHaveLength(1);
    expect(warnings[before]).toMatch(new RegExp(`limit ${MAX_BUFFERED}\\)`));
    raw.sock.resume();
    await raw.closed;
    expect(await systemInfo()).toMatchObject({ ok: true });
  });

  it('stops reading from a connection with too many calls in flight until one ends', async () => {
    // A fake socket and a hub whose calls end when the test says so: the pause is deterministic.
    const socket = Object.assign(new EventEmitter(), {
      OPEN: 1,
      readyState: 1,
      bufferedAmount: 0,
      isPaused: false,
      sent: [] as string[],
      pause() {
        this.isPaused = true;
      },
      resume() {
        this.isPaused = false;
      },
      send(text: string) {
        this.sent.push(text);
      },
      terminate() {
        this.readyState = 3;
      },
    });
    const pending: (() => void)[] = [];
    const fakeHub: HubPort = {
      call: () => new Promise((resolve) => pending.push(() => resolve({ ok: true, value: null }))),
      attach: () => () => undefined,
      close: () => undefined,
    };
    serveSocket(
      socket as unknown as WebSocket,
      fakeHub,
      { maxFrameBytes: MAX_FRAME, maxBufferedBytes: MAX_BUFFERED, maxCallsInFlight: 3 },
      { warn: (line) => warnings.push(line) },
    );
    const callFrame = (id: number) => Buffer.from(JSON.stringify({ t: 'call', id, method: 'system.info', input: {} }));
    socket.emit('message', callFrame(1), false);
    socket.emit('message', callFrame(2), false);
    expect(socket.isPaused).toBe(false);
    socket.emit('message', callFrame(3), false);
    expect(socket.isPaused).toBe(true);
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
    expect(socket.isPaused).toBe(false);
    expect(socket.sent).toHaveLength(1);

    // And a peer whose queue is past the bound gets no more frames: it is dropped, once.
    const before = warnings.length;
    socket.bufferedAmount = MAX_BUFFERED + 1;
    for (const release of pending.splice(0)) release();
    await new Promise((r) => setImmediate(r));
    expect(socket.readyState).toBe(3);
    expect(socket.sent).toHaveLength(1);
    expect(warnings.slice(before)).toHaveLength(1);
  });
});

describe('web shell: other web pages cannot drive the hub', () => {
  it('refuses a WebSocket from a foreign origin before upgrading', async () => {
    expect(await upgradeStatus({ origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus({ origin: `http://evil.example:${shell.port}` })).toBe(403);
    // Another program on this machine (another port) is another origin too.
    expect(await upgradeStatus({ origin: `http://127.0.0.1:${shell.port + 1}` })).toBe(403);
    // Sandboxed frames and file: pages send "null".
    expect(await upgradeStatus({ origin: 'null' })).toBe(403);
    expect(await upgradeStatus({ origin: 'chrome-extension://abc' })).toBe(403);
  });

  it("accepts the console's own origin, a configured origin and programs that send none", async () => {
    expect(await systemInfo({ origin: `http://127.0.0.1:${shell.port}` })).toMatchObject({ ok: true });
    expect(await systemInfo({ origin: `http://localhost:${shell.port}` })).toMatchObject({ ok: true });
    expect(await systemInfo({ origin: REMOTE_ORIGIN })).toMatchObject({ ok: true });
    expect(await systemInfo({ origin: `https://${REMOTE_HOST}` })).toMatchObject({ ok: true });
    expect(await systemInfo()).toMatchObject({ ok: true });
  });

  it('refuses requests under a foreign Host name (DNS rebinding), on pages and on the socket', async () => {
    const foreign = { host: `attacker.example:${shell.port}` };
    const page = await get('/', foreign);
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('<title>console</title>');
    expect((await get('/healthz', foreign)).status).toBe(421);
    expect((await get('/media/demo/cameras.json', foreign)).status).toBe(421);
    expect(await upgradeStatus({ headers: foreign })).toBe(421);
    // A loopback name on another port is not this console either.
    expect((await get('/', { host: `localhost:${shell.port + 1}` })).status).toBe(421);

    for (const host of [`127.0.0.1:${shell.port}`, `localhost:${shell.port}`, `LOCALHOST:${shell.port}`, REMOTE_HOST]) {
      expect((await get('/', { host })).status, host).toBe(200);
    }
    expect(await upgradeStatus({ headers: { host: `${REMOTE_HOST}:443` } })).toBe(101);
  });

  it('parses Host headers strictly', () => {
    expect(parseHostHeader('[::1]:8787')).toEqual({ name: '[::1]', port: 8787 });
    expect(parseHostHeader('Example.org')).toEqual({ name: 'example.org', port: 80 });
    for (const bad of ['', 'a:b:c', 'x:99999', 'user@host', 'a b', '[::1', 'host/path']) {
      expect(parseHostHeader(bad), bad).toBeNull();
    }
  });

  it('puts the security headers on every answer', async () => {
    const csp = securityHeaders()['Content-Security-Policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self';");
    // One policy for both shells.
    expect(electronSecurityHeaders('text/html')['Content-Security-Policy']).toBe(csp);
    const answers = {
      page: await get('/'),
      healthz: await get('/healthz'),
      mediaList: await get('/media/demo/cameras.json'),
      media404: await get('/media/demo/nope/main/index.m3u8'),
      refusedHost: await get('/', { host: 'attacker.example' }),
    };
    // Media is served through signed paths only: the old unsigned demo routes are gone.
    expect(answers.mediaList.status).toBe(404);
    expect(answers.media404.status).toBe(404);
    for (const [name, reply] of Object.entries(answers)) {
      expect(reply.headers['content-security-policy'], name).toBe(csp);
      expect(reply.headers['x-content-type-options'], name).toBe('nosniff');
      expect(reply.headers['referrer-policy'], name).toBe('no-referrer');
      expect(reply.headers['x-frame-options'], name).toBe('DENY');
    }
    const post = await fetch(`${base}/`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(csp);
  });
});
