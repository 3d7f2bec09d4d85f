import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { loadDemoMedia, type MediaResponse } from '../../main/media';
import { signMediaToken, verifyMediaToken } from '../../main/media/gateway';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { fakeSpawner, ManualScheduler } from '../helpers/fake-ingest';
import { connection, demoHub, ok, signedIn, tempDir, testClock, type TestConnection } from '../helpers/hub';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';

// Signed media paths: each is good for one camera stream, while its session lives,
// until it expires; anything else is refused without saying which part was wrong.

const CLIPS = path.resolve(import.meta.dirname, '../../resources/demo-clips');
const HOUR = 3600_000;

let hub: Hub;
let clock: ReturnType<typeof testClock>;
let monitor: TestConnection;
let shell: WebShell;

/** The answer of a path the hub serves itself (only the proxy's ext/ paths answer later). */
const route = (url: string, method = 'GET'): MediaResponse | null => {
  const answer = hub.routeMedia({ method, url });
  if (answer instanceof Promise) throw new Error(`an upstream path: ${url}`);
  return answer;
};

const get = (url: string, method = 'GET'): MediaResponse => {
  const answer = route(url, method);
  if (!answer) throw new Error(`not a media path: ${url}`);
  return answer;
};

async function openUrl(conn: TestConnection, cameraId: string, stream: 'main' | 'sub' = 'main'): Promise<string> {
  return (await ok(hub, conn, 'media.open', { cameraId, stream })).hlsUrl;
}

function tokenOf(url: string): string {
  const token = url.split('/')[3];
  if (!token) throw new Error(url);
  return token;
}

beforeAll(async () => {
  clock = testClock();
  hub = await demoHub({
    clock,
    demoMedia: loadDemoMedia(CLIPS),
    sessionLifetimeMs: 48 * HOUR,
    gateway: {
      spawner: fakeSpawner().spawner,
      scheduler: new ManualScheduler(),
      ingest: { firstFrameMs: HOUR, stallMs: HOUR },
      log: () => undefined,
    },
  });
  const admin = await signedIn(hub, 'admin');
  for (const id of ['CAM-7101', 'CAM-7102']) {
    await ok(hub, admin, 'cameras.create', {
      id,
      name: `签名测试 ${id}`,
      workstationId: 'HQ-W-HQ01',
      mainUrl: `rtsp://admin:pw-${id}@10.0.0.9:554/cam/realmonitor?channel=1&subtype=0`,
      subUrl: `rtsp://admin:pw-${id}@10.0.0.9:554/cam/realmonitor?channel=1&subtype=1`,
    });
  }
  monitor = await signedIn(hub, 'monitor');
  shell = await startWebShell({ hub, host: '127.0.0.1', port: 0, staticDir: tempDir(), maxFrameBytes: 1 << 20 });
});

afterAll(async () => {
  await shell.close();
  await hub.gateway.close();
  hub.close();
});

/** What the ingest would have written, straight into the gateway's directory for the stream. */
function writeLive(cameraId: string, stream: 'main' | 'sub'): void {
  const dir = hub.gateway.hlsDir(cameraId, stream);
  if (!dir) throw new Error('not ingested');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.m3u8'), '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:1.0,\nseg-17.m4s\n');
  fs.writeFileSync(path.join(dir, 'init.mp4'), Buffer.from('init'));
  fs.writeFileSync(path.join(dir, 'seg-17.m4s'), Buffer.from(`segment of ${cameraId}`));
}

describe('signed media paths', () => {
  it('serve the stream they were signed for, files beside the playlist by relative URL, in both shells', async () => {
    const url = await openUrl(monitor, 'CAM-7101');
    writeLive('CAM-7101', 'main');
    const playlist = get(url);
    expect(playlist.status).toBe(200);
    expect(playlist.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(playlist.body?.toString()).toContain('seg-17.m4s');
    const segment = get(new URL('seg-17.m4s', `http://hub${url}`).pathname);
    expect(segment.status).toBe(200);
    expect(segment.body?.toString()).toBe('segment of CAM-7101');
    expect(get(url, 'HEAD').body).toBeNull();
    expect(get(url, 'POST').status).toBe(405);

    const web = await fetch(new URL(url, shell.url));
    expect(web.status).toBe(200);
    expect(web.headers.get('content-security-policy')).toBeTruthy();
    expect(await web.text()).toContain('seg-17.m4s');
    expect((await fetch(new URL(url.replace(tokenOf(url), 'x.y'), shell.url))).status).toBe(403);
  });

  it('hold a playlist request for the next segment (_HLS_msn), through the web shell too; refuse a bad one', async () => {
    const url = await openUrl(monitor, 'CAM-7101');
    const dir = hub.gateway.hlsDir('CAM-7101', 'main')!;
    fs.mkdirSync(dir, { recursive: true });
    const write = (first: number) =>
      fs.writeFileSync(
        path.join(dir, 'index.m3u8'),
        `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:${first}\n#EXTINF:1.0,\nseg-${first}.m4s\n`,
      );
    write(17);
    // Every playlist of an ingest says it can block.
    expect(get(url).body?.toString()).toContain('#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES');
    expect(hub.routeMedia({ method: 'GET', url: `${url}?_HLS_msn=abc` })).toMatchObject({ status: 400 });
    expect(await hub.routeMedia({ method: 'GET', url: `${url}?_HLS_msn=99` })).toMatchObject({ status: 400 });
    // Asked for segment 18 before it exists: answered once the ingest writes it.
    const held = fetch(new URL(`${url}?_HLS_msn=18`, shell.url)).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    write(18);
    expect(await held).toContain('seg-18.m4s');
  });

  it('refuse a token for another camera or another stream', async () => {
    const url = await openUrl(monitor, 'CAM-7101');
    await openUrl(monitor, 'CAM-7102');
    await openUrl(monitor, 'CAM-7101', 'sub');
    writeLive('CAM-7102', 'main');
    writeLive('CAM-7101', 'sub');
    expect(get(url.replace('/CAM-7101/', '/CAM-7102/')).status).toBe(403);
    expect(get(url.replace('/main/', '/sub/')).status).toBe(403);
    expect(get(url.replace('/live/', '/demo/')).status).toBe(403);
    expect(get(url.replace('/CAM-7101/', '/%2e%2e/')).status).toBe(403);
  });

  it('refuse tampered tokens and tokens signed with another key', async () => {
    const url = await openUrl(monitor, 'CAM-7101');
    const token = tokenOf(url);
    const [body = '', mac = ''] = token.split('.');
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const grant = verifyMediaToken(hub.keys.mediaKey, token, clock());
    expect(grant?.scope).toBe('live/CAM-7101/main');
    const forged = [
      `${flip(body, 3)}.${mac}`,
      `${body}.${flip(mac, 0)}`,
      `${body}.${mac}.x`,
      `${body}.`,
      signMediaToken(Buffer.alloc(32, 7), grant!),
      // A longer life with the MAC of the original.
      `${Buffer.from(JSON.stringify({ s: grant!.session, p: grant!.scope, e: grant!.expiresAt * 2 })).toString('base64url')}.${mac}`,
    ];
    for (const bad of forged) {
      const answer = route(url.replace(token, bad));
      expect([403, 404], bad).toContain(answer?.status);
    }
    expect(get(url).status).toBe(200);
  });

  it('refuse file names that are not the stream’s own, whatever their spelling', async () => {
    const url = await openUrl(monitor, 'CAM-7101');
    writeLive('CAM-7101', 'main');
    fs.writeFileSync(path.join(hub.gateway.hlsDir('CAM-7101', 'main')!, 'index.m3u8.tmp'), 'half');
    const base = url.slice(0, -'index.m3u8'.length);
    for (const file of ['..%2F..%2Fhub.key', '..%2f..%2f..%2fcityops.db', 'index.m3u8.tmp', 'seg-1.ts', '%00', '.']) {
      expect(get(`${base}${file}`).status, file).toBe(404);
    }
    const raw = route(`${base}../../../../hub.key`);
    expect(raw?.status).toBe(404);
    expect(raw?.body?.toString()).not.toContain('cityops-hub-key');
  });

  it('stop working when the session ends, the account is disabled, or the path expires', async () => {
    const admin = await signedIn(hub, 'admin');
    const chief = connection('conn-chief');
    hub.attach(chief);
    await ok(hub, chief, 'auth.login', { username: 'chief', password: DEMO_PASSWORD });
    const chiefUrl = await openUrl(chief, 'CAM-7101');
    const coord = await signedIn(hub, 'coord');
    const coordUrl = await openUrl(coord, 'CAM-7101');
    const monitorUrl = await openUrl(monitor, 'CAM-7101');
    writeLive('CAM-7101', 'main');
    expect(get(chiefUrl).status).toBe(200);

    await ok(hub, chief, 'auth.logout', {});
    expect(get(chiefUrl).status).toBe(403);
    expect(get(monitorUrl).status).toBe(200);

    const coordId = (await ok(hub, admin, 'admin.users.list', {})).find((u) => u.username === 'coord')!.id;
    await ok(hub, admin, 'admin.users.setDisabled', { id: coordId, disabled: true });
    expect(get(coordUrl).status).toBe(403);

    clock.advance(12 * HOUR + 1);
    expect(get(monitorUrl).status).toBe(403);
    // A fresh open signs a fresh path for the session that still lives.
    expect(get(await openUrl(monitor, 'CAM-7101')).status).toBe(200);
  });

  it('serve a demo camera through its own signed path, and only that camera', async () => {
    const cameras = await ok(hub, monitor, 'cameras.list', { filter: {}, limit: 100 });
    const demo = cameras.rows.filter((c) => c.mainUrl.startsWith('/media/demo/'));
    expect(demo.length).toBeGreaterThan(1);
    const [first, second] = demo;
    const opened = await ok(hub, monitor, 'media.open', { cameraId: first!.id, stream: 'sub' });
    expect(opened.hlsUrl).toMatch(/^\/media\/s\/[^/]+\/demo\/[a-z0-9-]+\/sub\/index\.m3u8$/);
    const playlist = get(opened.hlsUrl);
    expect(playlist.status).toBe(200);
    const segment = playlist.body
      ?.toString()
      .split('\n')
      .find((line) => line.endsWith('.m4s'));
    expect(segment).toBeTruthy();
    expect(get(new URL(segment!, `http://hub${opened.hlsUrl}`).pathname).status).toBe(200);
    const otherKey = /\/media\/demo\/([^/]+)\//.exec(second!.mainUrl)![1]!;
    expect(get(opened.hlsUrl.replace(/\/demo\/[^/]+\//, `/demo/${otherKey}/`)).status).toBe(403);
    // The demo's control routes are not reachable through a signed path.
    expect(get(opened.hlsUrl.replace('sub/index.m3u8', 'sub/stop')).status).toBe(404);
  });
});
