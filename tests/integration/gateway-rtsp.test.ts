import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamState } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { createEngine } from '../../main/media/engine';
import type { MediaEngine } from '../../main/media/engine/types';
import { HLS_PLAYLIST } from '../../main/media/ingest';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { call, connection, demoHub, ok, tempDir, type TestConnection } from '../helpers/hub';
import { programMissing, rtspServerMissing, startRtspServer, type RtspServer } from '../helpers/rtsp-server';

// The camera gateway end to end in the hub: a camera registered as rtsp://user:pass@127.0.0.1:PORT/cam
// (GStreamer's RTSP server with basic auth) opened through media.open, its signed HLS served by the
// web shell, offline with a reason when the camera stops and live again by itself when it returns.
// Waits are bounded by events (media.state, files renamed into place), never by sleeping.

const missing = rtspServerMissing() ?? programMissing('ffmpeg');
if (missing) console.warn(`[gateway-rtsp] skipped: ${missing}`);

const USER = 'operator';
const PASSWORD = 'Gw:Pa$$@w0rd/7';
const BOUND_MS = 20_000;

/** A signed-in connection whose events can be awaited. */
function watcher(id: string) {
  const conn: TestConnection = connection(id);
  const waiters = new Set<() => void>();
  conn.push = (event, payload) => {
    conn.events.push({ event, payload });
    for (const wake of [...waiters]) wake();
  };
  const states = () => conn.events.filter((e) => e.event === 'media.state').map((e) => e.payload as StreamState);
  /** Resolves with the first media.state after index `from` that `accept` takes. */
  const waitState = (accept: (s: StreamState) => boolean, what: string, from = 0): Promise<StreamState> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = states().slice(from).find(accept);
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${what} within ${BOUND_MS} ms; states ${JSON.stringify(states())}`));
      }, BOUND_MS);
      waiters.add(check);
      check();
    });
  return { conn, states, waitState };
}

/** Resolves once the stream's playlist (renamed into place by ffmpeg) lists a segment. */
function waitForPlaylist(dir: string): Promise<void> {
  const ready = (): boolean => {
    try {
      return fs.readFileSync(path.join(dir, HLS_PLAYLIST), 'utf8').includes('.m4s');
    } catch {
      return false;
    }
  };
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const watch = fs.watch(dir, () => {
      if (!ready()) return;
      clearTimeout(timer);
      watch.close();
      resolve();
    });
    const timer = setTimeout(() => {
      watch.close();
      reject(new Error(`no playlist with a segment within ${BOUND_MS} ms`));
    }, BOUND_MS);
  });
}

describe.skipIf(missing !== null)('camera gateway against a real RTSP camera', () => {
  let server: RtspServer;
  let hub: Hub;
  let shell: WebShell;
  let engine: MediaEngine;
  const logs: string[] = [];
  const seen: unknown[] = [];
  const monitor = watcher('conn-monitor');
  const bystander = watcher('conn-bystander');

  beforeAll(async () => {
    server = await startRtspServer({ user: USER, password: PASSWORD });
    engine = (await createEngine()).engine;
    hub = await demoHub({
      engine,
      gateway: {
        idleStopMs: 1000,
        ingest: { timeoutMs: 3000, backoff: { initialMs: 200, maxMs: 1000 } },
        log: (line) => logs.push(line),
      },
    });
    for (const [w, username] of [
      [monitor, 'monitor'],
      [bystander, 'chief'],
    ] as const) {
      hub.attach(w.conn);
      await ok(hub, w.conn, 'auth.login', { username, password: DEMO_PASSWORD });
    }
    const admin = connection('conn-admin');
    hub.attach(admin);
    await ok(hub, admin, 'auth.login', { username: 'admin', password: DEMO_PASSWORD });
    seen.push(
      await ok(hub, admin, 'cameras.create', {
        id: 'CAM-RTSP-1',
        name: '真实 RTSP 摄像机',
        workstationId: 'HQ-W-HQ01',
        mainUrl: server.url(),
      }),
    );
    seen.push(admin.events);
    shell = await startWebShell({ hub, host: '127.0.0.1', port: 0, staticDir: tempDir(), maxFrameBytes: 1 << 20 });
  }, 40_000);

  afterAll(async () => {
    await shell.close();
    await hub.gateway.close();
    hub.close();
    await engine.close();
    await server.stop();
  }, 30_000);

  it('goes live through media.open and serves its signed HLS to the session only', async () => {
    const opened = await call(hub, monitor.conn, 'media.open', { cameraId: 'CAM-RTSP-1', stream: 'main' });
    seen.push(opened);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const live = await monitor.waitState((s) => s.state === 'live', 'live');
    expect(live).toMatchObject({ cameraId: 'CAM-RTSP-1', stream: 'main', codec: 'h264', reason: null });
    // The same ffmpeg feeds the WebRTC engine.
    expect(opened.value.webrtc).toBe(true);
    expect((await ok(hub, bystander.conn, 'cameras.get', { id: 'CAM-RTSP-1' })).online).toBe('online');

    await waitForPlaylist(hub.gateway.hlsDir('CAM-RTSP-1', 'main')!);
    const playlistUrl = new URL(opened.value.hlsUrl, shell.url);
    const playlist = await fetch(playlistUrl);
    expect(playlist.status).toBe(200);
    const text = await playlist.text();
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4"');
    const segment = text.split('\n').find((line) => line.endsWith('.m4s'));
    expect(segment).toBeTruthy();
    const init = await fetch(new URL('init.mp4', playlistUrl));
    expect(init.status).toBe(200);
    expect((await init.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await fetch(new URL(segment!, playlistUrl))).status).toBe(200);

    const token = opened.value.hlsUrl.split('/')[3]!;
    const unsigned = opened.value.hlsUrl.replace(`/media/s/${token}/`, '/media/s/');
    expect((await fetch(new URL(unsigned, shell.url))).status).toBe(404);
    expect(
      (await fetch(new URL(opened.value.hlsUrl.replace(token, `${token.slice(0, -2)}AA`), shell.url))).status,
    ).toBe(403);
    await ok(hub, monitor.conn, 'auth.logout', {});
    expect((await fetch(playlistUrl)).status).toBe(403);
    await ok(hub, monitor.conn, 'auth.login', { username: 'monitor', password: DEMO_PASSWORD });
    // Signing in again gives a new session: the stream is opened (joined) again for it.
    const again = await ok(hub, monitor.conn, 'media.open', { cameraId: 'CAM-RTSP-1', stream: 'main' });
    seen.push(again);
    expect((await fetch(new URL(again.hlsUrl, shell.url))).status).toBe(200);
    // The bystander watches nothing: no stream states for it.
    expect(bystander.states()).toEqual([]);
  }, 60_000);

  it('hands the stream to the WebRTC engine: a consumer on this connection’s transport', async () => {
    const caps = await ok(hub, monitor.conn, 'media.rtc.capabilities', {});
    expect(caps.engine).toBe('embedded');
    const transport = await ok(hub, monitor.conn, 'media.rtc.createTransport', {});
    const consumer = await ok(hub, monitor.conn, 'media.rtc.consume', {
      transportId: transport.id,
      cameraId: 'CAM-RTSP-1',
      stream: 'main',
      rtpCapabilities: caps.routerRtpCapabilities,
    });
    expect(consumer.kind).toBe('video');
    seen.push(caps, transport, consumer);
    // Another connection cannot use this connection's transport or consumer.
    const foreign = await call(hub, bystander.conn, 'media.rtc.consume', {
      transportId: transport.id,
      cameraId: 'CAM-RTSP-1',
      stream: 'main',
      rtpCapabilities: caps.routerRtpCapabilities,
    });
    expect(foreign.ok ? 'ok' : foreign.error.code).toBe('E_NOT_FOUND');
    const pause = await call(hub, bystander.conn, 'media.rtc.pause', { consumerId: consumer.id });
    expect(pause.ok ? 'ok' : pause.error.code).toBe('E_NOT_FOUND');
    await ok(hub, monitor.conn, 'media.rtc.pause', { consumerId: consumer.id });
    await ok(hub, monitor.conn, 'media.rtc.closeConsumer', { consumerId: consumer.id });
  }, 30_000);

  it('turns offline with the reason when the camera stops, and live again by itself when it returns', async () => {
    const from = monitor.states().length;
    const port = server.port;
    expect(await server.stop()).toBe(0);
    const down = await monitor.waitState((s) => s.state === 'offline', 'offline', from);
    expect(['ended', 'refused', 'timeout']).toContain(down.reason);
    expect((await ok(hub, bystander.conn, 'cameras.get', { id: 'CAM-RTSP-1' })).online).toBe('offline');

    const before = monitor.states().length;
    server = await startRtspServer({ port, user: USER, password: PASSWORD });
    await monitor.waitState((s) => s.state === 'live', 'live again', before);
    expect((await ok(hub, bystander.conn, 'cameras.get', { id: 'CAM-RTSP-1' })).online).toBe('online');
  }, 60_000);

  it.skipIf(rtspServerMissing('h265') !== null)(
    'an H.265 camera: HLS remuxed as hvc1 without re-encoding until an administrator enables transcoding, then H.264 for WebRTC too',
    async () => {
      const h265 = await startRtspServer({ user: USER, password: PASSWORD, codec: 'h265' });
      try {
        const admin = connection('conn-admin-h265');
        hub.attach(admin);
        await ok(hub, admin, 'auth.login', { username: 'admin', password: DEMO_PASSWORD });
        const id = 'CAM-H265';
        seen.push(
          await ok(hub, admin, 'cameras.create', {
            id,
            name: 'H.265',
            workstationId: 'HQ-W-HQ01',
            mainUrl: h265.url(),
          }),
        );
        const from = monitor.states().length;
        seen.push(await ok(hub, monitor.conn, 'media.open', { cameraId: id, stream: 'main' }));
        const live = await monitor.waitState((s) => s.cameraId === id && s.state === 'live', 'H.265 live', from);
        expect(live).toMatchObject({ codec: 'hevc', transcoded: false });
        const dir = hub.gateway.hlsDir(id, 'main') ?? '';
        await waitForPlaylist(dir);
        expect(fs.readFileSync(path.join(dir, 'init.mp4')).includes('hvc1')).toBe(true);
        const plain = await ok(hub, monitor.conn, 'media.open', { cameraId: id, stream: 'main' });
        expect(plain).toMatchObject({ webrtc: false, rtcUnavailable: 'codec-h265', unplayable: 'codec-h265' });
        const decoder = await ok(hub, monitor.conn, 'media.open', { cameraId: id, stream: 'main', hevc: true });
        expect(decoder).toMatchObject({ webrtc: false, unplayable: null });

        const mark = monitor.states().length;
        seen.push(await ok(hub, admin, 'cameras.update', { id, transcode: true }));
        await monitor.waitState((s) => s.cameraId === id && s.state === 'live' && s.transcoded, 'transcoded', mark);
        const transcoded = await ok(hub, monitor.conn, 'media.open', { cameraId: id, stream: 'main' });
        seen.push(transcoded);
        expect(transcoded).toMatchObject({ webrtc: true, rtcUnavailable: null, unplayable: null });
        await waitForPlaylist(dir);
        const init = fs.readFileSync(path.join(dir, 'init.mp4'));
        expect(init.includes('avc1')).toBe(true);
        expect(init.includes('hvc1')).toBe(false);
        for (let i = 0; i < 4; i++) await ok(hub, monitor.conn, 'media.release', { cameraId: id, stream: 'main' });
        seen.push(admin.events);
      } finally {
        await h265.stop();
      }
    },
    90_000,
  );

  it('never shows the password: answers, events, audit rows and log lines', () => {
    const audit = hub.db.prepare('SELECT * FROM audit_log').all();
    const text = JSON.stringify([seen, monitor.conn.events, bystander.conn.events, audit, logs]);
    expect(text).toContain('CAM-RTSP-1');
    expect(text).toContain('"state":"live"');
    for (const form of [PASSWORD, encodeURIComponent(PASSWORD), 'ss@w0rd']) expect(text).not.toContain(form);
  });
});
