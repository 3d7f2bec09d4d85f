import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import type { MediaResponse } from '../../main/media';
import { createHlsProxy } from '../../main/media/hls-proxy';
import { resolveOnOrigin, upstreamOf } from '../../main/media/hls-proxy/origin';
import { signRef } from '../../main/media/hls-proxy/refs';
import { call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';

// HLS cameras on other servers, through the hub's proxy: the console gets a signed
// path; the hub fetches the registered origin only, with the camera's credentials as a header, and
// never hands the console an upstream URL or a credential. Upstreams are real servers on 127.0.0.1.

const USER = 'hls-user';
const PASSWORD = 'Hls#Pass-9071';
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const SEGMENT = Buffer.alloc(1000, 7);

interface Upstream {
  port: number;
  requests: { url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** A tiny media server: `routes` answers by path; every request is recorded. */
async function upstream(routes: (path: string, res: http.ServerResponse) => void): Promise<Upstream> {
  const requests: Upstream['requests'] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    routes(req.url ?? '/', res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const playlist = (lines: string[]): string =>
  ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:1', '#EXT-X-MEDIA-SEQUENCE:1', ...lines, ''].join('\n');

let origin: Upstream;
let other: Upstream;

function originRoutes(path: string, res: http.ServerResponse): void {
  const send = (type: string, body: string | Buffer): void => {
    res.writeHead(200, { 'content-type': type }).end(body);
  };
  const m3u8 = 'application/vnd.apple.mpegurl';
  if (path === '/live/index.m3u8') {
    send(
      m3u8,
      playlist([
        '#EXT-X-MAP:URI="init.mp4"',
        '#EXTINF:1.0,',
        'seg-1.m4s',
        '#EXTINF:1.0,',
        `http://127.0.0.1:${origin.port}/live/seg-2.m4s?token=abc`,
        '#EXTINF:1.0,',
        '/redirect/same',
      ]),
    );
  } else if (path === '/live/init.mp4' || path.startsWith('/live/seg-')) {
    send('video/mp4', SEGMENT);
  } else if (path === '/redirect/same') {
    res.writeHead(302, { location: '/live/seg-3.m4s' }).end();
  } else if (path === '/redirect/other') {
    res.writeHead(302, { location: `http://127.0.0.1:${other.port}/secret` }).end();
  } else if (path === '/redirect/loop') {
    res.writeHead(302, { location: '/redirect/loop' }).end();
  } else if (path.startsWith('/ssrf/')) {
    const target = decodeURIComponent(path.slice('/ssrf/'.length));
    send(m3u8, playlist(['#EXTINF:1.0,', target]));
  } else if (path === '/ssrf-map.m3u8') {
    send(m3u8, playlist([`#EXT-X-MAP:URI="http://127.0.0.1:${other.port}/init.mp4"`, '#EXTINF:1.0,', 'seg-1.m4s']));
  } else if (path === '/denied') {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end();
  } else {
    res.writeHead(404).end();
  }
}

let hub: Hub;
let admin: TestConnection;
let monitor: TestConnection;

beforeAll(async () => {
  origin = await upstream((path, res) => originRoutes(path, res));
  other = await upstream((_path, res) => res.writeHead(200, { 'content-type': 'video/mp4' }).end('OTHER-SECRET'));
  hub = await demoHub({ clock: testClock() });
  admin = await signedIn(hub, 'admin');
  monitor = await signedIn(hub, 'monitor');
  const camera = (id: string, mainUrl: string) =>
    ok(hub, admin, 'cameras.create', { id, name: `代理 ${id}`, workstationId: 'HQ-W-HQ01', mainUrl, protocol: 'hls' });
  const base = `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${origin.port}`;
  await camera('CAM-PX-1', `${base}/live/index.m3u8`);
  await camera('CAM-PX-2', `http://127.0.0.1:${origin.port}/live/index.m3u8`);
  await camera('CAM-PX-MAP', `${base}/ssrf-map.m3u8`);
  for (const [i, target] of [
    `http://127.0.0.1:${other.port}/secret`,
    `//127.0.0.1:${other.port}/secret`,
    `http://127.0.0.1:${origin.port}@127.0.0.1:${other.port}/secret`,
    `http://x:y@127.0.0.1:${origin.port}/live/seg-1.m4s`,
    'file:///etc/passwd',
    `https://127.0.0.1:${origin.port}/live/seg-1.m4s`,
  ].entries()) {
    await camera(`CAM-PX-S${i}`, `${base}/ssrf/${encodeURIComponent(target)}`);
  }
  await camera('CAM-PX-RO', `${base}/redirect/other`);
  await camera('CAM-PX-RL', `${base}/redirect/loop`);
  await camera('CAM-PX-401', `http://127.0.0.1:${origin.port}/denied`);
});

afterAll(async () => {
  await origin.close();
  await other.close();
  await hub.gateway.close();
  hub.close();
});

/** A GET through the hub as the console's player makes it. */
async function get(url: string, method = 'GET'): Promise<MediaResponse> {
  const answer = hub.routeMedia({ method, url });
  if (!answer) throw new Error(`not a media path: ${url}`);
  return answer;
}

async function openPath(cameraId: string, conn = monitor): Promise<string> {
  return (await ok(hub, conn, 'media.open', { cameraId, stream: 'main' })).hlsUrl;
}

const dirOf = (url: string): string => url.slice(0, url.lastIndexOf('/') + 1);

describe('HLS through the hub', () => {
  it('serves the registered playlist with every URI rewritten to a signed path, segments with the credentials', async () => {
    const url = await openPath('CAM-PX-1');
    expect(url).toMatch(/^\/media\/s\/[^/]+\/ext\/CAM-PX-1\/main\/index\.m3u8$/);
    const answer = await get(url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    const text = answer.body!.toString('utf8');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(PASSWORD);
    const uris = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(uris).toHaveLength(3);
    const map = /URI="([^"]+)"/.exec(text)?.[1];
    expect(map).toBeDefined();
    for (const uri of [map!, ...uris]) {
      expect(uri).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      const segment = await get(`${dirOf(url)}${uri}`);
      expect(segment.status).toBe(200);
      expect(segment.body?.equals(SEGMENT)).toBe(true);
      expect(JSON.stringify(segment.headers)).not.toContain(PASSWORD);
    }
    // Upstream saw the camera's credentials on every request, the query kept, the redirect followed.
    const seen = origin.requests.slice(-5);
    expect(seen.map((r) => r.authorization)).toEqual(Array(5).fill(AUTH));
    expect(origin.requests.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/live/seg-2.m4s?token=abc', '/redirect/same', '/live/seg-3.m4s']),
    );
    // HEAD answers the headers only.
    expect((await get(url, 'HEAD')).body).toBeNull();
  });

  it('plays a camera without credentials and sends none', async () => {
    const before = origin.requests.length;
    const answer = await get(await openPath('CAM-PX-2'));
    expect(answer.status).toBe(200);
    expect(origin.requests.slice(before).map((r) => r.authorization)).toEqual([undefined]);
  });

  it('refuses refs it did not sign, signed for another stream, and a token for another camera', async () => {
    const one = await openPath('CAM-PX-1');
    const two = await openPath('CAM-PX-2');
    const before = origin.requests.length;
    const key = Buffer.alloc(32, 1);
    const forged = [
      signRef(key, 'ext/CAM-PX-1/main', '/live/seg-1.m4s'),
      `${Buffer.from('/live/seg-1.m4s').toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`,
      '..%2F..%2Fetc%2Fpasswd',
      Buffer.from('http://127.0.0.1/').toString('base64url'),
    ];
    for (const ref of forged) expect((await get(`${dirOf(one)}${ref}`)).status, ref).toBe(404);
    // A ref from camera 2's playlist is no good under camera 1's path, and camera 1's token cannot
    // open camera 2.
    const refOfTwo = (await get(two))
      .body!.toString('utf8')
      .split('\n')
      .find((l) => l.startsWith('seg') || /^[A-Za-z0-9_-]+\./.test(l));
    expect(refOfTwo).toBeDefined();
    expect((await get(`${dirOf(one)}${refOfTwo!}`)).status).toBe(404);
    expect((await get(one.replace('CAM-PX-1', 'CAM-PX-2'))).status).toBe(403);
    expect(origin.requests.length).toBe(before + 1);
  });

  it('refuses playlists naming another origin, userinfo tricks, file: and another scheme', async () => {
    for (let i = 0; i < 6; i += 1) {
      const answer = await get(await openPath(`CAM-PX-S${i}`));
      expect(answer.status, `CAM-PX-S${i}`).toBe(502);
      expect(answer.body?.toString()).not.toContain('127.0.0.1');
    }
    expect((await get(await openPath('CAM-PX-MAP'))).status).toBe(502);
    expect(other.requests).toHaveLength(0);
  });

  it('follows redirects on the origin only, a bounded number of times', async () => {
    expect((await get(await openPath('CAM-PX-RO'))).status).toBe(502);
    expect(other.requests).toHaveLength(0);
    const before = origin.requests.length;
    expect((await get(await openPath('CAM-PX-RL'))).status).toBe(502);
    expect(origin.requests.length - before).toBeLessThanOrEqual(4);
  });

  it('answers an upstream 401 as 403 (no browser password prompt, no upstream header)', async () => {
    const answer = await get(await openPath('CAM-PX-401'));
    expect(answer.status).toBe(403);
    expect(answer.headers['www-authenticate']).toBeUndefined();
  });

  it('media.open: a role that may not view cameras is refused; no answer carries the URL or a credential', async () => {
    const hotline = await signedIn(hub, 'hotline');
    const refused = await call(hub, hotline, 'media.open', { cameraId: 'CAM-PX-1', stream: 'main' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('E_FORBIDDEN');
    const answer = await call(hub, monitor, 'media.open', { cameraId: 'CAM-PX-1', stream: 'main' });
    expect(JSON.stringify(answer)).not.toContain(PASSWORD);
    expect(JSON.stringify(answer)).not.toContain(`127.0.0.1:${origin.port}`);
    const list = await call(hub, monitor, 'cameras.list', {});
    expect(JSON.stringify(list)).not.toContain(PASSWORD);
  });

  it('a signed path stops working when its session ends', async () => {
    const conn = await signedIn(hub, 'monitor');
    const url = await openPath('CAM-PX-2', conn);
    expect((await get(url)).status).toBe(200);
    await ok(hub, conn, 'auth.logout', {});
    expect((await get(url)).status).toBe(403);
  });
});

describe('the proxy’s bounds', () => {
  const KEY = Buffer.alloc(32, 3);
  const request = { scope: 'ext/C/main', cameraId: 'C', stream: 'main' as const, ref: 'index.m3u8', head: false };

  it('caps the size of what it relays (by Content-Length and while reading)', async () => {
    const big = await upstream((path, res) => {
      if (path === '/declared') res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '5000' });
      else res.writeHead(200, { 'content-type': 'video/mp4' });
      res.end(Buffer.alloc(5000));
    });
    try {
      for (const path of ['/declared', '/chunked']) {
        const proxy = createHlsProxy({
          mediaKey: KEY,
          streamUrl: () => `http://127.0.0.1:${big.port}${path}`,
          maxSegmentBytes: 4096,
        });
        expect((await proxy(request)).status, path).toBe(502);
      }
    } finally {
      await big.close();
    }
  });

  it('gives up on a slow upstream at its deadline', async () => {
    const slow = await upstream((_path, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.write('x');
      // Never ends: a trickling server.
    });
    try {
      const proxy = createHlsProxy({
        mediaKey: KEY,
        streamUrl: () => `http://127.0.0.1:${slow.port}/x`,
        timeoutMs: 300,
      });
      expect((await proxy(request)).status).toBe(504);
    } finally {
      await slow.close();
    }
  });

  it('fetches nothing for a registered URL that is not http(s), and never logs a credential', async () => {
    const lines: string[] = [];
    const fetched: string[] = [];
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'rtsp://127.0.0.1/x', 'not a url']) {
      const proxy = createHlsProxy({
        mediaKey: KEY,
        streamUrl: () => url,
        fetch: (u) => {
          fetched.push(u);
          return Promise.reject(new Error('no'));
        },
        log: (line) => lines.push(line),
      });
      expect((await proxy(request)).status, url).toBe(404);
    }
    expect(fetched).toEqual([]);
    const proxy = createHlsProxy({
      mediaKey: KEY,
      streamUrl: () => `http://u:${encodeURIComponent(PASSWORD)}@127.0.0.1:9/x.m3u8`,
      fetch: () => Promise.reject(new Error(`connect ECONNREFUSED http://u:${PASSWORD}@127.0.0.1:9`)),
      log: (line) => lines.push(line),
    });
    expect((await proxy(request)).status).toBe(502);
    expect(lines.join('\n')).not.toContain(PASSWORD);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('resolves relative URIs on the origin only', () => {
    const up = upstreamOf(`https://u:p@cam.example:8443/a/b/index.m3u8?x=1#frag`)!;
    expect(up.url.href).toBe('https://cam.example:8443/a/b/index.m3u8?x=1');
    expect(up.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    const on = (ref: string) => resolveOnOrigin(up.origin, up.url, ref)?.href ?? null;
    expect(on('seg.ts')).toBe('https://cam.example:8443/a/b/seg.ts');
    expect(on('../../c.ts?t=1')).toBe('https://cam.example:8443/c.ts?t=1');
    expect(on('HTTPS://CAM.EXAMPLE:8443/d.ts')).toBe('https://cam.example:8443/d.ts');
    for (const bad of [
      'https://cam.example/d.ts',
      'http://cam.example:8443/d.ts',
      '//evil.example/d.ts',
      'https://cam.example:8443@evil.example/d.ts',
      'https://evil.example#@cam.example:8443/',
      'https://u:p@cam.example:8443/d.ts',
      'file:///etc/passwd',
      'data:text/plain,hi',
      'javascript:alert(1)',
      'seg\n.ts',
    ]) {
      expect(on(bad), bad).toBeNull();
    }
  });
});
