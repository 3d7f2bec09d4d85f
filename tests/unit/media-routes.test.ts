import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubPort } from '../../main/hub-types';
import { handleMedia, loadDemoMedia, routeMedia } from '../../main/media';
import { startWebShell, type WebShell } from '../../main/shell-web/server';

const CLIPS = path.resolve(import.meta.dirname, '../../resources/demo-clips');
const EPOCH = Date.UTC(2026, 0, 1);
const BASE = '/media/demo';

/** Time is set by the tests: 2026-11-26 10:00:00.5 UTC. */
let now = Date.UTC(2026, 10, 26, 10, 0, 0, 500);
const media = loadDemoMedia(CLIPS, { clock: () => now, epochMs: EPOCH, control: true });
const noControl = loadDemoMedia(CLIPS, { clock: () => now, epochMs: EPOCH });

/** Only HTTP routes are exercised here: a hub that answers nothing. */
const stubHub: HubPort = {
  call: () => Promise.reject(new Error('no hub in this test')),
  attach: () => () => undefined,
  close: () => undefined,
};

let shell: WebShell;
let bare: http.Server;
let barePort = 0;

beforeAll(async () => {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-media-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  shell = await startWebShell({ hub: stubHub, host: '127.0.0.1', port: 0, staticDir, maxFrameBytes: 4096, media });
  // The same routes without control, through the plain node:http adapter.
  bare = http.createServer((req, res) => {
    if (!handleMedia(req, res, noControl)) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  barePort = (bare.address() as { port: number }).port;
});
afterAll(async () => {
  await shell.close();
  await new Promise((resolve) => bare.close(resolve));
});
beforeEach(() => {
  for (const c of media.cameras) media.start(c.key);
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(method: string, urlPath: string, port = shell.port): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${method} ${urlPath}`)));
    req.end();
  });
}
const get = (urlPath: string, port?: number) => request('GET', urlPath, port);

function segmentUris(playlist: Buffer): string[] {
  return playlist
    .toString('utf8')
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('#'));
}

describe('demo media over HTTP', () => {
  it('serves a live playlist, its init segment and its media segments with the right types', async () => {
    const playlist = await get(`${BASE}/demo03/sub/index.m3u8`);
    expect(playlist.status).toBe(200);
    expect(playlist.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(playlist.headers['cache-control']).toBe('no-cache');
    const text = playlist.body.toString('utf8');
    expect(text.startsWith('#EXTM3U\n')).toBe(true);
    expect(text).not.toContain('#EXT-X-ENDLIST');
    const uris = segmentUris(playlist.body);
    expect(uris).toHaveLength(6);

    const init = await get(`${BASE}/demo03/sub/init.mp4`);
    expect(init.status).toBe(200);
    expect(init.headers['content-type']).toBe('video/mp4');
    expect(init.body.subarray(4, 8).toString('latin1')).toBe('ftyp');

    for (const uri of uris) {
      const segment = await get(`${BASE}/demo03/sub/${uri}`);
      expect(segment.status).toBe(200);
      expect(segment.headers['content-type']).toBe('video/iso.segment');
      expect(segment.headers['content-length']).toBe(String(segment.body.length));
      expect(segment.body.subarray(4, 8).toString('latin1')).toBe('moof');
    }
  });

  it('moves the window with the clock', async () => {
    const first = segmentUris((await get(`${BASE}/demo01/main/index.m3u8`)).body);
    now += 3000;
    const later = segmentUris((await get(`${BASE}/demo01/main/index.m3u8`)).body);
    expect(later.map((u) => Number.parseInt(u, 10))).toEqual(first.map((u) => Number.parseInt(u, 10) + 3));
  });

  it('answers 404 for unknown cameras, streams, paths, and segments out of reach', async () => {
    const uris = segmentUris((await get(`${BASE}/demo02/main/index.m3u8`)).body);
    const newest = Number.parseInt(uris.at(-1)!, 10);
    for (const p of [
      `${BASE}/nosuch/main/index.m3u8`,
      `${BASE}/demo02/hd/index.m3u8`,
      `${BASE}/demo02/main/other.txt`,
      `${BASE}/demo02/main/${newest + 1}.m4s`, // not published yet
      `${BASE}/demo02/main/${newest - 20}.m4s`, // long gone
      `${BASE}/demo02/main/-1.m4s`,
      `${BASE}/../etc/passwd`,
      `${BASE}/broken/main/init.mp4`,
    ]) {
      const reply = await get(p);
      expect(reply.status, p).toBe(404);
      expect(reply.headers['cache-control'], p).toBe('no-store');
    }
    // Just out of the playlist is still served (a client may hold the previous playlist).
    expect((await get(`${BASE}/demo02/main/${newest - 6}.m4s`)).status).toBe(200);
  });

  it('answers HEAD with headers only and refuses other methods', async () => {
    const head = await request('HEAD', `${BASE}/demo04/main/init.mp4`);
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(500);
    expect(head.body.length).toBe(0);
    const put = await request('PUT', `${BASE}/demo04/main/index.m3u8`);
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
  });

  it('serves a malformed playlist for the broken camera', async () => {
    const reply = await get(`${BASE}/broken/main/index.m3u8`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(reply.body.toString('utf8')).not.toContain('#EXTM3U');
  });

  it('lists the cameras with their streams and state', async () => {
    media.stop('demo05');
    const reply = await get(`${BASE}/cameras.json`);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const list = JSON.parse(reply.body.toString('utf8')) as {
      cameras: { key: string; name: string; running: boolean; main: { url: string; codecs: string } }[];
      broken: { main: { url: string } };
    };
    expect(list.cameras.length).toBeGreaterThanOrEqual(16);
    expect(list.cameras.find((c) => c.key === 'demo01')).toMatchObject({
      name: '合庆镇政府东门',
      running: true,
      main: { url: `${BASE}/demo01/main/index.m3u8`, codecs: 'avc1.4d401e' },
    });
    expect(list.cameras.find((c) => c.key === 'demo05')?.running).toBe(false);
    expect(list.broken.main.url).toBe(`${BASE}/broken/main/index.m3u8`);
  });
});

describe('stopping and starting a demo camera', () => {
  it('answers 503 everywhere while stopped, and plays on after start, the others untouched', async () => {
    const uris = segmentUris((await get(`${BASE}/demo07/main/index.m3u8`)).body);
    const changes: [string, boolean][] = [];
    const unsubscribe = media.onChange((key, running) => changes.push([key, running]));

    expect((await request('POST', `${BASE}/demo07/stop`)).status).toBe(204);
    expect(media.isRunning('demo07')).toBe(false);
    for (const p of ['index.m3u8', 'init.mp4', uris[0]!]) {
      const reply = await get(`${BASE}/demo07/main/${p}`);
      expect(reply.status, p).toBe(503);
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    expect((await get(`${BASE}/demo07/sub/index.m3u8`)).status).toBe(503);
    expect((await get(`${BASE}/demo08/main/index.m3u8`)).status).toBe(200);

    now += 4000;
    expect((await request('POST', `${BASE}/demo07/start`)).status).toBe(204);
    const resumed = await get(`${BASE}/demo07/main/index.m3u8`);
    expect(resumed.status).toBe(200);
    // Back at the live edge of now, not where it stopped.
    expect(Number.parseInt(segmentUris(resumed.body)[0]!, 10)).toBe(Number.parseInt(uris[0]!, 10) + 4);
    unsubscribe();
    expect(changes).toEqual([
      ['demo07', false],
      ['demo07', true],
    ]);
  });

  it('takes control requests only when enabled, by POST, from this machine, for known cameras', async () => {
    expect((await request('POST', `${BASE}/nosuch/stop`)).status).toBe(404);
    expect((await get(`${BASE}/demo07/stop`)).status).toBe(405);
    const remote = routeMedia(media, { method: 'POST', url: `${BASE}/demo07/stop`, fromLoopback: false });
    expect(remote?.status).toBe(403);
    expect(media.isRunning('demo07')).toBe(true);
    // Without the control option the route does not exist.
    expect((await request('POST', `${BASE}/demo07/stop`, barePort)).status).toBe(404);
    expect(noControl.isRunning('demo07')).toBe(true);
    expect((await get(`${BASE}/demo07/main/index.m3u8`, barePort)).status).toBe(200);
  });

  it('leaves other paths to the rest of the server', async () => {
    expect((await get('/media/other', barePort)).status).toBe(418);
    expect((await get('/mediademo', barePort)).status).toBe(418);
    expect(routeMedia(media, { method: 'GET', url: '/open311/v2/services.json', fromLoopback: true })).toBeNull();
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body.toString('utf8')).toContain('console');
  });
});
