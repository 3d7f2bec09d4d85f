import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { EmbeddedEngine } from '../../main/media/engine/embedded/engine';
import type { Json } from '../../main/media/engine/types';

/**
 * The embedded WebRTC engine against a real browser: ffmpeg sends a demo clip's H.264 as RTP to
 * the engine's ingest port (copied, like a camera's ingest), and an unmodified mediasoup-client
 * in Chromium plays it. Prints the time to first frame and the engine's CPU; asserts only that
 * frames advance and that closing frees everything.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIP = path.join(root, 'resources/demo-clips/demo01/sub.mp4');
const OWNER = 'page-1';
const KEY = 'demo01/sub';

let server: http.Server | undefined;
let ffmpeg: ChildProcess | undefined;
const engine = new EmbeddedEngine();

test.afterAll(async () => {
  ffmpeg?.kill('SIGKILL');
  await engine.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function servePage(): Promise<string> {
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
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

test('mediasoup-client in Chromium plays H.264 RTP through the embedded engine', async ({ page }) => {
  test.setTimeout(60_000);
  const ingest = await engine.rtpProducer(KEY);
  // An MPEG-TS copy of the clip: SPS/PPS in-band before each IDR (an MP4 keeps them in avcC only,
  // like a camera that sends them only in its SDP), and it loops cleanly (h264_mp4toannexb on a
  // looping MP4 stops at the first loop).
  const tsClip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'webrtc-engine-')), 'clip.ts');
  execFileSync('ffmpeg', ['-v', 'error', '-i', CLIP, '-an', '-c:v', 'copy', '-f', 'mpegts', tsClip]);
  const rtpUrl = `rtp://127.0.0.1:${ingest.port}?pkt_size=1200&rtcpport=${ingest.port}`;
  const rtpArgs = ['-f', 'rtp', '-payload_type', String(ingest.payloadType), '-ssrc', String(ingest.ssrc | 0), rtpUrl];
  ffmpeg = spawn(
    'ffmpeg',
    ['-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', tsClip, '-an', '-c:v', 'copy', ...rtpArgs],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  // The producer holds a keyframe before the browser asks, as a running ingest would.
  await expect.poll(() => engine.stats().cachedBytes, { timeout: 10_000 }).toBeGreaterThan(0);

  await page.exposeFunction('signal', async (method: string, params: Json): Promise<unknown> => {
    switch (method) {
      case 'capabilities':
        return engine.routerRtpCapabilities();
      case 'createTransport':
        return engine.createTransport(OWNER);
      case 'connect':
        return engine.connectTransport(OWNER, String(params['transportId']), params['dtlsParameters'] as Json);
      case 'consume':
        return engine.consume(
          OWNER,
          String(params['transportId']),
          String(params['producerKey']),
          params['rtpCapabilities'] as Json,
        );
      default:
        throw new Error(`unknown method ${method}`);
    }
  });
  await page.goto(await servePage());
  await page.evaluate((key) => window.startPlayer(key), KEY);

  await expect
    .poll(async () => page.evaluate(() => window.player.error ?? window.player.frames), { timeout: 15_000 })
    .toBeGreaterThan(30);
  const t1 = await page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
  await expect
    .poll(async () => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0))
    .toBeGreaterThan(t1 + 1);
  const player = await page.evaluate(() => window.player);
  expect(player.error).toBeUndefined();

  // The engine's CPU for one stream over a 5 s window (the test process runs nothing else then).
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await page.waitForTimeout(5_000);
  const cpu = process.cpuUsage(cpuStart);
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallStart)) * 100;
  const frames = await page.evaluate(() => window.player.frames);
  console.log(
    `[webrtc-engine] first frame ${Math.round(player.firstFrameMs ?? -1)} ms after start ` +
      `(consume answered at ${Math.round(player.consumeMs ?? -1)} ms); engine process CPU ${cpuPercent.toFixed(1)} % of one core ` +
      `for one stream (ingest + 1 consumer); ${frames} frames shown`,
  );

  await page.close();
  engine.closeOwner(OWNER);
  expect(engine.stats()).toMatchObject({ transports: 0, consumers: 0, producers: 1 });
  engine.closeProducer(KEY);
  expect(engine.stats()).toEqual({ producers: 0, transports: 0, consumers: 0, cachedBytes: 0 });
});
