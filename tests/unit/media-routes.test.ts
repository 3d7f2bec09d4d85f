import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { loadDemoMedia, type DemoMedia } from '../../main/media';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { call, connection, demoHub, ok, signedIn, tempDir, testClock, type TestConnection } from '../helpers/hub';

// The demo cameras' HLS is served through signed paths only: the
// old unsigned /media/demo/ routes answer 404, and the stop/start control is the audited contract
// method demo.setRunning for administrators and duty chiefs.

const CLIPS = path.resolve(import.meta.dirname, '../../resources/demo-clips');
const EPOCH = Date.UTC(2026, 0, 1);

/** Time is set by the tests. */
const clock = testClock(Date.UTC(2026, 10, 26, 10, 0, 0, 500));
const media: DemoMedia = loadDemoMedia(CLIPS, { clock, epochMs: EPOCH, control: true });

let hub: Hub;
let shell: WebShell;
let monitor: TestConnection;
let chief: TestConnection;
let admin: TestConnection;
/** Registry camera id by demo key. */
const cameraOf = new Map<string, string>();

beforeAll(async () => {
  hub = await demoHub({ clock, demoMedia: media, sessionLifetimeMs: 48 * 3600_000 });
  const staticDir = tempDir('cityops-media-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  shell = await startWebShell({ hub, host: '127.0.0.1', port: 0, staticDir, maxFrameBytes: 1 << 20 });
  monitor = await signedIn(hub, 'monitor');
  chief = await signedIn(hub, 'chief');
  admin = await signedIn(hub, 'admin');
  const { rows } = await ok(hub, monitor, 'cameras.list', { filter: {}, limit: 1000 });
  for (const row of rows) {
    const key = /^\/media\/demo\/([a-z0-9-]+)\/main\//.exec(row.mainUrl)?.[1];
    if (key) cameraOf.set(key, row.id);
  }
});
afterAll(async () => {
  await shell.close();
  hub.close();
});
beforeEach(() => {
  for (const c of media.cameras) media.start(c.key);
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(method: string, urlPath: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: shell.port, path: urlPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${method} ${urlPath}`)));
    req.end();
  });
}
const get = (urlPath: string) => request('GET', urlPath);

function camera(key: string): string {
  const id = cameraOf.get(key);
  if (!id) throw new Error(`no registry camera plays ${key}`);
  return id;
}

/** The signed folder of a demo camera's stream (…/<key>/<stream>/), from media.open. */
async function signedBase(key: string, stream: 'main' | 'sub', conn = monitor): Promise<string> {
  const { hlsUrl } = await ok(hub, conn, 'media.open', { cameraId: camera(key), stream });
  expect(hlsUrl).toMatch(new RegExp(`^/media/s/[^/]+/demo/${key}/${stream}/index\\.m3u8$`));
  return hlsUrl.slice(0, -'index.m3u8'.length);
}

function segmentUris(playlist: Buffer): string[] {
  return playlist
    .toString('utf8')
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('#'));
}

describe('demo media over signed paths', () => {
  it('serves a live playlist, its init segment and its media segments with the right types', async () => {
    const base = await signedBase('demo03', 'sub');
    const playlist = await get(`${base}index.m3u8`);
    expect(playlist.status).toBe(200);
    expect(playlist.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(playlist.headers['cache-control']).toBe('no-cache');
    const text = playlist.body.toString('utf8');
    expect(text.startsWith('#EXTM3U\n')).toBe(true);
    expect(text).not.toContain('#EXT-X-ENDLIST');
    const uris = segmentUris(playlist.body);
    expect(uris).toHaveLength(6);

    const init = await get(`${base}init.mp4`);
    expect(init.status).toBe(200);
    expect(init.headers['content-type']).toBe('video/mp4');
    expect(init.body.subarray(4, 8).toString('latin1')).toBe('ftyp');

    for (const uri of uris) {
      const segment = await get(`${base}${uri}`);
      expect(segment.status).toBe(200);
      expect(segment.headers['content-type']).toBe('video/iso.segment');
      expect(segment.headers['cache-control']).toBe('private, max-age=60');
      expect(segment.headers['content-length']).toBe(String(segment.body.length));
      expect(segment.body.subarray(4, 8).toString('latin1')).toBe('moof');
    }
  });

  it('moves the window with the clock', async () => {
    const base = await signedBase('demo01', 'main');
    const first = segmentUris((await get(`${base}index.m3u8`)).body);
    clock.advance(3000);
    const later = segmentUris((await get(`${base}index.m3u8`)).body);
    expect(later.map((u) => Number.parseInt(u, 10))).toEqual(first.map((u) => Number.parseInt(u, 10) + 3));
  });

  it('answers 404 for unknown files and segments out of reach', async () => {
    const base = await signedBase('demo02', 'main');
    const uris = segmentUris((await get(`${base}index.m3u8`)).body);
    const newest = Number.parseInt(uris.at(-1)!, 10);
    for (const file of ['other.txt', `${newest + 1}.m4s`, `${newest - 20}.m4s`, '-1.m4s', 'stop', 'start']) {
      const reply = await get(`${base}${file}`);
      expect(reply.status, file).toBe(404);
      expect(reply.headers['cache-control'], file).toBe('no-store');
    }
    // Just out of the playlist is still served (a client may hold the previous playlist).
    expect((await get(`${base}${newest - 6}.m4s`)).status).toBe(200);
  });

  it('answers HEAD with headers only and refuses other methods', async () => {
    const base = await signedBase('demo04', 'main');
    const head = await request('HEAD', `${base}init.mp4`);
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(500);
    expect(head.body.length).toBe(0);
    for (const method of ['PUT', 'POST']) {
      const refused = await request(method, `${base}index.m3u8`);
      expect(refused.status, method).toBe(405);
      expect(refused.headers.allow).toBe('GET, HEAD');
    }
  });

  it('serves a malformed playlist for the broken camera', async () => {
    const base = await signedBase('broken', 'main');
    const reply = await get(`${base}index.m3u8`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(reply.body.toString('utf8')).not.toContain('#EXTM3U');
  });
});

describe('no media without a signed path', () => {
  it('answers 404 for the old unsigned demo routes and anything else under /media/', async () => {
    const base = await signedBase('demo05', 'sub');
    // The same stream plays signed…
    expect((await get(`${base}index.m3u8`)).status).toBe(200);
    const uri = segmentUris((await get(`${base}index.m3u8`)).body)[0]!;
    // …and not unsigned, whatever the method; no path under /media/ falls back to the console page.
    for (const [method, p] of [
      ['GET', '/media/demo/cameras.json'],
      ['GET', '/media/demo/demo05/sub/index.m3u8'],
      ['GET', '/media/demo/demo05/sub/init.mp4'],
      ['GET', `/media/demo/demo05/sub/${uri}`],
      ['HEAD', '/media/demo/demo05/main/index.m3u8'],
      ['POST', '/media/demo/demo05/stop'],
      ['POST', '/media/demo/demo05/start'],
      ['GET', '/media/demo/demo05/stop'],
      ['GET', '/media/demo'],
      ['GET', '/media'],
      ['GET', '/media/other'],
      ['GET', '/media/s/'],
    ] as const) {
      const reply = await request(method, p);
      expect(reply.status, `${method} ${p}`).toBe(404);
      expect(reply.body.toString('utf8'), p).not.toContain('<title>console</title>');
    }
    expect(media.isRunning('demo05')).toBe(true);
    // Paths outside /media/ are the console's (SPA fallback), as before.
    expect((await get('/mediademo')).body.toString('utf8')).toContain('console');
  });
});

describe('demo.setRunning (the demo stream control)', () => {
  it('stops a demo stream for a duty chief: 503 while stopped, back at the live edge after start, audited', async () => {
    const base = await signedBase('demo07', 'main');
    const uris = segmentUris((await get(`${base}index.m3u8`)).body);
    const changes: [string, boolean][] = [];
    const unsubscribe = media.onChange((key, running) => changes.push([key, running]));

    const id = camera('demo07');
    expect(await ok(hub, chief, 'demo.setRunning', { cameraId: id, running: false })).toEqual({
      cameraId: id,
      streamKey: 'demo07',
      running: false,
    });
    expect(media.isRunning('demo07')).toBe(false);
    for (const p of ['index.m3u8', 'init.mp4', uris[0]!]) {
      const reply = await get(`${base}${p}`);
      expect(reply.status, p).toBe(503);
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    expect((await get(`${await signedBase('demo07', 'sub')}index.m3u8`)).status).toBe(503);
    expect((await get(`${await signedBase('demo08', 'main')}index.m3u8`)).status).toBe(200);
    expect((await ok(hub, monitor, 'cameras.get', { id })).online).toBe('offline');

    clock.advance(4000);
    await ok(hub, admin, 'demo.setRunning', { cameraId: id, running: true });
    const resumed = await get(`${base}index.m3u8`);
    expect(resumed.status).toBe(200);
    // Back at the live edge of now, not where it stopped.
    expect(Number.parseInt(segmentUris(resumed.body)[0]!, 10)).toBe(Number.parseInt(uris[0]!, 10) + 4);
    unsubscribe();
    expect(changes).toEqual([
      ['demo07', false],
      ['demo07', true],
    ]);
    const audit = hub.db
      .prepare(
        "SELECT actor_name AS actor, target, summary, ok, json_extract(detail, '$.key') AS words FROM audit_log WHERE method = 'demo.setRunning' ORDER BY id",
      )
      .all();
    expect(audit.slice(-2)).toEqual([
      { actor: 'chief', target: id, summary: '停止演示流 demo07', ok: 1, words: 'demo.streamStop' },
      { actor: 'admin', target: id, summary: '启动演示流 demo07', ok: 1, words: 'demo.streamStart' },
    ]);
  });

  it('is refused without a session and to roles other than administrator and duty chief', async () => {
    const id = camera('demo09');
    const anonymous = connection('anonymous');
    hub.attach(anonymous);
    expect(await call(hub, anonymous, 'demo.setRunning', { cameraId: id, running: false })).toMatchObject({
      ok: false,
      error: { code: 'E_UNAUTHENTICATED' },
    });
    for (const user of ['monitor', 'station', 'coord', 'hotline', 'grid']) {
      const conn = await signedIn(hub, user);
      const result = await call(hub, conn, 'demo.setRunning', { cameraId: id, running: false });
      expect(result, user).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    }
    expect(media.isRunning('demo09')).toBe(true);
  });

  it('answers E_NOT_FOUND for unknown cameras and cameras without a demo stream, E_INVALID for odd text', async () => {
    await ok(hub, admin, 'cameras.create', {
      id: 'CAM-7301',
      name: '非演示摄像机',
      workstationId: 'HQ-W-HQ01',
      mainUrl: 'http://127.0.0.1/x/main.m3u8',
    });
    for (const cameraId of [
      'CAM-9999',
      "x' OR '1'='1",
      '<script>alert(1)</script>',
      '../../demo07',
      'CAM\u202e1',
      'CAM-7301',
    ]) {
      const result = await call(hub, chief, 'demo.setRunning', { cameraId, running: false });
      expect(result, cameraId).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    }
    // The broken camera plays no demo stream that could be stopped.
    const broken = await call(hub, chief, 'demo.setRunning', { cameraId: camera('broken'), running: false });
    expect(broken).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    for (const cameraId of ['CAM\u0000-1', 'x'.repeat(33)]) {
      const result = await call(hub, chief, 'demo.setRunning', { cameraId, running: false });
      expect(result, JSON.stringify(cameraId)).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
    }
    const bad = await call(hub, chief, 'demo.setRunning', { cameraId: camera('demo07'), running: 'no' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
    expect(media.cameras.every((c) => media.isRunning(c.key))).toBe(true);
    const refused = hub.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'demo.setRunning' AND ok = 0")
      .get() as { n: number };
    expect(refused.n).toBeGreaterThanOrEqual(6);
  });

  it('is off unless the hub was started with the demo stream control', async () => {
    const plain = loadDemoMedia(CLIPS, { clock, epochMs: EPOCH });
    const other = await demoHub({ clock, demoMedia: plain });
    try {
      const otherChief = await signedIn(other, 'chief');
      const { rows } = await ok(other, otherChief, 'cameras.list', { filter: {}, limit: 1000 });
      const result = await call(other, otherChief, 'demo.setRunning', { cameraId: rows[0]!.id, running: false });
      expect(result).toMatchObject({ ok: false, error: { code: 'E_CONFLICT' } });
      expect(plain.cameras.every((c) => plain.isRunning(c.key))).toBe(true);
    } finally {
      other.close();
    }
  });
});
