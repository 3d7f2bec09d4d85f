import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../main/media/engine/index';
import { MediasoupEngine } from '../../main/media/engine/mediasoup/engine';
import type { RtcNetwork } from '../../main/media/engine/rtc-network';
import type { Json, MediaEngine } from '../../main/media/engine/types';
import { FakeMediasoup, FakePlainTransport, FakeWebRtcTransport, type FakeRouter } from '../helpers/fake-mediasoup';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-mediasoup-'));
const WORKER_BIN = path.join(tmp, 'mediasoup-worker');
fs.writeFileSync(WORKER_BIN, '');
const ENV = { MEDIASOUP_WORKER_BIN: WORKER_BIN };
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What mediasoup-client's Device sends as rtpCapabilities (H.264 Constrained Baseline). */
const DEVICE: Json = {
  codecs: [
    {
      kind: 'video',
      mimeType: 'video/H264',
      clockRate: 90000,
      preferredPayloadType: 102,
      parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
    },
  ],
  headerExtensions: [],
};
const DTLS: Json = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AA:BB' }] };

let engine: MediaEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function start(
  workers: number,
  network?: RtcNetwork,
): Promise<{ ms: FakeMediasoup; engine: MediasoupEngine; log: string[] }> {
  const ms = new FakeMediasoup();
  const log: string[] = [];
  const choice = await createEngine(
    {
      workers,
      loadMediasoup: () => ms,
      log: (line) => log.push(line),
      ...(network ? { network } : {}),
    },
    ENV,
  );
  engine = choice.engine;
  if (!(choice.engine instanceof MediasoupEngine)) throw new Error(`not mediasoup: ${choice.reason}`);
  return { ms, engine: choice.engine, log };
}

const routerOf = (ms: FakeMediasoup, worker: number): FakeRouter => {
  const router = ms.workers[worker]?.routers[0];
  if (!router) throw new Error(`no router on worker ${worker}`);
  return router;
};
const plainTransports = (router: FakeRouter) => router.transports.filter((t) => t instanceof FakePlainTransport);
const webRtcTransports = (router: FakeRouter) => router.transports.filter((t) => t instanceof FakeWebRtcTransport);

/** An RTP packet as ffmpeg sends it (its own payload type and SSRC), with a marker bit. */
function rtp(seq: number, payloadType = 33, ssrc = 0x1234): Buffer {
  const b = Buffer.alloc(16);
  b[0] = 0x80;
  b[1] = 0x80 | payloadType;
  b.writeUInt16BE(seq, 2);
  b.writeUInt32BE(ssrc, 8);
  return b;
}

async function sendFrom(port: number, packet: Buffer): Promise<void> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.send(packet, port, '127.0.0.1', () => resolve()));
  await new Promise<void>((resolve) => socket.close(() => resolve()));
}

describe('mediasoup engine (against a test double of the mediasoup module)', () => {
  it('starts a worker per core with a router each, H.264 codecs as the embedded engine offers', async () => {
    const { ms, engine: e } = await start(os.availableParallelism());
    expect(ms.workers).toHaveLength(os.availableParallelism());
    for (const worker of ms.workers) {
      expect(worker.settings).toEqual({ logLevel: 'warn' });
      expect(worker.routers).toHaveLength(1);
      expect(worker.routers[0]?.mediaCodecs.map((c) => [c['kind'], c['mimeType'], c['clockRate']])).toEqual([
        ['video', 'video/H264', 90000],
        ['video', 'video/H264', 90000],
        ['video', 'video/H264', 90000],
      ]);
    }
    expect(e.kind).toBe('mediasoup');
    expect(e.routerRtpCapabilities()).toEqual(routerOf(ms, 0).rtpCapabilities);
    expect(e.stats()).toEqual({ workers: os.availableParallelism(), producers: 0, transports: 0, consumers: 0 });
  });

  it('says why: mediasoup with its version and workers; the embedded engine when the workers do not start', async () => {
    const ms = new FakeMediasoup();
    const picked = await createEngine({ workers: 2, loadMediasoup: () => ms }, ENV);
    expect(picked.reason).toBe(`mediasoup 3.99.0-double: 2 worker(s), MEDIASOUP_WORKER_BIN=${WORKER_BIN}`);
    await picked.engine.close();
    expect(ms.workers.every((w) => w.closed)).toBe(true);

    const broken = new FakeMediasoup();
    broken.failWith = new Error('spawn EACCES');
    const fallback = await createEngine({ workers: 2, loadMediasoup: () => broken }, ENV);
    engine = fallback.engine;
    expect(fallback.engine.kind).toBe('embedded');
    expect(fallback.reason).toMatch(
      /^embedded \(werift\): a mediasoup worker exists .* but mediasoup did not start — spawn EACCES$/,
    );

    const missing = await createEngine(
      {
        loadMediasoup: () => {
          throw new Error("Cannot find module 'mediasoup'");
        },
      },
      ENV,
    );
    await missing.engine.close();
    expect(missing.reason).toMatch(/did not start — Cannot find module 'mediasoup'$/);
  });

  it('makes one PlainTransport per stream (127.0.0.1, rtcp-mux, comedia), spread over the routers', async () => {
    const { ms, engine: e } = await start(2);
    const [a, again] = await Promise.all([e.rtpProducer('cam-1/sub'), e.rtpProducer('cam-1/sub')]);
    expect(again).toEqual(a);
    const b = await e.rtpProducer('cam-2/sub');
    expect(b.port).not.toBe(a.port);
    const [first] = plainTransports(routerOf(ms, 0));
    const [second] = plainTransports(routerOf(ms, 1));
    expect(plainTransports(routerOf(ms, 0))).toHaveLength(1);
    expect(plainTransports(routerOf(ms, 1))).toHaveLength(1);
    expect(first?.options).toEqual({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: true });
    // The producer expects exactly what the ingest is told to send.
    const params = first?.producers[0]?.rtpParameters as { codecs: Json[]; encodings: Json[] };
    expect(params.codecs[0]).toMatchObject({
      mimeType: 'video/H264',
      payloadType: a.payloadType,
      clockRate: 90000,
      parameters: { 'packetization-mode': 1 },
    });
    expect(params.encodings).toEqual([{ ssrc: a.ssrc }]);
    expect(a.producerId).toBe(first?.producers[0]?.id);
    expect(b.producerId).toBe(second?.producers[0]?.id);

    // RTP to the ingest port reaches the PlainTransport with the producer's payload type and SSRC,
    // from one source port even when the sender changes (an ffmpeg restart): comedia keeps working.
    await sendFrom(a.port, rtp(1));
    await sendFrom(a.port, rtp(2, 97, 0x9999));
    await vi.waitFor(() => expect(first?.received).toHaveLength(2));
    const received = first?.received ?? [];
    expect(new Set(received.map(([port]) => port)).size).toBe(1);
    for (const [, packet] of received) {
      expect(packet[1]).toBe(0x80 | a.payloadType);
      expect(packet.readUInt32BE(8)).toBe(a.ssrc);
    }
    // RTCP (ffmpeg's sender reports) passes unchanged.
    const report = Buffer.from([0x80, 200, 0, 6, 0, 0, 0x12, 0x34, 1, 2, 3, 4, 5, 6, 7, 8]);
    await sendFrom(a.port, report);
    await vi.waitFor(() => expect(first?.received).toHaveLength(3));
    expect(first?.received[2]?.[1]).toEqual(report);
    // The demo clips' packets go the same way.
    const fed = await e.packetProducer('cam-1/sub');
    expect(fed.producerId).toBe(a.producerId);
    fed.push(rtp(3));
    await vi.waitFor(() => expect(first?.received).toHaveLength(4));
  });

  it('gives each console window a WebRtcTransport on the least-loaded router, with the network settings', async () => {
    const network: RtcNetwork = {
      portRange: [40000, 40199],
      announcedAddresses: ['203.0.113.7', '10.0.0.5'],
      tcp: true,
    };
    const { ms, engine: e } = await start(2, network);
    const tA = await e.createTransport('A');
    const tB = await e.createTransport('B');
    const tC = await e.createTransport('C');
    expect(webRtcTransports(routerOf(ms, 0)).map((t) => t.id)).toEqual([tA.id, tC.id]);
    expect(webRtcTransports(routerOf(ms, 1)).map((t) => t.id)).toEqual([tB.id]);
    const made = webRtcTransports(routerOf(ms, 0))[0];
    const range = { min: 40000, max: 40199 };
    expect(made?.options).toEqual({
      listenInfos: [
        { protocol: 'udp', ip: '0.0.0.0', announcedAddress: '203.0.113.7', portRange: range },
        { protocol: 'udp', ip: '0.0.0.0', announcedAddress: '10.0.0.5', portRange: range },
        { protocol: 'tcp', ip: '0.0.0.0', announcedAddress: '203.0.113.7', portRange: range },
        { protocol: 'tcp', ip: '0.0.0.0', announcedAddress: '10.0.0.5', portRange: range },
      ],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
    });
    // mediasoup's own parameters, as mediasoup-client's createRecvTransport takes them.
    expect(tA).toEqual({
      id: made?.id,
      iceParameters: made?.iceParameters,
      iceCandidates: made?.iceCandidates,
      dtlsParameters: made?.dtlsParameters,
    });
    expect(tA.iceCandidates.map((c) => c['address'])).toEqual(['203.0.113.7', '10.0.0.5', '203.0.113.7', '10.0.0.5']);

    await e.connectTransport('A', tA.id, DTLS);
    expect(made?.connectedWith).toEqual(DTLS);
    await expect(e.connectTransport('A', tA.id, { role: 'client', fingerprints: [] })).rejects.toMatchObject({
      code: 'E_INVALID',
    });
  });

  it('pipes a producer into a consumer’s router once when the two differ; none when they match', async () => {
    const { ms, engine: e } = await start(2);
    const ingest = await e.rtpProducer('cam-1/main'); // router 0
    const tA = await e.createTransport('A'); // router 0 (no transports yet anywhere)
    const tB = await e.createTransport('B'); // router 1
    const cA = await e.consume('A', tA.id, 'cam-1/main', DEVICE);
    expect(routerOf(ms, 0).pipeCalls).toEqual([]);
    const [cB1, cB2] = await Promise.all([
      e.consume('B', tB.id, 'cam-1/main', DEVICE),
      e.consume('B', tB.id, 'cam-1/main', DEVICE),
    ]);
    expect(routerOf(ms, 0).pipeCalls).toEqual([{ producerId: ingest.producerId, router: routerOf(ms, 1) }]);
    for (const c of [cA, cB1, cB2]) {
      expect(c).toMatchObject({
        producerId: ingest.producerId,
        kind: 'video',
      });
      expect(typeof c.rtpParameters['mid']).toBe('string');
    }
    expect(new Set([cA.id, cB1.id, cB2.id]).size).toBe(3);
    expect(e.stats()).toMatchObject({ producers: 1, transports: 2, consumers: 3 });
  });

  it('maps pause, resume and close; another owner’s ids and unknown streams read as not found', async () => {
    const { ms, engine: e } = await start(1);
    await e.rtpProducer('cam-1/sub');
    const t = await e.createTransport('A');
    const c = await e.consume('A', t.id, 'cam-1/sub', DEVICE);
    const consumer = webRtcTransports(routerOf(ms, 0))[0]?.consumers[0];

    await expect(e.consume('B', t.id, 'cam-1/sub', DEVICE)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(e.consume('A', t.id, 'nope/sub', DEVICE)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(e.consume('A', 'no-such-transport', 'cam-1/sub', DEVICE)).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    await expect(e.connectTransport('B', t.id, DTLS)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(e.pauseConsumer('B', c.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(e.resumeConsumer('B', c.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(() => e.closeConsumer('B', c.id)).toThrow(expect.objectContaining({ code: 'E_NOT_FOUND' }));
    await expect(e.consume('A', t.id, 'cam-1/sub', { codecs: [] })).rejects.toMatchObject({ code: 'E_INVALID' });
    expect(consumer?.calls).toEqual([]);

    await e.pauseConsumer('A', c.id);
    await e.resumeConsumer('A', c.id);
    e.closeConsumer('A', c.id);
    expect(consumer?.calls).toEqual(['pause', 'resume', 'close']);
    await expect(e.pauseConsumer('A', c.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });

    // closeOwner: the window's transports and consumers go; closeProducer: its consumers go.
    const t2 = await e.createTransport('A');
    await e.consume('A', t2.id, 'cam-1/sub', DEVICE);
    const tB = await e.createTransport('B');
    await e.consume('B', tB.id, 'cam-1/sub', DEVICE);
    e.closeOwner('A');
    expect(webRtcTransports(routerOf(ms, 0)).filter((x) => !x.closed)).toHaveLength(1);
    expect(e.stats()).toMatchObject({ transports: 1, consumers: 1 });
    e.closeProducer('cam-1/sub');
    await vi.waitFor(() => expect(e.stats()).toMatchObject({ producers: 0, transports: 1, consumers: 0 }));
    expect(plainTransports(routerOf(ms, 0))[0]?.closed).toBe(true);

    await e.close();
    await expect(e.createTransport('A')).rejects.toMatchObject({ code: 'E_CONFLICT' });
    await expect(e.rtpProducer('cam-1/sub')).rejects.toMatchObject({ code: 'E_CONFLICT' });
    expect(ms.workers.every((w) => w.closed)).toBe(true);
  });

  it('bounds the transports one connection holds, as the embedded engine does', async () => {
    const { engine: e } = await start(2);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await e.createTransport('A'));
    expect(e.stats().transports).toBe(4);
    await expect(e.connectTransport('A', made[0]?.id ?? '', DTLS)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(e.connectTransport('A', made[4]?.id ?? '', DTLS)).resolves.toBeUndefined();
  });

  it('survives a worker’s death: its transports close, its producers move, the worker restarts', async () => {
    const ms = new FakeMediasoup();
    const log: string[] = [];
    const e = await MediasoupEngine.start(ms, { workers: 2, log: (l) => log.push(l), restartDelayMs: 0 });
    engine = e;
    const ingest = await e.rtpProducer('cam-1/main'); // router 0
    const tA = await e.createTransport('A'); // router 0
    const tB = await e.createTransport('B'); // router 1
    await e.consume('A', tA.id, 'cam-1/main', DEVICE);
    const piped = await e.consume('B', tB.id, 'cam-1/main', DEVICE);
    const dead = ms.workers[0];
    const deadTransport = webRtcTransports(routerOf(ms, 0))[0];

    dead?.die();
    expect(log[0]).toMatch(
      /^mediasoup worker 0 \(pid \d+\) died: worker process \d+ exited with signal SIGSEGV; restarting it$/,
    );
    // The dead router's console transport is gone (the window's tiles reconnect); the consumer fed
    // through the pipe from the dead router is gone too.
    expect(deadTransport?.closed).toBe(true);
    await expect(e.connectTransport('A', tA.id, DTLS)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(e.pauseConsumer('B', piped.id)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(e.stats()).toMatchObject({ transports: 1, consumers: 0 });

    // The stream moved to the live router at once, on the same ingest port.
    await vi.waitFor(() => expect(plainTransports(routerOf(ms, 1))).toHaveLength(1));
    const moved = plainTransports(routerOf(ms, 1))[0];
    await sendFrom(ingest.port, rtp(7));
    await vi.waitFor(() => expect(moved?.received).toHaveLength(1));
    const again = await e.consume('B', tB.id, 'cam-1/main', DEVICE);
    expect(again.producerId).toBe(moved?.producers[0]?.id);

    // A new worker (and router) takes the dead one's place, and takes new windows.
    await vi.waitFor(() => expect(e.stats().workers).toBe(2));
    expect(ms.workers).toHaveLength(3);
    expect(log[1]).toMatch(/^mediasoup worker 0 restarted \(pid \d+\)$/);
    const tA2 = await e.createTransport('A');
    expect(webRtcTransports(routerOf(ms, 2)).map((t) => t.id)).toEqual([tA2.id]);
    // Consuming there pipes from the producer's new router.
    await e.consume('A', tA2.id, 'cam-1/main', DEVICE);
    expect(routerOf(ms, 1).pipeCalls.map((c) => c.router)).toEqual([routerOf(ms, 2)]);
  });

  it('keeps a stream waiting when every worker is dead, and places it when one returns', async () => {
    const ms = new FakeMediasoup();
    const e = await MediasoupEngine.start(ms, { workers: 1, restartDelayMs: 0 });
    engine = e;
    const ingest = await e.rtpProducer('cam-1/sub');
    ms.workers[0]?.die();
    const t = await vi.waitFor(() => e.createTransport('A'));
    await vi.waitFor(() => expect(plainTransports(routerOf(ms, 1))).toHaveLength(1));
    await expect(e.consume('A', t.id, 'cam-1/sub', DEVICE)).resolves.toMatchObject({ kind: 'video' });
    expect((await e.rtpProducer('cam-1/sub')).port).toBe(ingest.port);
  });
});
