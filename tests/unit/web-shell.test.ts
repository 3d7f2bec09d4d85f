import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../common/contract/wire';
import type { Hub } from '../../main/hub';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { demoHub, tempDir } from '../helpers/hub';

const MAX = 4096;
let hub: Hub;
let shell: WebShell;
let staticDir: string;

beforeAll(async () => {
  hub = await demoHub();
  staticDir = tempDir('cityops-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  shell = await startWebShell({ hub, host: '127.0.0.1', port: 0, staticDir, maxFrameBytes: MAX });
});
afterAll(async () => {
  await shell.close();
  hub.close();
});

function rawGet(rawPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: shell.port, path: rawPath }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/** A socket client that collects frames and waits for the next matching one (bounded in time). */
async function client() {
  const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/api/ws`);
  const frames: ServerFrame[] = [];
  const waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
    frames.push(frame);
    const i = waiters.findIndex((w) => w.match(frame));
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(frame);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const next = (match: (f: ServerFrame) => boolean) =>
    new Promise<ServerFrame>((resolve, reject) => {
      const found = frames.find(match);
      if (found) return resolve(found);
      waiters.push({ match, resolve });
      setTimeout(() => reject(new Error('no frame within 5 s')), 5000);
    });
  let id = 0;
  const callRaw = async (method: string, input: unknown) => {
    const callId = ++id;
    ws.send(JSON.stringify({ t: 'call', id: callId, method, input }));
    return next((f) => f.t === 'result' && f.id === callId);
  };
  return { ws, next, callRaw, frames };
}

describe('web shell', () => {
  it('serves the renderer with a strict CSP and never outside its folder', async () => {
    const base = `http://127.0.0.1:${shell.port}`;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('console');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    // fetch() would normalise the dots away; send the raw path.
    for (const raw of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const body = await rawGet(raw);
      expect(body, raw).not.toContain('root:');
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('carries the contract: login binds the session; later calls use it', async () => {
    const c = await client();
    const anon = await c.callRaw('auth.me', {});
    expect(anon).toMatchObject({ t: 'result', result: { ok: false, error: { code: 'E_UNAUTHENTICATED' } } });
    const login = await c.callRaw('auth.login', { username: 'chief', password: DEMO_PASSWORD });
    expect(login).toMatchObject({ result: { ok: true } });
    const me = await c.callRaw('auth.me', {});
    expect(me).toMatchObject({ result: { ok: true, value: { username: 'chief' } } });
    c.ws.close();
  });

  it('answers malformed, unknown and oversize frames with errors and keeps the socket usable', async () => {
    const c = await client();
    c.ws.send('{not json');
    expect(await c.next((f) => f.t === 'error')).toMatchObject({ id: null, error: { code: 'E_INVALID' } });
    c.frames.length = 0;
    c.ws.send(JSON.stringify({ t: 'call', id: 'x', method: 1 }));
    expect(await c.next((f) => f.t === 'error')).toMatchObject({ error: { code: 'E_INVALID' } });
    c.frames.length = 0;
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await c.next((f) => f.t === 'error')).toMatchObject({ error: { code: 'E_INVALID' } });
    const unknown = await c.callRaw('nope.nothing', {});
    expect(unknown).toMatchObject({ result: { ok: false, error: { code: 'E_NOT_FOUND' } } });
    c.ws.send(
      JSON.stringify({ t: 'call', id: 77, method: 'auth.login', input: { username: 'x', password: 'y'.repeat(MAX) } }),
    );
    const big = await c.next((f) => f.t === 'error' && f.id === 77);
    expect(big).toMatchObject({ error: { code: 'E_INVALID' } });
    if (big.t === 'error') expect(big.error.message.en).toMatch(/too large/);
    const info = await c.callRaw('system.info', {});
    expect(info).toMatchObject({ result: { ok: true, value: { demo: true } } });
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    c.ws.close();
  });

  it('pushes events to every allowed session and not to others', async () => {
    const admin = await client();
    const chief = await client();
    await admin.callRaw('auth.login', { username: 'admin', password: DEMO_PASSWORD });
    await chief.callRaw('auth.login', { username: 'chief', password: DEMO_PASSWORD });
    await admin.callRaw('auth.setLanguage', { language: 'en' });
    const ev = await admin.next((f) => f.t === 'event' && f.event === 'audit.appended');
    expect(ev).toMatchObject({ t: 'event', event: 'audit.appended' });
    await chief.callRaw('system.info', {});
    expect(chief.frames.some((f) => f.t === 'event' && f.event === 'audit.appended')).toBe(false);
    admin.ws.close();
    chief.ws.close();
  });
});
