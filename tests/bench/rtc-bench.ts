/**
 * Benchmark of real cameras on the wall over WebRTC and over HLS (benchmark).
 *
 *   npm run bench:rtc -- [--tiles 1,9,16] [--duration 6] [--size 320x180] [--kbits 300] [--port 8960] [--no-build] [--trace] [--hub-profile dir] [--page-profile]
 *
 * Real RTSP cameras through the hub's gateway, watched on the console's real wall workspace (signed
 * in as a monitor, a saved view shown from the views menu), in headless Chromium at 1920×1080:
 *   - the cameras: tests/fixtures/latency-source.py, one process serving as many RTSP streams
 *     (user + password, TCP) as the largest tile count, each frame carrying the wall-clock time it
 *     was made; registered by the administrator as rtsp://user:pass@127.0.0.1:…/camN;
 *   - time to first frame per tile: from the click on the view to the tile's first displayed frame
 *     (requestVideoFrameCallback), p50/p95 — "cold ingest" when the hub has to start the ingests
 *     (no one watched the cameras); otherwise another session keeps them ingested, and "new window"
 *     is a console that has just opened the wall (its WebRTC transport is made by the first tile),
 *     plain "WebRTC" the same wall shown again on that window's transport;
 *   - latency: the source's clock read back from the displayed frame (tests/bench/rtc-probe.ts)
 *     against the time it is shown, p50/p95 over `--duration` seconds;
 *   - the same cameras over HLS in the same run: a second console page without RTCPeerConnection,
 *     so the wall plays the gateway's HLS of the same ingest (what a WebRTC fallback plays);
 *   - CPU from /proc over the same windows: the hub process, its ffmpeg ingests, Chromium, the
 *     sources; per ingested stream also with no one watching (ingest only).
 * `--page-profile` prints the console page's main-thread hot spots while WebRTC tiles start.
 * `--hub-profile <dir>` writes the hub's V8 CPU profile there (open it in Chrome's DevTools).
 * Prints a table and the goals (WebRTC first frame p50 ≤ 0.5 s, latency p95 ≤ 300 ms, ingest ≤ 3 %
 * of one core per stream, HLS latency ≤ 3 s); asserts nothing. A watchdog bounds the whole run.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { type Cpu, report, type Row } from './rtc-bench-report';
import { programMissing, rtspServerMissing } from '../helpers/rtsp-server';
import { clearWall, hubSession, openWall, showView, withoutWebRtc, type HubSession } from './bench-console';
import { argCounts, argValue, launchChromium, loadavg, startWebShell, VIEWPORT } from './bench-shell';
import { startLatencySource, type LatencySource } from './latency-source';
import { layoutFor, workspaceView } from './wall-workspace';
import { installLatencyProbe, type LatencyProbe, type LatencySample } from './rtc-probe';
import { printProfile, startProfile } from './wall-profile';
import { installRtcTrace, printTrace, type RtcTrace } from './rtc-trace';
import { cpuBetween, processCpu, processName, treeCpu } from './wall-bench-cpu';

const TILES = argCounts('--tiles', '1,9,16', 36);
const DURATION_S = Math.max(2, Number(argValue('--duration') ?? 6));
const SIZE = argValue('--size') ?? '320x180';
const KBITS = Number(argValue('--kbits') ?? 300);
const PORT = Number(argValue('--port') ?? 8960);
const BUILD = process.argv.includes('--no-build') ? 'none' : 'full';
/** Prints where the first frames of the WebRTC rows went (rtc-trace.ts). */
const TRACE = process.argv.includes('--trace');
/** A folder for the hub's V8 CPU profile (node --cpu-prof), written when the hub stops. */
const HUB_PROFILE = argValue('--hub-profile');
/** Prints the console page's main-thread hot spots while an open wall shows its tiles (WebRTC rows). */
const PAGE_PROFILE = process.argv.includes('--page-profile');
/** Seconds between the last first frame and a measurement (HLS: hls.js settles on its live edge). */
const SETTLE_RTC_S = 2;
const SETTLE_HLS_S = 4;
const FIRST_FRAMES_WITHIN_MS = 20_000;
const WATCHDOG_MS = 3 * 60_000 + TILES.length * (4 * FIRST_FRAMES_WITHIN_MS + 4 * DURATION_S * 1000 + 60_000);

const USER = 'bench';
const PASSWORD = 'Clock#Source-2026';
const STATION = 'HQ-W-HQ01';
const cameraId = (n: number): string => `CAM-BENCH-${String(n).padStart(2, '0')}`;

type Protocol = 'webrtc' | 'hls';

/** Tile count → the monitor's saved view of that many cameras. */
const views = new Map<number, number>();

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// CPU (/proc)

interface CpuReading {
  at: number;
  hub: number;
  ingests: Map<number, number>;
  browser: Map<number, number>;
  source: number;
}

function readCpu(shell: ChildProcess, source: LatencySource): CpuReading {
  const hubPid = shell.pid ?? 0;
  const ingests = treeCpu(hubPid);
  for (const pid of ingests.keys()) if (processName(pid) !== 'ffmpeg') ingests.delete(pid);
  return {
    at: performance.now(),
    hub: processCpu(hubPid),
    ingests,
    browser: treeCpu(process.pid, [hubPid, source.pid]),
    source: processCpu(source.pid),
  };
}

function cpuOver(before: CpuReading, after: CpuReading): Cpu {
  const seconds = (after.at - before.at) / 1000;
  const pct = (cpuSeconds: number): number => (cpuSeconds / seconds) * 100;
  return {
    seconds,
    hub: pct(after.hub - before.hub),
    ffmpeg: pct(cpuBetween(before.ingests, after.ingests)),
    ffmpegCount: after.ingests.size,
    browser: pct(cpuBetween(before.browser, after.browser)),
    source: pct(after.source - before.source),
  };
}

async function noIngests(shell: ChildProcess, source: LatencySource): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (readCpu(shell, source).ingests.size > 0) {
    if (Date.now() > deadline) throw new Error('the hub kept its ingests 15 s after the last viewer');
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// The console pages

const probeOf = (page: Page, fn: (probe: LatencyProbe) => unknown) =>
  page.evaluate(`(${fn.toString()})(window.benchLatency)`);

async function consolePage(browser: Browser, origin: string, protocol: Protocol): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  // The same cameras over the gateway's HLS of the same ingest: what a WebRTC fallback plays.
  if (protocol === 'hls') await withoutWebRtc(page);
  await page.addInitScript(installLatencyProbe);
  if (TRACE) await page.addInitScript(installRtcTrace);
  await openWall(page, origin, 'monitor');
  return page;
}

/** Shows the view and waits (bounded) for every tile's first frame. */
async function show(page: Page, tiles: number, protocol: Protocol, label: string): Promise<Row> {
  const viewId = views.get(tiles);
  if (viewId === undefined) throw new Error(`no saved view for ${tiles} tiles`);
  const cdp = PAGE_PROFILE && protocol === 'webrtc' ? await page.context().newCDPSession(page) : null;
  if (cdp) await startProfile(cdp);
  await showView(page, viewId);
  const deadline = Date.now() + FIRST_FRAMES_WITHIN_MS;
  let first: LatencyProbe['first'] = {};
  while (Date.now() < deadline) {
    first = (await probeOf(page, (p) => p.first)) as LatencyProbe['first'];
    if (Object.keys(first).length >= tiles) break;
    await sleep(100);
  }
  const frames = Object.values(first);
  if (cdp) {
    console.log(`\n  ${tiles} tiles, ${label}:`);
    await printProfile(cdp, 30);
    await cdp.detach();
  }
  if (TRACE) {
    const trace = await page.evaluate<RtcTrace | undefined>('window.benchTrace');
    if (trace)
      printTrace(
        `${tiles} tiles, ${label}`,
        trace,
        frames.map((f) => f.ms),
      );
  }
  return {
    tiles,
    label,
    firstMs: frames.map((f) => f.ms),
    otherProtocol: frames.filter((f) => f.protocol !== protocol).length,
    noFrame: tiles - frames.length,
    latency: [],
    unreadable: 0,
    stalls: 0,
    stalledMs: 0,
    cpu: null,
  };
}

/** Latency and CPU over DURATION_S while the page shows the tiles. */
async function measure(
  page: Page | null,
  shell: ChildProcess,
  source: LatencySource,
  row: Row,
  seconds = DURATION_S,
): Promise<void> {
  if (page) {
    await probeOf(page, (p) => {
      p.samples = [];
      p.unreadable = 0;
      p.stalls = 0;
      p.stalledMs = 0;
      p.collecting = true;
    });
  }
  const before = readCpu(shell, source);
  await sleep(seconds * 1000);
  row.cpu = cpuOver(before, readCpu(shell, source));
  if (!page) return;
  const { samples, unreadable, stalls, stalledMs } = (await probeOf(page, (p) => {
    p.collecting = false;
    return { samples: p.samples, unreadable: p.unreadable, stalls: p.stalls, stalledMs: p.stalledMs };
  })) as { samples: LatencySample[]; unreadable: number; stalls: number; stalledMs: number };
  row.latency = samples.map((s) => s.ms);
  row.unreadable = unreadable;
  row.stalls = stalls;
  row.stalledMs = stalledMs;
}

// ---------------------------------------------------------------------------------------------

/**
 * One tile count. Each phase opens a console page of its own and closes it (one console at a time
 * in the browser, and a tile that fell back to HLS in one phase does not stay on HLS in the next).
 */
async function runTiles(
  tiles: number,
  open: (protocol: Protocol) => Promise<Page>,
  holder: HubSession,
  shell: ChildProcess,
  source: LatencySource,
): Promise<Row[]> {
  const cameras = Array.from({ length: tiles }, (_, i) => cameraId(i + 1));
  // The single tile of layout 1 plays the main stream, smaller tiles the sub stream (WallGrid).
  const stream = layoutFor(tiles) === '1' ? 'main' : 'sub';
  await noIngests(shell, source);
  // Cold: the hub starts each ingest when its tile asks.
  let page = await open('webrtc');
  const cold = await show(page, tiles, 'webrtc', 'WebRTC, cold ingest');
  // Warm: another session keeps the streams ingested from here on.
  for (const id of cameras) await holder.call('media.open', { cameraId: id, stream });
  await page.close();

  // A window opening the wall (its WebRTC transport made by the first tile), then the same wall
  // shown again on that window's transport: what an operator switching views sees.
  page = await open('webrtc');
  const fresh = await show(page, tiles, 'webrtc', 'WebRTC, new window');
  await clearWall(page);
  const rtc = await show(page, tiles, 'webrtc', 'WebRTC');
  await sleep(SETTLE_RTC_S * 1000);
  await measure(page, shell, source, rtc);
  await page.close();

  page = await open('hls');
  const hls = await show(page, tiles, 'hls', 'HLS');
  await sleep(SETTLE_HLS_S * 1000);
  await measure(page, shell, source, hls);
  await page.close();

  const ingest: Row = { ...cold, label: 'ingest only', firstMs: [], otherProtocol: 0, noFrame: 0 };
  await measure(null, shell, source, ingest, Math.max(2, DURATION_S / 2));
  for (const id of cameras) await holder.call('media.release', { cameraId: id, stream });
  return [cold, fresh, rtc, hls, ingest];
}

async function main(): Promise<void> {
  console.log('rtc bench — RTSP cameras through the gateway on the console wall, WebRTC vs HLS (benchmark)');
  const missing = rtspServerMissing() ?? programMissing('ffmpeg');
  if (missing) {
    console.log(`cannot run here: ${missing}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `tiles ${TILES.join(', ')}; ${DURATION_S} s per measurement; sources ${SIZE} 25 fps ${KBITS} kbit/s; ` +
      `loadavg before: ${loadavg()}\n`,
  );
  const watchdog = setTimeout(() => {
    console.error(`rtc bench: watchdog after ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-rtc-bench-'));
  let shell: ChildProcess | null = null;
  let source: LatencySource | null = null;
  let browser: Browser | null = null;
  try {
    const count = Math.max(...TILES);
    source = await startLatencySource({ count, user: USER, password: PASSWORD, size: SIZE, kbits: KBITS });
    // Ingests stop a second after their last viewer, so each tile count starts cold.
    shell = await startWebShell({
      port: PORT,
      dataDir,
      build: BUILD,
      env: { CITYOPS_GATEWAY_IDLE_S: '1' },
      nodeArgs: HUB_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(HUB_PROFILE)}`] : [],
    });
    const origin = `http://127.0.0.1:${PORT}`;
    const chromium = await launchChromium();
    browser = chromium;

    // Sessions of their own arrange the run; the holder keeps streams ingested for the warm runs.
    const admin = await hubSession(origin, 'admin');
    const holder = await hubSession(origin, 'monitor');
    for (let n = 1; n <= count; n++) {
      const url = source.url(n);
      await admin.call('cameras.create', {
        id: cameraId(n),
        name: `基准时钟 ${n}`,
        workstationId: STATION,
        mainUrl: url,
        subUrl: url,
      });
    }
    admin.close();
    for (const tiles of TILES) {
      const slots = Array.from({ length: tiles }, (_, i) => cameraId(i + 1));
      const view = await holder.call<{ id: number }>('wall.views.save', {
        name: workspaceView(tiles),
        layout: layoutFor(tiles),
        slots,
      });
      views.set(tiles, view.id);
    }

    const open = (protocol: Protocol): Promise<Page> => consolePage(chromium, origin, protocol);
    const rows: Row[] = [];
    for (const tiles of TILES) {
      process.stdout.write(`  ${tiles} tile(s) … `);
      const result = await runTiles(tiles, open, holder, shell, source);
      rows.push(...result);
      console.log(
        result.map((r) => `${r.label}: ${r.firstMs.length}/${r.tiles} framed, ${r.latency.length} reads`).join('; '),
      );
    }
    report(rows, { tiles: TILES, size: SIZE, kbits: KBITS });
    console.log(`loadavg after: ${loadavg()}`);
  } finally {
    clearTimeout(watchdog);
    await browser?.close().catch(() => undefined);
    if (HUB_PROFILE && shell) await stopGently(shell);
    shell?.kill('SIGKILL');
    source?.stop();
    // The ingests' ffmpeg may still be writing HLS for a moment after the hub is gone.
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

/** SIGTERM and up to 10 s for the hub to exit by itself (so node writes its CPU profile). */
async function stopGently(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  console.log(`hub CPU profile: ${path.resolve(HUB_PROFILE ?? '.')}`);
}

await main();
