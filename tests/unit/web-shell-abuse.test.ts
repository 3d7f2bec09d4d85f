import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../common/contract/wire';
import type { Hub } from '../../main/hub';
import type { HubPort } from '../../main/hub-types';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { serveSocket } from '../../main/shell-web/ws-connection';
import { demoHub, tempDir } from '../helpers/hub';
import {
  closeCode,
  closePayload,
  frame,
  handshake,
  MAX_BUFFERED,
  MAX_FRAME,
  rawSocket,
  startHardenedShell,
  systemInfo,
} from '../helpers/web-shell-client';

/** What ws accepts before it refuses a frame outright (api-socket.ts: 16 × the frame limit). */
const MAX_PAYLOAD = MAX_FRAME * 16;

let hub: Hub;
let shell: WebShell;
const warnings: string[] = [];

beforeAll(async () => {
  hub = await demoHub();
  shell = await startHardenedShell(hub, warnings);
});
afterAll(async () => {
  await shell.close();
  hub.close();
});

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
    const raw = await handshake(shell.port);
    raw.sock.write(bytes);
    await raw.closed;
    expect(closeCode(raw.received())).toBe(code);
    // One line for the connection, not a stack per frame.
    expect(warnings.slice(before)).toHaveLength(1);
    expect(warnings[before]).toMatch(/^ws-.* from .*: closed: /);
    expect(await systemInfo(shell.port)).toMatchObject({ ok: true });
  });

  it('survives a reset in the middle of a handshake and a half-written frame', async () => {
    const raw = rawSocket(shell.port);
    await new Promise((resolve) => raw.sock.once('connect', resolve));
    raw.sock.write(`GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nUpgrade: websocket\r\n`);
    raw.sock.resetAndDestroy();
    const half = await handshake(shell.port);
    half.sock.write(frame({ opcode: 0x1, payload: Buffer.from('{"t":"call"}') }).subarray(0, 5));
    half.sock.resetAndDestroy();
    await half.closed;
    expect(await systemInfo(shell.port)).toMatchObject({ ok: true });
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
    const raw = await handshake(shell.port);
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
    expect(await systemInfo(shell.port)).toMatchObject({ ok: true });
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
    // A real socket reports its close after terminate(); that ends its sign-in deadline.
    socket.emit('close', 1006, Buffer.alloc(0));
  });
});
