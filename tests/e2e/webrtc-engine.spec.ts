import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { EmbeddedEngine } from '../../main/media/engine/embedded/engine';
import { createEngine, findMediasoupWorker } from '../../main/media/engine/index';
import { MediasoupEngine } from '../../main/media/engine/mediasoup/engine';
import type { Json, MediaEngine } from '../../main/media/engine/types';

/**
 * Both WebRTC engines against a real browser: ffmpeg sends H.264 as RTP to the engine's ingest
 * port (copied, never re-encoded, like a camera's ingest), and an unmodified mediasoup-client in
 * Chromium plays it. The mediasoup run needs a worker (the mediasoup package with its built worker,
 * or MEDIASOUP_WORKER_BIN) and is skipped with the reason where there is none. Prints the time to
 * first frame and the engine's CPU; asserts only that frames advance, that pause/resume work and
 * that closing frees everything.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OWNER = 'page-1';

let server: http.Server | undefined;
let pageUrl: string | undefined;
const ffmpegs: ChildProcess[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'webrtc-engine-'));

test.afterAll(async () => {
  for (const child of ffmpegs) child.kill('SIGKILL');
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function servePage(): Promise<string> {
  if (pageUrl) return pageUrl;
  const bundle = await build({
    entryPoints: [path.join(root, 'tests/e2e/webrtc/engine-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const html = `<!doctype html><meta charset="utf-8"><video muted playsinline autoplay width="640"></video><script>${script}</script>`;
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return pageUrl;
}

/** Loops an MPEG-TS file (SPS/PPS in-band before each IDR, as a camera sends) into the ingest port as RTP. */
function feed(tsFile: string, port: number, payloadType: number, ssrc: number): void {
  const rtp = ['-f', 'rtp', '-payload_type', String(payloadType), '-ssrc', String(ssrc | 0)];
  const url = `rtp://127.0.0.1:${port}?pkt_size=1200&rtcpport=${port}`;
  const args = ['-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', tsFile, '-an', '-c:v', 'copy', ...rtp, url];
  ffmpegs.push(spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'inherit'] }));
}

/** `tcpOnly`: the page gets only the transport's TCP candidates (a network that drops UDP). */
async function signalling(page: Page, engine: MediaEngine, tcpOnly = false): Promise<void> {
  await page.exposeFunction('signal', async (method: string, params: Json): Promise<unknown> => {
    const id = String(params['transportId'] ?? params['consumerId']);
    switch (method) {
      case 'capabilities':
        return engine.routerRtpCapabilities();
      case 'createTransport': {
        const transport = await engine.createTransport(OWNER);
        if (!tcpOnly) return transport;
        return { ...transport, iceCandidates: transport.iceCandidates.filter((c) => c['protocol'] === 'tcp') };
      }
      case 'connect':
        return engine.connectTransport(OWNER, id, params['dtlsParameters'] as Json);
      case 'consume':
        return engine.consume(OWNER, id, String(params['producerKey']), params['rtpCapabilities'] as Json);
      case 'pause':
        return engine.pauseConsumer(OWNER, id);
      case 'resume':
        return engine.resumeConsumer(OWNER, id);
      default:
        throw new Error(`unknown method ${method}`);
    }
  });
}

const frames = (page: Page): Promise<number | string> =>
  page.evaluate(() => window.player.error ?? window.player.frames);

/** The demo clip (an MP4: SPS/PPS only in avcC) as MPEG-TS, which puts them in-band and loops cleanly. */
function demoClip(camera = 'demo01'): string {
  const out = path.join(tmp, `${camera}-sub.ts`);
  const clip = path.join(root, `resources/demo-clips/${camera}/sub.mp4`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', clip, '-an', '-c:v', 'copy', '-f', 'mpegts', out]);
  return out;
}

/** A camera-like main stream: 1080p, 25 fps, High profile, about 4 Mbit/s, one IDR a second (5 s, looped). */
function mainStreamClip(): string {
  const out = path.join(tmp, 'main-1080p.ts');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25:duration=5'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-g', '25'],
    ...['-b:v', '4M', '-maxrate', '4M', '-bufsize', '2M', '-f', 'mpegts', out],
  ]);
  return out;
}

const mediasoupWorker = findMediasoupWorker();

/**
 * The engine under test. A browser that goes away without a word is noticed by its consent checks
 * stopping: the embedded engine is told to notice within seconds, mediasoup takes its own 30 s.
 */
async function makeEngine(kind: 'embedded' | 'mediasoup'): Promise<EmbeddedEngine | MediasoupEngine> {
  if (kind === 'embedded') return new EmbeddedEngine({ idleTransportMs: 6_000, livenessIntervalMs: 500 });
  const { engine, reason } = await createEngine({ workers: 2 });
  if (!(engine instanceof MediasoupEngine)) {
    await engine.close();
    throw new Error(`mediasoup did not start: ${reason}`);
  }
  return engine;
}

for (const kind of ['embedded', 'mediasoup'] as const) {
  for (const stream of [
    { name: 'demo clip 640×360', key: 'demo01/sub', clip: () => demoClip() },
    { name: 'camera-like 1080p 4 Mbit/s', key: 'bench/main', clip: mainStreamClip },
  ]) {
    test(`mediasoup-client in Chromium plays H.264 RTP through the ${kind} engine (${stream.name})`, async ({
      page,
    }) => {
      if (kind === 'mediasoup' && !mediasoupWorker.bin) {
        console.log(`[webrtc-engine] mediasoup engine skipped: ${mediasoupWorker.reason}`);
      }
      test.skip(kind === 'mediasoup' && !mediasoupWorker.bin, `no mediasoup worker: ${mediasoupWorker.reason}`);
      test.setTimeout(kind === 'mediasoup' ? 120_000 : 90_000);
      const engine = await makeEngine(kind);
      try {
        const ingest = await engine.rtpProducer(stream.key);
        feed(stream.clip(), ingest.port, ingest.payloadType, ingest.ssrc);
        // The embedded producer holds a keyframe before the browser asks, as a running ingest would.
        if (engine instanceof EmbeddedEngine) {
          await expect.poll(() => engine.stats().cachedBytes, { timeout: 10_000 }).toBeGreaterThan(0);
        }

        await signalling(page, engine);
        await page.goto(await servePage());
        await page.evaluate((key) => window.startPlayer(key), stream.key);
        await expect.poll(() => frames(page), { timeout: 15_000 }).toBeGreaterThan(30);
        const t1 = await page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
        await expect
          .poll(() => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0))
          .toBeGreaterThan(t1 + 1);
        const player = await page.evaluate(() => window.player);
        expect(player.error).toBeUndefined();

        // The engine's CPU for one stream while the page shows 100 more frames, ~4 s (this process
        // runs nothing else meanwhile).
        const cpuStart = process.cpuUsage();
        const wallStart = performance.now();
        const framesBefore = await page.evaluate(() => window.player.frames);
        await expect
          .poll(() => frames(page), { timeout: 15_000, intervals: [250] })
          .toBeGreaterThanOrEqual(framesBefore + 100);
        const cpu = process.cpuUsage(cpuStart);
        const wallMs = performance.now() - wallStart;
        const cpuPercent = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
        const fps = ((await page.evaluate(() => window.player.frames)) - framesBefore) / (wallMs / 1000);
        const inbound = await page.evaluate(() => window.inboundStats());

        // Paused: nothing more is sent. Resumed: playback restarts from the cached keyframe.
        await page.evaluate(() => window.setPaused(true));
        const [consumer] = [...(engine as unknown as { consumers: Map<string, unknown> }).consumers.keys()];
        const sent = (): number =>
          engine instanceof EmbeddedEngine ? engine.consumerStats(OWNER, consumer ?? '').packetsSent : 0;
        const sentAtPause = sent();
        const framesAtPause = await page.evaluate(() => window.player.frames);
        await page.evaluate(() => window.setPaused(false));
        await expect.poll(() => frames(page), { timeout: 15_000 }).toBeGreaterThan(framesAtPause + 25);
        if (engine instanceof EmbeddedEngine) expect(sent()).toBeGreaterThan(sentAtPause);

        // Two more tiles on the same transport (no renegotiation on the engine's side): another
        // consumer of the same producer and, for the demo, a second camera.
        const second = stream.key === 'demo01/sub' ? 'demo02/sub' : stream.key;
        if (second !== stream.key) {
          const other = await engine.rtpProducer(second);
          feed(demoClip('demo02'), other.port, other.payloadType, other.ssrc);
        }
        await page.evaluate((key) => window.addTile(key), stream.key);
        await page.evaluate((key) => window.addTile(key), second);
        await expect
          .poll(
            () => page.evaluate(() => Math.min(...window.tileFrames, window.tileFrames.length === 2 ? Infinity : 0)),
            {
              timeout: 15_000,
            },
          )
          .toBeGreaterThan(25);
        expect(engine.stats().consumers).toBe(3);

        console.log(
          `[webrtc-engine] ${kind} ${stream.name}: first frame ${Math.round(player.firstFrameMs ?? -1)} ms after the page started ` +
            `(Device.load, transport, consume answered at ${Math.round(player.consumeMs ?? -1)} ms); ` +
            `test process CPU ${cpuPercent.toFixed(1)} % of one core with the engine (ingest + 1 consumer); ` +
            `${fps.toFixed(1)} fps shown; browser ${JSON.stringify(inbound)}`,
        );

        // The page goes; nobody calls closeOwner: the silent transport and its consumers are freed.
        await page.close();
        await expect
          .poll(() => engine.stats(), { timeout: kind === 'mediasoup' ? 45_000 : 20_000 })
          .toMatchObject({ transports: 0, consumers: 0 });
        engine.closeProducer(stream.key);
        engine.closeProducer(second);
        await expect.poll(() => engine.stats()).toMatchObject({ producers: 0, transports: 0, consumers: 0 });
      } finally {
        await engine.close();
      }
    });
  }
}

test('the embedded engine plays over ICE-TCP alone, on a port from the configured range', async ({ page }) => {
  test.setTimeout(90_000);
  // A console on a network that drops UDP: the page is handed only the TCP candidate.
  const range: [number, number] = [46100, 46139];
  const engine = new EmbeddedEngine({ portRange: range, announcedAddresses: ['127.0.0.1'], tcp: true });
  try {
    const ingest = await engine.rtpProducer('demo03/sub');
    feed(demoClip('demo03'), ingest.port, ingest.payloadType, ingest.ssrc);
    await expect.poll(() => engine.stats().cachedBytes, { timeout: 10_000 }).toBeGreaterThan(0);
    await signalling(page, engine, true);
    await page.goto(await servePage());
    await page.evaluate(() => window.startPlayer('demo03/sub'));
    await expect.poll(() => frames(page), { timeout: 20_000 }).toBeGreaterThan(30);
    const player = await page.evaluate(() => window.player);
    expect(player.error).toBeUndefined();
    const pair = await page.evaluate(() => window.selectedPair());
    expect(pair).toMatchObject({ protocol: 'tcp' });
    const port = pair?.port ?? -1;
    expect(port).toBeGreaterThanOrEqual(range[0]);
    expect(port).toBeLessThanOrEqual(range[1]);
    console.log(
      `[webrtc-engine] ICE-TCP only: first frame ${Math.round(player.firstFrameMs ?? -1)} ms, hub port ${port} (range ${range.join('-')})`,
    );
  } finally {
    await engine.close();
  }
});
