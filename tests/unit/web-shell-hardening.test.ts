import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { contentTypeFor, securityHeaders } from '../../main/security/http-policy';
import { securityHeaders as electronSecurityHeaders } from '../../main/shell-electron/static-files';
import { parseHostHeader } from '../../main/shell-web/access-policy';
import type { WebShell } from '../../main/shell-web/server';
import { demoHub } from '../helpers/hub';
import {
  get,
  rawSocket,
  REMOTE_HOST,
  REMOTE_ORIGIN,
  startHardenedShell,
  systemInfo,
  upgradeStatus,
} from '../helpers/web-shell-client';

let hub: Hub;
let shell: WebShell;
let base: string;
const warnings: string[] = [];

beforeAll(async () => {
  hub = await demoHub();
  shell = await startHardenedShell(hub, warnings);
  base = `http://127.0.0.1:${shell.port}`;
});
afterAll(async () => {
  await shell.close();
  hub.close();
});

describe('web shell: other web pages cannot drive the hub', () => {
  it('refuses a WebSocket from a foreign origin before upgrading', async () => {
    expect(await upgradeStatus(shell.port, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(shell.port, { origin: `http://evil.example:${shell.port}` })).toBe(403);
    // Another program on this machine (another port) is another origin too.
    expect(await upgradeStatus(shell.port, { origin: `http://127.0.0.1:${shell.port + 1}` })).toBe(403);
    // Sandboxed frames and file: pages send "null".
    expect(await upgradeStatus(shell.port, { origin: 'null' })).toBe(403);
    expect(await upgradeStatus(shell.port, { origin: 'chrome-extension://abc' })).toBe(403);
  });

  it("accepts the console's own origin, a configured origin and programs that send none", async () => {
    expect(await systemInfo(shell.port, { origin: `http://127.0.0.1:${shell.port}` })).toMatchObject({ ok: true });
    expect(await systemInfo(shell.port, { origin: `http://localhost:${shell.port}` })).toMatchObject({ ok: true });
    expect(await systemInfo(shell.port, { origin: REMOTE_ORIGIN })).toMatchObject({ ok: true });
    expect(await systemInfo(shell.port, { origin: `https://${REMOTE_HOST}` })).toMatchObject({ ok: true });
    expect(await systemInfo(shell.port)).toMatchObject({ ok: true });
  });

  it('refuses requests under a foreign Host name (DNS rebinding), on pages and on the socket', async () => {
    const foreign = { host: `attacker.example:${shell.port}` };
    const page = await get(shell.port, '/', foreign);
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('<title>console</title>');
    expect((await get(shell.port, '/healthz', foreign)).status).toBe(421);
    expect((await get(shell.port, '/media/demo/cameras.json', foreign)).status).toBe(421);
    expect(await upgradeStatus(shell.port, { headers: foreign })).toBe(421);
    // A loopback name on another port is not this console either.
    expect((await get(shell.port, '/', { host: `localhost:${shell.port + 1}` })).status).toBe(421);

    for (const host of [`127.0.0.1:${shell.port}`, `localhost:${shell.port}`, `LOCALHOST:${shell.port}`, REMOTE_HOST]) {
      expect((await get(shell.port, '/', { host })).status, host).toBe(200);
    }
    expect(await upgradeStatus(shell.port, { headers: { host: `${REMOTE_HOST}:443` } })).toBe(101);
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
      page: await get(shell.port, '/'),
      healthz: await get(shell.port, '/healthz'),
      mediaList: await get(shell.port, '/media/demo/cameras.json'),
      media404: await get(shell.port, '/media/demo/nope/main/index.m3u8'),
      refusedHost: await get(shell.port, '/', { host: 'attacker.example' }),
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

describe('web shell: every route is behind the same guards (fastify)', () => {
  it('refuses or answers a path the router cannot decode like any other', async () => {
    const csp = securityHeaders()['Content-Security-Policy'];
    expect((await get(shell.port, '/%zz', { host: 'attacker.example' })).status).toBe(421);
    const bad = await get(shell.port, '/%zz');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-security-policy']).toBe(csp);
    // The media namespace keeps its own answer: nothing there without a signed path.
    const media = await get(shell.port, '/media/%zz/index.m3u8');
    expect(media.status).toBe(404);
    expect(media.headers['content-security-policy']).toBe(csp);
  });

  it('parses no body for anyone: a broken JSON body does not change the answer', async () => {
    const put = await fetch(`${base}/`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    const health = await fetch(`${base}/healthz`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    // The health answer as to a plain GET (GET /healthz: web-shell-health.test.ts), the broken body unread.
    expect(health.status).toBe(200);
    expect(JSON.parse(await health.text())).toMatchObject({ ok: true, database: { writable: true } });
  });

  it('cuts an upgrade to any other path without an answer', async () => {
    const raw = rawSocket(shell.port);
    await new Promise((resolve) => raw.sock.once('connect', resolve));
    raw.sock.write(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await raw.closed;
    expect(raw.received().length).toBe(0);
    expect(await systemInfo(shell.port)).toMatchObject({ ok: true });
  });

  it('serves files with the one type table both shells use', async () => {
    expect(contentTypeFor('assets/index-3f2a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('clip.m3u8')).toBe('application/vnd.apple.mpegurl');
    expect(contentTypeFor('no-extension')).toBe('application/octet-stream');
    const page = await get(shell.port, '/');
    expect(page.headers['content-type']).toBe(contentTypeFor('index.html'));
    expect(page.headers['cache-control']).toBe('no-cache');
    // A reload of a client-side route gets the page too.
    const route = await get(shell.port, '/orders/HQ20261202-0002');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>console</title>');
  });
});
