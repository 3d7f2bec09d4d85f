import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import type { ApiResult } from '../../common/contract';
import type { ServerFrame } from '../../common/contract/wire';
import type { Hub } from '../../main/hub';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { tempDir } from './test-env';

/** Clients for the web shell's hardening tests: library, raw HTTP and hand-built WebSocket frames. */

export const MAX_FRAME = 4096;
export const MAX_BUFFERED = 64 * 1024;
export const REMOTE_ORIGIN = 'https://remote.example.org';
export const REMOTE_HOST = 'console.example.org';

/** The shell both hardening suites attack: small frame and buffer limits, one extra origin and host. */
export function startHardenedShell(hub: Hub, warnings: string[]): Promise<WebShell> {
  const staticDir = tempDir('cityops-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  return startWebShell({
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
}

/** A library client; `system.info` answers anonymously, so it proves the hub still serves. */
export async function systemInfo(port: number, options: WebSocket.ClientOptions = {}): Promise<ApiResult<unknown>> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, options);
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
export function upgradeStatus(port: number, options: WebSocket.ClientOptions): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, options);
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

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function get(port: number, urlPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

/** A raw TCP client: everything it receives, and a promise that settles when the server closes it. */
export function rawSocket(port: number): { sock: net.Socket; received: () => Buffer; closed: Promise<void> } {
  const sock = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  sock.on('data', (d: Buffer) => chunks.push(d));
  // A reset after the server drops us is expected.
  sock.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => sock.once('close', () => resolve()));
  return { sock, received: () => Buffer.concat(chunks), closed };
}

/** Opens a WebSocket by hand; resolves once the 101 answer has arrived. */
export async function handshake(port: number): Promise<ReturnType<typeof rawSocket>> {
  const raw = rawSocket(port);
  await new Promise((resolve) => raw.sock.once('connect', resolve));
  raw.sock.write(
    [
      'GET /api/ws HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
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
  const head = raw.received().toString('latin1');
  if (!/^HTTP\/1\.1 101 /.test(head)) throw new Error(`no 101 answer: ${head.slice(0, 80)}`);
  return raw;
}

export interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv?: number;
  masked?: boolean;
  /** Announce this length instead of the payload's (the bytes never follow). */
  announce?: number;
}

/** One client frame, built byte by byte so it can break every rule. */
export function frame(spec: FrameSpec): Buffer {
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
export function closeCode(received: Buffer): number | null {
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

export const closePayload = (code: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(code);
  return b;
};
