/**
 * Benchmark of the video wall: the player layer and the whole wall workspace.
 *
 *   npm run bench:wall -- [--duration 15] [--tiles 16,36] [--workspace-tiles 36] [--settle 2] [--port 8950]
 *                         [--no-build] [--profile] [--trace] [--pages ours,bare,workspace,ws-rtc]
 *
 * Starts the built web shell (demo mode, so its demo cameras stream live HLS) on 127.0.0.1 and, for
 * each tile count, opens headless Chromium twice on the same sub streams: (a) "ours" — the wall's
 * player manager (renderer/src/wall/player, bundled by esbuild; wall-ours.html) and (b) "bare" —
 * one plain `new Hls()` with hls.js's defaults per <video> (wall-bare.html). Both pages lay the
 * tiles out in the same grid on a 1920×1080 viewport and are measured the same way, from outside:
 *   - time to first frame per tile: from navigation start to the tile's first
 *     requestVideoFrameCallback (p50/p95; tiles without a frame after the warm-up are counted);
 *   - dropped/total frames over `--duration` seconds, starting `--settle` seconds after the first
 *     frames (getVideoPlaybackQuality deltas);
 *   - CPU: utime+stime of every Chromium process over the same window (/proc), as % of one core,
 *     and the renderer main thread's busy time (CDP Performance.getMetrics TaskDuration); beside
 *     it the hub process's own CPU (it serves the HLS, or packetizes and sends the WebRTC);
 *   - the page's rendering work per second (style recalculations, layouts, and the time in them and
 *     in script; CDP Performance.getMetrics): counts that a busy machine does not change, so a
 *     workspace that restyles or lays out more than the plain pages shows it in any run;
 * For the tile counts of `--workspace-tiles` it also opens the console's real wall workspace
 * (wall-workspace.ts: signed in as a monitor, a saved view of as many demo cameras shown from the
 * views menu, the tree and toolbars beside it): "workspace" without RTCPeerConnection, so its tiles
 * play HLS like the other pages, and "ws-rtc" as shipped, WebRTC wherever the hub offers it. Their
 * first frames count from the click on the view.
 * Prints a table and the ratios to bare, beside the goals: 16 tiles ≤ 1 % dropped and ours/bare
 * ≤ 1.1; 36 tiles in the workspace ≤ 1 % dropped and CPU ≤ 1.05× bare.
 * `--pages` measures only the pages named (all four by default), e.g. one page traced alone.
 * Each run is bounded (warm-up ≤ 15 s + duration), and a watchdog ends the whole bench.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Request } from '@playwright/test';
import type * as Esbuild from 'esbuild';
import { metricDelta, renderingRates, report, requestKind, type Mode, type RunResult } from './wall-bench-report';
import { argCounts, argValue, fmt, launchChromium, load, loadavg, ROOT, startWebShell, VIEWPORT } from './bench-shell';
import { cpuBetween, processCpu, treeCpu } from './wall-bench-cpu';
import { printProfile, startProfile } from './wall-profile';
import { printTrace, startTrace } from './wall-trace';
import { serveBench, subStreams } from './wall-bench-pages';
import { prepareWorkspace, showWorkspace } from './wall-workspace';

const DURATION_S = Math.max(1, Number(argValue('--duration') ?? 15));
const TILES = argCounts('--tiles', '16,36');
const WORKSPACE_TILES = argCounts('--workspace-tiles', '36').filter((n) => TILES.includes(n));
const PORT = Number(argValue('--port') ?? 8950);
/** Profiles the main thread of every page over the measured window (wall-profile.ts). */
const PROFILE = process.argv.includes('--profile');
/** Traces the page over the measured window and prints its main thread's events by name (wall-trace.ts). */
const TRACE = process.argv.includes('--trace');
/** The pages measured (every one by default). */
const PAGES = argValue('--pages')?.split(',') ?? null;
/** Seconds between the last first frame and the measurement, for every page alike. */
const SETTLE_S = Math.max(0, Number(argValue('--settle') ?? 2));
const WARMUP_MS = 15_000;
const CACHE = path.join(ROOT, '.cache/wall-bench');
const RUNS = TILES.length * 2 + WORKSPACE_TILES.length * 2;
/** Everything, including building and every run, ends by then. */
const WATCHDOG_MS = 10 * 60_000 + RUNS * (WARMUP_MS + (SETTLE_S + DURATION_S) * 1000 + 30_000);

/** Tile count → the monitor's saved view for the workspace pages (prepareWorkspace). */
let workspaceViews = new Map<number, number>();
const isWorkspace = (mode: Mode): boolean => mode === 'workspace' || mode === 'ws-rtc';
/** Where each page puts a tile's <video>. */
const tileSelector = (mode: Mode): string => (isWorkspace(mode) ? '[data-testid="wall-tile"]' : '.cell');

// ---------------------------------------------------------------------------------------------
// Setup: bundles and the web shell

async function bundleOursPage(): Promise<string> {
  const { build } = await load<typeof Esbuild>('esbuild');
  const outfile = path.join(CACHE, 'wall-ours.js');
  await build({
    entryPoints: [path.join(ROOT, 'tests/bench/wall-ours-page.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
  });
  return outfile;
}

// ---------------------------------------------------------------------------------------------
// In the page (serialised by Playwright; runs before the page's own scripts)

function installProbe(selector: string): void {
  const state = {
    firstFrames: new Map<number, number>(),
    base: new Map<HTMLVideoElement, [number, number]>(),
    shownAt: 0,
  };
  Object.assign(window, { benchProbe: state });
  // The workspace shows its tiles when a view is clicked (bench-console.ts showView): first frames
  // count from there; the other pages start at navigation.
  window.addEventListener('bench:show', () => {
    state.shownAt = performance.now();
    state.firstFrames.clear();
  });
  const seen = new WeakSet<HTMLVideoElement>();
  const watch = (): void => {
    document.querySelectorAll(selector).forEach((cell, index) => {
      const video = cell.querySelector('video');
      if (!video || seen.has(video)) return;
      seen.add(video);
      video.requestVideoFrameCallback((now) => {
        if (!state.firstFrames.has(index)) state.firstFrames.set(index, now - state.shownAt);
      });
    });
  };
  new MutationObserver(watch).observe(document, { childList: true, subtree: true });
}

/** What installProbe leaves on window (page.evaluate callbacks reach it through this cast). */
interface ProbeWindow {
  benchProbe: { firstFrames: Map<number, number>; base: Map<HTMLVideoElement, [number, number]> };
}

// ---------------------------------------------------------------------------------------------
// One run

/** What the tiles say about themselves: health states, and for the workspace the protocols. */
function tileStates(page: Page, mode: Mode): Promise<string> {
  if (mode === 'bare') return Promise.resolve('');
  if (mode === 'ours') {
    return page.evaluate(() => {
      const health = (window as unknown as { wallHealth: () => { health: { state: string } }[] }).wallHealth();
      const counts = new Map<string, number>();
      for (const { health: h } of health) counts.set(h.state, (counts.get(h.state) ?? 0) + 1);
      return [...counts].map(([s, n]) => `${s} ${n}`).join(', ');
    });
  }
  return page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const tile of document.querySelectorAll(
      '[data-testid="wall-tile"][data-camera-id]:not([data-camera-id=""])',
    )) {
      const video = tile.querySelector('video');
      const key = `${tile.getAttribute('data-state') ?? '?'}${video?.srcObject ? ' webrtc' : ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([s, n]) => `${s} ${n}`).join(', ');
  });
}

async function run(
  shell: ChildProcess,
  origin: string,
  oursJs: string,
  mode: Mode,
  urls: string[],
): Promise<RunResult> {
  const browser: Browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const selector = tileSelector(mode);
    await page.addInitScript(installProbe, selector);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (isWorkspace(mode)) {
      const viewId = workspaceViews.get(urls.length);
      if (viewId === undefined) throw new Error(`no saved view for ${urls.length} tiles`);
      await showWorkspace(page, origin, viewId, mode === 'ws-rtc');
    } else {
      await serveBench(page, origin, oursJs);
      await page.goto(`${origin}/__bench/wall-${mode}.html?urls=${encodeURIComponent(JSON.stringify(urls))}`);
    }

    const deadline = Date.now() + WARMUP_MS;
    let framed = 0;
    while (Date.now() < deadline) {
      framed = await page.evaluate(() => (window as unknown as ProbeWindow).benchProbe.firstFrames.size);
      if (framed >= urls.length) break;
      await page.waitForTimeout(200);
    }
    const ttffMs = await page.evaluate(() => [...(window as unknown as ProbeWindow).benchProbe.firstFrames.values()]);
    await page.waitForTimeout(SETTLE_S * 1000);

    const pageMetrics = async (): Promise<Map<string, number>> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return new Map(metrics.map((m) => [m.name, m.value]));
    };
    await page.evaluate((selector) => {
      const probe = (window as unknown as ProbeWindow).benchProbe;
      for (const video of document.querySelectorAll<HTMLVideoElement>(`${selector} video`)) {
        const q = video.getVideoPlaybackQuality();
        probe.base.set(video, [q.droppedVideoFrames, q.totalVideoFrames]);
      }
    }, selector);
    const exclude = shell.pid === undefined ? [] : [shell.pid];
    const cpuBefore = treeCpu(process.pid, exclude);
    const hubBefore = processCpu(shell.pid ?? 0);
    const metricsBefore = await pageMetrics();
    const profiled = PROFILE;
    if (profiled) await startProfile(cdp);
    if (TRACE) await startTrace(browser, page);
    const requests: Record<string, number> = {};
    const countRequest = (request: Request): void => {
      const kind = requestKind(request.url());
      requests[kind] = (requests[kind] ?? 0) + 1;
    };
    page.on('request', countRequest);
    const startedAt = performance.now();
    await page.waitForTimeout(DURATION_S * 1000);
    page.off('request', countRequest);
    const cpuAfter = treeCpu(process.pid, exclude);
    const hubAfter = processCpu(shell.pid ?? 0);
    const metricsAfter = await pageMetrics();
    const seconds = (performance.now() - startedAt) / 1000;
    if (profiled) await printProfile(cdp);
    if (TRACE) await printTrace(browser, seconds);
    const frames = await page.evaluate((selector) => {
      const probe = (window as unknown as ProbeWindow).benchProbe;
      let dropped = 0;
      let total = 0;
      for (const video of document.querySelectorAll(`${selector} video`)) {
        if (!(video instanceof HTMLVideoElement)) continue;
        const q = video.getVideoPlaybackQuality();
        const [d0, t0] = probe.base.get(video) ?? [0, 0];
        dropped += q.droppedVideoFrames - d0;
        total += q.totalVideoFrames - t0;
      }
      return { dropped, total };
    }, selector);
    const states = await tileStates(page, mode);
    return {
      mode,
      tiles: urls.length,
      ttffMs,
      noFrame: urls.length - ttffMs.length,
      ...frames,
      cpuPct: (cpuBetween(cpuBefore, cpuAfter) / seconds) * 100,
      hubPct: ((hubAfter - hubBefore) / seconds) * 100,
      mainThreadPct: (metricDelta(metricsBefore, metricsAfter, 'TaskDuration') / seconds) * 100,
      rendering: renderingRates(metricsBefore, metricsAfter, seconds),
      requests: Object.fromEntries(Object.entries(requests).map(([kind, n]) => [kind, n / seconds])),
      states,
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  console.log('wall bench — bare hls.js, the player layer and the console wall workspace on the demo cameras');
  console.log(
    `tiles ${TILES.join(', ')} (workspace: ${WORKSPACE_TILES.join(', ') || 'none'}); ${DURATION_S} s per measurement, ` +
      `from ${SETTLE_S} s after the first frames; sub streams; loadavg before: ${loadavg()}\n`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-wall-bench-'));
  const watchdog = setTimeout(() => {
    console.error(`wall bench: watchdog after ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  let shell: ChildProcess | null = null;
  try {
    const oursJs = await bundleOursPage();
    const build = WORKSPACE_TILES.length > 0 ? 'full' : 'node';
    shell = await startWebShell({ port: PORT, dataDir, build: process.argv.includes('--no-build') ? 'none' : build });
    const origin = `http://127.0.0.1:${PORT}`;
    const { urls, fps } = await subStreams(origin);
    if (WORKSPACE_TILES.length > 0) workspaceViews = await prepareWorkspace(origin, WORKSPACE_TILES);
    const results: RunResult[] = [];
    for (const [i, tiles] of TILES.entries()) {
      // The same streams for every page; cameras repeat when there are more tiles than cameras.
      const streams = Array.from({ length: tiles }, (_, k) => urls[k % urls.length] ?? '');
      // Alternate who goes first, so a noisy neighbour on the machine does not always hit the same side.
      const pages: Mode[] = [
        'ours',
        'bare',
        ...(WORKSPACE_TILES.includes(tiles) ? (['workspace', 'ws-rtc'] as const) : []),
      ];
      const order = (i % 2 === 0 ? pages : [...pages].reverse()).filter((mode) => PAGES?.includes(mode) ?? true);
      for (const mode of order) {
        process.stdout.write(`  ${tiles} tiles, ${mode} … `);
        const result = await run(shell, origin, oursJs, mode, streams);
        console.log(`${result.total} frames, ${result.dropped} dropped, CPU ${fmt(result.cpuPct)} %`);
        results.push(result);
      }
    }
    report(results, fps, { tiles: TILES, workspaceTiles: WORKSPACE_TILES, durationS: DURATION_S });
    console.log(`loadavg after: ${loadavg()}`);
  } finally {
    clearTimeout(watchdog);
    shell?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
