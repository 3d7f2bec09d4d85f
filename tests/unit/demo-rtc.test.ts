import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { loadDemoMedia, type DemoMedia } from '../../main/media';
import { DemoRtc } from '../../main/media/demo-rtc';
import { EmbeddedEngine } from '../../main/media/engine/embedded/engine';
import type { MediaEngine } from '../../main/media/engine/types';
import { ManualScheduler } from '../helpers/fake-ingest';
import { call, demoHub, ok, signedIn } from '../helpers/hub';

// Demo cameras over WebRTC on demand: a demo stream's RTP runs while a connection
// holds it open and its demo stream is on the air; its producer closes after the idle time.

const CLIPS = path.resolve(import.meta.dirname, '../../resources/demo-clips');
const IDLE_MS = 30_000;

/** An engine that only records what the feeds push and which producers exist. */
function recordingEngine(onPush: (key: string) => void = () => undefined): {
  engine: MediaEngine;
  pushed: Map<string, number>;
  open: Set<string>;
} {
  const pushed = new Map<string, number>();
  const open = new Set<string>();
  const fail = () => Promise.reject(new Error('not in this test'));
  const engine: MediaEngine = {
    kind: 'embedded',
    routerRtpCapabilities: () => ({}),
    rtpProducer: fail,
    packetProducer: (key) => {
      open.add(key);
      return Promise.resolve({
        producerId: `p-${key}`,
        push: () => {
          if (!open.has(key)) return;
          pushed.set(key, (pushed.get(key) ?? 0) + 1);
          onPush(key);
        },
      });
    },
    closeProducer: (key) => open.delete(key),
    createTransport: fail,
    connectTransport: fail,
    consume: fail,
    pauseConsumer: fail,
    resumeConsumer: fail,
    closeConsumer: () => undefined,
    closeOwner: () => undefined,
    close: () => Promise.resolve(),
  };
  return { engine, pushed, open };
}

function setup(engine: MediaEngine | null): { rtc: DemoRtc; media: DemoMedia; time: ManualScheduler } {
  const time = new ManualScheduler();
  const media = loadDemoMedia(CLIPS, { clock: () => time.now(), epochMs: 0, control: true });
  const rtc = new DemoRtc({ media, engine, scheduler: time, idleStopMs: IDLE_MS, tickMs: 10 });
  return { rtc, media, time };
}

const demo01 = { key: 'demo01', stream: 'sub' as const };

describe('DemoRtc: RTP from the clips on demand', () => {
  it('runs nothing until opened, feeds while watched, stops at the last release, closes the producer later', async () => {
    const { rtc } = setup(null);
    expect(await rtc.open('c1', 'CAM-0001', 'sub', demo01)).toBe(false); // no engine: HLS only
    rtc.close();

    const { engine, pushed, open } = recordingEngine();
    const s = setup(engine);
    expect(s.rtc.stats()).toEqual({ streams: 0, feeding: 0, ticking: false });
    s.time.advance(5000);
    expect(pushed.size).toBe(0);

    expect(await s.rtc.open('c1', 'CAM-0001', 'sub', demo01)).toBe(true);
    expect(await s.rtc.open('c2', 'CAM-0001', 'sub', demo01)).toBe(true);
    expect(open).toEqual(new Set(['CAM-0001/sub']));
    // Primed at once from the last IDR (the engine caches it for consumers that connect later).
    const primed = pushed.get('CAM-0001/sub') ?? 0;
    expect(primed).toBeGreaterThan(0);
    s.time.advance(1000);
    const second = (pushed.get('CAM-0001/sub') ?? 0) - primed;
    expect(second).toBeGreaterThanOrEqual(25); // 25 pictures a second, at least a packet each
    expect(s.rtc.stats()).toEqual({ streams: 1, feeding: 1, ticking: true });
    expect(s.rtc.viewers('CAM-0001', 'sub').sort()).toEqual(['c1', 'c2']);

    s.rtc.release('c1', 'CAM-0001', 'sub');
    s.time.advance(1000);
    expect(s.rtc.stats().feeding).toBe(1);
    s.rtc.releaseAll('c2');
    const atRelease = pushed.get('CAM-0001/sub');
    s.time.advance(IDLE_MS - 1);
    // Nobody watches: no pictures and no timer, but the producer waits out the idle time.
    expect(pushed.get('CAM-0001/sub')).toBe(atRelease);
    expect(s.rtc.stats()).toEqual({ streams: 1, feeding: 0, ticking: false });
    expect(open.has('CAM-0001/sub')).toBe(true);
    // Back within the idle time: the same producer, fed again.
    await s.rtc.open('c3', 'CAM-0001', 'sub', demo01);
    s.time.advance(2000);
    expect(pushed.get('CAM-0001/sub')).toBeGreaterThan(atRelease!);
    s.rtc.release('c3', 'CAM-0001', 'sub');
    s.time.advance(IDLE_MS);
    expect(open.size).toBe(0);
    expect(s.rtc.stats()).toEqual({ streams: 0, feeding: 0, ticking: false });
    s.rtc.close();
  });

  it('follows the demo stream control: no RTP while stopped, a fresh IDR when it is back', async () => {
    const { engine, pushed } = recordingEngine();
    const { rtc, media, time } = setup(engine);
    await rtc.open('c1', 'CAM-0007', 'main', { key: 'demo07', stream: 'main' });
    await rtc.open('c1', 'CAM-0008', 'main', { key: 'demo08', stream: 'main' });
    time.advance(1000);
    media.stop('demo07');
    const stopped = pushed.get('CAM-0007/main');
    const other = pushed.get('CAM-0008/main')!;
    time.advance(3000);
    expect(pushed.get('CAM-0007/main')).toBe(stopped);
    expect(pushed.get('CAM-0008/main')).toBeGreaterThan(other);
    expect(rtc.stats().feeding).toBe(1);
    media.start('demo07');
    expect(pushed.get('CAM-0007/main')).toBeGreaterThan(stopped!);
    expect(rtc.stats().feeding).toBe(2);
    rtc.close();
    expect(rtc.stats()).toEqual({ streams: 0, feeding: 0, ticking: false });
  });

  it('holds nothing for an unknown demo stream, and forgets an edited camera', async () => {
    const { engine, open } = recordingEngine();
    const { rtc } = setup(engine);
    expect(await rtc.open('c1', 'CAM-0099', 'main', { key: 'broken', stream: 'main' })).toBe(false);
    expect(rtc.viewers('CAM-0099', 'main')).toEqual([]);
    await rtc.open('c1', 'CAM-0002', 'main', { key: 'demo02', stream: 'main' });
    // The camera now plays another demo stream: a new feed for the same producer key, viewers kept.
    await rtc.open('c2', 'CAM-0002', 'main', { key: 'demo03', stream: 'main' });
    expect(rtc.viewers('CAM-0002', 'main').sort()).toEqual(['c1', 'c2']);
    rtc.forget('CAM-0002');
    expect(open.size).toBe(0);
    expect(rtc.viewers('CAM-0002', 'main')).toEqual([]);
    rtc.close();
  });
});

describe('demo cameras in the hub over WebRTC', () => {
  let hub: Hub | undefined;
  let engine: EmbeddedEngine | undefined;
  afterEach(async () => {
    hub?.close();
    await engine?.close();
    hub = undefined;
  });

  it('a consume sent right behind media.open waits for the open; without one the stream has no producer', async () => {
    const real = new EmbeddedEngine({ livenessIntervalMs: 0 });
    engine = real;
    // A producer made a turn of the event loop later (as an RTSP ingest's is, after its socket binds).
    const slow: MediaEngine = Object.assign(Object.create(real) as EmbeddedEngine, {
      packetProducer: (key: string) =>
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => real.packetProducer(key)),
    });
    hub = await demoHub({ demoMedia: loadDemoMedia(CLIPS, { control: true }), engine: slow });
    const monitor = await signedIn(hub, 'monitor');
    const { rows } = await ok(hub, monitor, 'cameras.list', { filter: {}, limit: 1000 });
    const camera = rows.find((c) => c.mainUrl.startsWith('/media/demo/demo05/'))!;
    const other = rows.find((c) => c.mainUrl.startsWith('/media/demo/demo06/'))!;
    const transport = await ok(hub, monitor, 'media.rtc.createTransport', {});
    const rtpCapabilities = {
      codecs: [
        {
          kind: 'video',
          mimeType: 'video/H264',
          preferredPayloadType: 102,
          clockRate: 90000,
          parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f' },
        },
      ],
      headerExtensions: [],
    };
    const consume = (cameraId: string) =>
      call(hub!, monitor, 'media.rtc.consume', {
        transportId: transport.id,
        cameraId,
        stream: 'sub',
        rtpCapabilities,
        paused: true,
      });
    // Both sent at once, as a console on an open wall does (rtc-choice.ts consumeEarly).
    const [opened, consumed] = await Promise.all([
      call(hub, monitor, 'media.open', { cameraId: camera.id, stream: 'sub' }),
      consume(camera.id),
    ]);
    expect(opened).toMatchObject({ ok: true, value: { webrtc: true } });
    expect(consumed).toMatchObject({ ok: true, value: { kind: 'video' } });
    // Nobody opened the other stream: nothing to consume, and the answer says so.
    expect(await consume(other.id)).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });

  it('answers WebRTC for a demo camera, makes its producer, and tells its viewers when it stops', async () => {
    engine = new EmbeddedEngine({ livenessIntervalMs: 0 });
    const media = loadDemoMedia(CLIPS, { control: true });
    hub = await demoHub({ demoMedia: media, engine });
    const monitor = await signedIn(hub, 'monitor');
    const { rows } = await ok(hub, monitor, 'cameras.list', { filter: {}, limit: 1000 });
    const camera = rows.find((c) => c.mainUrl.startsWith('/media/demo/demo04/'))!;
    const opened = await ok(hub, monitor, 'media.open', { cameraId: camera.id, stream: 'sub' });
    expect(opened).toMatchObject({ webrtc: true, state: { state: 'live', codec: 'h264' } });
    expect(engine.stats().producers).toBe(1);
    expect(engine.stats().cachedBytes).toBeGreaterThan(0); // primed with the last IDR
    // The broken camera has no stream to send.
    const broken = rows.find((c) => c.mainUrl.includes('/broken/'))!;
    expect((await ok(hub, monitor, 'media.open', { cameraId: broken.id, stream: 'main' })).webrtc).toBe(false);

    const chief = await signedIn(hub, 'chief');
    monitor.events.length = 0;
    await ok(hub, chief, 'demo.setRunning', { cameraId: camera.id, running: false });
    expect(monitor.events).toContainEqual({
      event: 'media.state',
      payload: {
        cameraId: camera.id,
        stream: 'sub',
        state: 'offline',
        reason: 'ended',
        codec: 'h264',
        transcoded: false,
      },
    });
    expect(chief.events.some((e) => e.event === 'media.state')).toBe(false);
    await ok(hub, chief, 'demo.setRunning', { cameraId: camera.id, running: true });
    expect(monitor.events).toContainEqual({
      event: 'media.state',
      payload: { cameraId: camera.id, stream: 'sub', state: 'live', reason: null, codec: 'h264', transcoded: false },
    });
    await ok(hub, monitor, 'media.release', { cameraId: camera.id, stream: 'sub' });
  });

  it('sends each stream at a phase of its own within a picture time, not all in the same tick', async () => {
    let now = (): number => 0;
    const phases = new Map<string, Set<number>>();
    const { engine } = recordingEngine((key) => {
      const set = phases.get(key) ?? new Set<number>();
      set.add(now() % 40);
      phases.set(key, set);
    });
    const s = setup(engine);
    now = () => s.time.now();
    s.time.advance(5000);
    for (let i = 1; i <= 9; i++) {
      const key = `demo0${i}`;
      expect(await s.rtc.open('c1', `CAM-000${i}`, 'sub', { key, stream: 'sub' })).toBe(true);
    }
    phases.clear(); // the priming burst is sent at once; the steady state is what spreads
    s.time.advance(2000);
    expect(phases.size).toBe(9);
    // Each stream keeps one phase (10-ms ticks: at most two neighbouring ones), and the nine are spread.
    const firsts = [...phases.values()].map((set) => Math.min(...set));
    for (const set of phases.values()) expect(set.size).toBeLessThanOrEqual(2);
    expect(new Set(firsts).size).toBeGreaterThanOrEqual(3);
    s.rtc.close();
  });
});
