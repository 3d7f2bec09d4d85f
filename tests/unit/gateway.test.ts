import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { call, connection, demoHub, ok, signedIn, type TestConnection } from '../helpers/hub';
import { fakeSpawner, ManualScheduler } from '../helpers/fake-ingest';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';

// The camera gateway in the hub with a fake ffmpeg and a hand-moved clock: viewers per connection,
// idle stop, state events to the viewers only, the camera tree's online state, and the camera's
// password nowhere a console or the audit log can read it.

const PASSWORD = 'Gw-S3cret!pw';
const MAIN = `rtsp://admin:${encodeURIComponent(PASSWORD)}@10.0.0.5:554/Streaming/Channels/101`;
const SUB = `rtsp://admin:${encodeURIComponent(PASSWORD)}@10.0.0.5:554/Streaming/Channels/102`;
const IDLE_MS = 30_000;
const UNAUTHORIZED = [
  '[rtsp @ 0x55a3247f23c0] [error] method DESCRIBE failed: 401 Unauthorized',
  `[error] ${MAIN}: Server returned 401 Unauthorized (authorization failed)`,
];

let hub: Hub;
let scheduler: ManualScheduler;
let fake: ReturnType<typeof fakeSpawner>;
const answers: unknown[] = [];

async function viewer(username: string, id: string): Promise<{ conn: TestConnection; detach: () => void }> {
  const conn = connection(id);
  const detach = hub.attach(conn);
  await ok(hub, conn, 'auth.login', { username, password: DEMO_PASSWORD });
  return { conn, detach };
}

async function open(conn: TestConnection, cameraId = 'CAM-7001', stream: 'main' | 'sub' = 'main') {
  const result = await call(hub, conn, 'media.open', { cameraId, stream });
  answers.push(result);
  return result;
}

/** Lets the gateway's follow-up work after a call run (bounded; no wall-clock wait). */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

function mediaStates(conn: TestConnection) {
  return conn.events
    .filter((e) => e.event === 'media.state')
    .map((e) => e.payload as { state: string; reason: string | null });
}

beforeEach(async () => {
  scheduler = new ManualScheduler();
  fake = fakeSpawner();
  answers.length = 0;
  hub = await demoHub({
    gateway: {
      spawner: fake.spawner,
      scheduler,
      idleStopMs: IDLE_MS,
      // The fake ffmpeg prints no frames unless told: no watchdog within these tests' time steps.
      ingest: { firstFrameMs: 100 * IDLE_MS, stallMs: 100 * IDLE_MS },
      log: () => undefined,
    },
  });
  const admin = await signedIn(hub, 'admin');
  answers.push(
    await ok(hub, admin, 'cameras.create', {
      id: 'CAM-7001',
      name: '网关测试摄像机',
      workstationId: 'HQ-W-HQ01',
      mainUrl: MAIN,
      subUrl: SUB,
    }),
  );
  answers.push(
    await ok(hub, admin, 'cameras.create', {
      id: 'CAM-7002',
      name: '停用的摄像机',
      workstationId: 'HQ-W-HQ01',
      mainUrl: MAIN,
    }),
  );
  await ok(hub, admin, 'cameras.setEnabled', { id: 'CAM-7002', enabled: false });
});

afterEach(async () => {
  await hub.gateway.close();
  hub.close();
});

describe('camera gateway in the hub', () => {
  it('starts one ingest per stream for every viewer, stops it after the last one leaves plus the idle time', async () => {
    const a = await viewer('monitor', 'conn-a');
    const b = await viewer('station', 'conn-b');
    const first = await open(a.conn);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.hlsUrl).toMatch(/^\/media\/s\/[^/]+\/live\/CAM-7001\/main\/index\.m3u8$/);
    expect(first.value.state).toMatchObject({ cameraId: 'CAM-7001', stream: 'main', state: 'connecting' });
    expect(first.value.webrtc).toBe(false);
    expect(fake.running()).toHaveLength(1);
    // The password goes to ffmpeg, and only there.
    expect(fake.spawned[0]!.args.join(' ')).toContain(encodeURIComponent(PASSWORD));

    await open(b.conn);
    expect(fake.running()).toHaveLength(1);
    // The sub stream is an ingest of its own.
    await open(b.conn, 'CAM-7001', 'sub');
    expect(fake.running()).toHaveLength(2);
    expect(fake.spawned[1]!.args.join(' ')).toContain('/Channels/102');

    await ok(hub, a.conn, 'media.release', { cameraId: 'CAM-7001', stream: 'main' });
    scheduler.advance(IDLE_MS * 2);
    expect(fake.spawned[0]!.exited).toBe(false);
    await ok(hub, b.conn, 'media.release', { cameraId: 'CAM-7001', stream: 'main' });
    scheduler.advance(IDLE_MS - 1);
    expect(fake.spawned[0]!.exited).toBe(false);
    scheduler.advance(1);
    expect(fake.spawned[0]!.kills).toEqual(['SIGTERM']);
    expect(fake.spawned[1]!.exited).toBe(false);
    // A release from a connection that holds nothing changes nothing.
    await ok(hub, a.conn, 'media.release', { cameraId: 'CAM-7001', stream: 'sub' });
    scheduler.advance(IDLE_MS);
    expect(fake.spawned[1]!.exited).toBe(false);
  });

  it('releases everything a connection watched when it goes away', async () => {
    const a = await viewer('monitor', 'conn-a');
    await open(a.conn);
    await open(a.conn);
    await open(a.conn, 'CAM-7001', 'sub');
    expect(fake.running()).toHaveLength(2);
    a.detach();
    expect(hub.gateway.viewers('CAM-7001', 'main')).toEqual([]);
    scheduler.advance(IDLE_MS);
    expect(fake.running()).toHaveLength(0);
  });

  it('tells the stream state to its viewers only, and keeps the camera tree online in step', async () => {
    const a = await viewer('monitor', 'conn-a');
    const other = await viewer('chief', 'conn-other');
    expect((await ok(hub, a.conn, 'cameras.get', { id: 'CAM-7001' })).online).toBe('unknown');
    await open(a.conn);
    fake.spawned[0]!.frames(1);
    expect(mediaStates(a.conn).at(-1)).toMatchObject({ state: 'live', reason: null });
    expect((await ok(hub, other.conn, 'cameras.get', { id: 'CAM-7001' })).online).toBe('online');
    expect(other.conn.events.some((e) => e.event === 'cameras.changed')).toBe(true);

    fake.spawned[0]!.stderr(UNAUTHORIZED);
    fake.spawned[0]!.end(1);
    expect(mediaStates(a.conn).at(-1)).toMatchObject({ state: 'offline', reason: 'unauthorized' });
    expect((await ok(hub, other.conn, 'cameras.get', { id: 'CAM-7001' })).online).toBe('offline');
    expect(mediaStates(other.conn)).toEqual([]);

    // Back-off, then a new run that goes live again.
    scheduler.advance(60_000);
    expect(fake.running()).toHaveLength(1);
    fake.running()[0]!.frames(3);
    expect(mediaStates(a.conn).at(-1)).toMatchObject({ state: 'live' });
    answers.push(a.conn.events, other.conn.events);
  });

  it('reads a camera offline when its watched stream fails, though an idle sub stream last saw it live; the duty log has the outage and its end', async () => {
    const a = await viewer('monitor', 'conn-a');
    const chief = await viewer('chief', 'conn-chief');
    const online = async () => (await ok(hub, chief.conn, 'cameras.get', { id: 'CAM-7001' })).online;
    await open(a.conn, 'CAM-7001', 'sub');
    fake.spawned[0]!.frames(1);
    await ok(hub, a.conn, 'media.release', { cameraId: 'CAM-7001', stream: 'sub' });
    scheduler.advance(IDLE_MS);
    expect(fake.spawned[0]!.kills).toEqual(['SIGTERM']);
    await open(a.conn);
    fake.spawned[1]!.frames(1);
    expect(await online()).toBe('online');

    fake.spawned[1]!.end(1);
    expect(await online()).toBe('offline');
    // Retrying (connecting) is still an outage.
    scheduler.advance(60_000);
    expect(fake.running()).toHaveLength(1);
    expect(await online()).toBe('offline');
    fake.running()[0]!.frames(1);
    expect(await online()).toBe('online');

    const log = await ok(hub, chief.conn, 'duty.log.current', {});
    const texts = log.entries.filter((e) => e.kind === 'system' && e.text.includes('CAM-7001')).map((e) => e.text);
    expect(texts).toEqual([
      expect.stringMatching(/^摄像机 网关测试摄像机（CAM-7001，.+）离线$/),
      expect.stringMatching(/^摄像机 网关测试摄像机（CAM-7001，.+）恢复在线$/),
    ]);
  });

  it('never puts the password in an answer, an event or the audit log', async () => {
    const a = await viewer('monitor', 'conn-a');
    await open(a.conn);
    await open(a.conn, 'CAM-7001', 'sub');
    fake.spawned[0]!.frames(1);
    fake.spawned[0]!.stderr(UNAUTHORIZED);
    fake.spawned[0]!.end(1);
    answers.push(await call(hub, a.conn, 'cameras.get', { id: 'CAM-7001' }));
    answers.push(await call(hub, a.conn, 'cameras.list', { filter: {}, limit: 100 }));
    answers.push(a.conn.events);
    const audit = hub.db.prepare('SELECT * FROM audit_log').all();
    expect(audit.length).toBeGreaterThan(0);
    const everything = JSON.stringify([answers, audit]);
    expect(everything).toContain('CAM-7001');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('refuses roles that see no cameras, unknown and disabled cameras, and hostile ids, without starting ffmpeg', async () => {
    const hotline = await viewer('hotline', 'conn-h');
    const a = await viewer('monitor', 'conn-a');
    const denied = await open(hotline.conn);
    expect(denied.ok ? 'ok' : denied.error.code).toBe('E_FORBIDDEN');
    const unknown = await open(a.conn, 'CAM-8999');
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('E_NOT_FOUND');
    const disabled = await open(a.conn, 'CAM-7002');
    expect(disabled.ok ? 'ok' : disabled.error.code).toBe('E_CONFLICT');
    for (const id of ["x' OR '1'='1", '../../hub.key', 'CAM-<script>', '%2e%2e%2f']) {
      const hostile = await open(a.conn, id);
      expect(hostile.ok ? 'ok' : hostile.error.code, id).toBe('E_NOT_FOUND');
      const released = await call(hub, a.conn, 'media.release', { cameraId: id, stream: 'main' });
      expect(released.ok ? 'ok' : released.error.code, id).toBe('E_NOT_FOUND');
    }
    expect(fake.spawned).toHaveLength(0);
  });

  it('answers the WebRTC methods with a conflict when no engine runs', async () => {
    const a = await viewer('monitor', 'conn-a');
    const result = await call(hub, a.conn, 'media.rtc.capabilities', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('E_CONFLICT');
    expect(result.error.message).toEqual({ zh: 'WebRTC 引擎不可用', en: 'WebRTC engine unavailable' });
    const consume = await call(hub, a.conn, 'media.rtc.consume', {
      transportId: 't1',
      cameraId: 'CAM-7001',
      stream: 'main',
      rtpCapabilities: {},
    });
    expect(consume.ok ? 'ok' : consume.error.code).toBe('E_CONFLICT');
  });

  it('answers an HLS camera, with credentials or without, with a signed proxy path, never its URL', async () => {
    const admin = await signedIn(hub, 'admin');
    await ok(hub, admin, 'cameras.create', {
      id: 'CAM-7003',
      name: 'HLS',
      workstationId: 'HQ-W-HQ01',
      mainUrl: 'https://media.example.org/live/7003.m3u8',
    });
    await ok(hub, admin, 'cameras.create', {
      id: 'CAM-7004',
      name: 'HLS 带凭据',
      workstationId: 'HQ-W-HQ01',
      mainUrl: `https://u:${PASSWORD}@media.example.org/live/7004.m3u8`,
    });
    const a = await viewer('monitor', 'conn-a');
    const plain = await open(a.conn, 'CAM-7003');
    expect(plain.ok && plain.value.hlsUrl).toMatch(/^\/media\/s\/[^/]+\/ext\/CAM-7003\/main\/index\.m3u8$/);
    expect(JSON.stringify(plain)).not.toContain('media.example.org');
    const secret = await open(a.conn, 'CAM-7004');
    expect(secret.ok && secret.value.hlsUrl).toMatch(/^\/media\/s\/[^/]+\/ext\/CAM-7004\/main\/index\.m3u8$/);
    expect(JSON.stringify(secret)).not.toContain(PASSWORD);
    expect(fake.spawned).toHaveLength(0);
  });

  it('answers the camera playback choice; a camera set to HLS is never consumed over WebRTC', async () => {
    const admin = await signedIn(hub, 'admin');
    const a = await viewer('monitor', 'conn-a');
    const auto = await open(a.conn);
    expect(auto.ok && auto.value).toMatchObject({ playback: 'auto', unplayable: null, rtcUnavailable: 'no-engine' });
    await ok(hub, admin, 'cameras.update', { id: 'CAM-7001', playback: 'hls' });
    const hls = await open(a.conn);
    expect(hls.ok && hls.value).toMatchObject({ playback: 'hls', webrtc: false, rtcUnavailable: 'playback-hls' });
    const consume = await call(hub, a.conn, 'media.rtc.consume', {
      transportId: 't1',
      cameraId: 'CAM-7001',
      stream: 'main',
      rtpCapabilities: {},
    });
    expect(consume.ok ? null : consume.error.message.en).toBe('Camera CAM-7001 is set to play over HLS only');
  });

  it('H.265: HLS only and unplayable without a decoder; transcoding set by an administrator restarts it as H.264', async () => {
    const admin = await signedIn(hub, 'admin');
    const a = await viewer('monitor', 'conn-a');
    await open(a.conn);
    fake.spawned[0]!.stderr([
      "[info] Input #0, rtsp, from 'rtsp://admin:***@10.0.0.5:554/Streaming/Channels/101':",
      '[info]   Stream #0:0: Video: hevc (Main), yuv420p(tv), 1920x1080, 25 fps, 25 tbr, 90k tbn',
    ]);
    fake.spawned[0]!.end(255);
    await settle(() => fake.spawned.length === 2);
    expect(fake.spawned[1]!.args.join(' ')).toContain('-tag:v hvc1 -f hls');
    fake.spawned[1]!.frames(1);
    const plain = await call(hub, a.conn, 'media.open', { cameraId: 'CAM-7001', stream: 'main' });
    expect(plain.ok && plain.value).toMatchObject({
      webrtc: false,
      rtcUnavailable: 'codec-h265',
      unplayable: 'codec-h265',
      state: { state: 'live', codec: 'hevc', transcoded: false },
    });
    const decoder = await call(hub, a.conn, 'media.open', { cameraId: 'CAM-7001', stream: 'main', hevc: true });
    expect(decoder.ok && decoder.value).toMatchObject({ unplayable: null, webrtc: false });

    answers.push(await ok(hub, admin, 'cameras.update', { id: 'CAM-7001', transcode: true }));
    await settle(() => fake.spawned.length === 3);
    // Known to be H.265: the new ingest transcodes from its first run.
    expect(fake.spawned[1]!.kills).toEqual(['SIGTERM']);
    expect(fake.spawned[2]!.args).toContain('libx264');
    expect(fake.spawned[2]!.args.join(' ')).toContain(encodeURIComponent(PASSWORD));
    fake.spawned[2]!.frames(1);
    await settle(() => mediaStates(a.conn).some((e) => (e as { transcoded?: boolean }).transcoded === true));
    const transcoded = await call(hub, a.conn, 'media.open', { cameraId: 'CAM-7001', stream: 'main' });
    expect(transcoded.ok && transcoded.value).toMatchObject({
      unplayable: null,
      state: { codec: 'hevc', transcoded: true },
    });
    const audit = await ok(hub, admin, 'audit.list', { method: 'cameras.update' });
    expect(JSON.stringify(audit)).toContain('H.265 转码→开');
    expect(JSON.stringify([answers, a.conn.events, audit])).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('follows camera edits: a new URL restarts the ingest for the same viewers, disabling stops it', async () => {
    const admin = await signedIn(hub, 'admin');
    const a = await viewer('monitor', 'conn-a');
    await open(a.conn);
    fake.spawned[0]!.frames(1);
    answers.push(
      await ok(hub, admin, 'cameras.update', { id: 'CAM-7001', mainUrl: MAIN.replace('10.0.0.5', '10.0.0.6') }),
    );
    await settle(() => fake.spawned.length === 2);
    expect(fake.spawned[0]!.kills).toEqual(['SIGTERM']);
    expect(fake.spawned[1]!.args.join(' ')).toContain('@10.0.0.6:554/');
    // The password still reaches ffmpeg, and nothing else.
    expect(fake.spawned[1]!.args.join(' ')).toContain(encodeURIComponent(PASSWORD));
    expect(hub.gateway.viewers('CAM-7001', 'main')).toEqual(['conn-a']);

    answers.push(await ok(hub, admin, 'cameras.setEnabled', { id: 'CAM-7001', enabled: false }));
    await settle(() => fake.running().length === 0);
    expect(fake.running()).toHaveLength(0);
    expect(mediaStates(a.conn).at(-1)).toMatchObject({ state: 'idle' });
    expect((await ok(hub, a.conn, 'cameras.get', { id: 'CAM-7001' })).online).toBe('unknown');
    expect(JSON.stringify([answers, a.conn.events])).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('kills every ffmpeg when the gateway closes', async () => {
    const a = await viewer('monitor', 'conn-a');
    await open(a.conn);
    await open(a.conn, 'CAM-7001', 'sub');
    expect(fake.running()).toHaveLength(2);
    await hub.gateway.close();
    expect(fake.running()).toHaveLength(0);
    expect(fake.spawned.every((p) => p.kills[0] === 'SIGTERM')).toBe(true);
  });
});
