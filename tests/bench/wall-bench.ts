/**
 * Benchmark of the video wall's player layer (issue 5, benchmark).
 *
 *   npm run bench:wall -- [--duration 20] [--tiles 4,9,16,25] [--settle 2] [--port 8950]
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
 *     and the renderer main thread's busy time (CDP Performance.getMetrics TaskDuration).
 * Prints a table and the ratios ours/bare, beside the goal: 16 tiles ≤ 1 % dropped, ratio ≤ 1.1.
 * Each run is bounded (warm-up ≤ 15 s + duration), and a watchdog ends the whole bench.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserType, Page } from '@playwright/test';
import type * as Esbuild from 'esbuild';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { cpuBetween, treeCpu } from './wall-bench-cpu';

const ROOT = path.resolve(import.meta.dirname, '../..');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const DURATION_S = Math.max(1, Number(argValue('--duration') ?? 20));
const TILES = [
  ...new Set(
    (argValue('--tiles') ?? '4,9,16,25')
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0 && n <= 64),
  ),
];
const PORT = Number(argValue('--port') ?? 8950);
/** Seconds between the last first frame and the measurement, for both pages alike. */
const SETTLE_S = Math.max(0, Number(argValue('--settle') ?? 2));
const WARMUP_MS = 15_000;
const VIEWPORT = { width: 1920, height: 1080 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'];
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const CACHE = path.join(ROOT, '.cache/wall-bench');
/** Everything, including building and every run, ends by then. */
const WATCHDOG_MS = 10 * 60_000 + TILES.length * 2 * (WARMUP_MS + (SETTLE_S + DURATION_S) * 1000 + 20_000);

type Mode = 'ours' | 'bare';

interface RunResult {
  mode: Mode;
  tiles: number;
  ttffMs: number[];
  noFrame: number;
  dropped: number;
  total: number;
  cpuPct: number;
  mainThreadPct: number;
  states: string;
}

// ---------------------------------------------------------------------------------------------
// Setup: bundles and the web shell

/** Loaded at run time, not bundled: esbuild and Playwright are not bundleable (native/binary parts). */
async function load<T>(name: string): Promise<T> {
  return (await import(name)) as T;
}

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

async function startWebShell(dataDir: string): Promise<ChildProcess> {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--node-only'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('node scripts/build.mjs --node-only failed');
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'out/node/web.js'), '--port', String(PORT), '--data-dir', dataDir],
    { cwd: ROOT, env: { ...process.env, CITYOPS_ADMIN_PASSWORD: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!output.includes('console URL')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`web shell did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

/**
 * Signed sub-stream URLs of the demo cameras: signs in as the demo monitor over the API socket and
 * asks media.open for each (the hub serves media through signed, session-checked paths only). The
 * paths stay good while that session lives, so the socket may close.
 */
async function subStreams(origin: string): Promise<{ urls: string[]; fps: number }> {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/ws`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map<number, (result: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as { t: string; id?: number; result?: never };
    if (frame.t === 'result' && frame.id !== undefined) pending.get(frame.id)?.(frame.result as never);
  });
  let next = 0;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const id = ++next;
    const result = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ t: 'call', id, method, input }));
    });
    if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  try {
    await call('auth.login', { username: 'monitor', password: DEMO_PASSWORD });
    const { rows } = await call<{ rows: { id: string; mainUrl: string }[] }>('cameras.list', {
      filter: {},
      limit: 1000,
    });
    const demo = rows.filter((c) => /^\/media\/demo\/(?!broken\/)/.test(c.mainUrl));
    if (demo.length === 0) throw new Error('no demo cameras (is the data folder in demo mode?)');
    const urls: string[] = [];
    for (const c of demo)
      urls.push((await call<{ hlsUrl: string }>('media.open', { cameraId: c.id, stream: 'sub' })).hlsUrl);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/demo-clips/manifest.json'), 'utf8')) as {
      fps?: number;
    };
    return { urls, fps: manifest.fps ?? 25 };
  } finally {
    ws.close();
  }
}

// ---------------------------------------------------------------------------------------------
// In the page (serialised by Playwright; runs before the page's own scripts)

function installProbe(): void {
  const state = { firstFrames: new Map<number, number>(), base: new Map<HTMLVideoElement, [number, number]>() };
  Object.assign(window, { benchProbe: state });
  const seen = new WeakSet<HTMLVideoElement>();
  const watch = (): void => {
    document.querySelectorAll('.cell').forEach((cell, index) => {
      const video = cell.querySelector('video');
      if (!video || seen.has(video)) return;
      seen.add(video);
      video.requestVideoFrameCallback((now) => {
        if (!state.firstFrames.has(index)) state.firstFrames.set(index, now);
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

async function serveBench(page: Page, origin: string, oursJs: string): Promise<void> {
  const files: Record<string, [string, string]> = {
    '/__bench/wall-ours.html': ['text/html', path.join(ROOT, 'tests/bench/wall-ours.html')],
    '/__bench/wall-bare.html': ['text/html', path.join(ROOT, 'tests/bench/wall-bare.html')],
    '/__bench/wall-bench.css': ['text/css', path.join(ROOT, 'tests/bench/wall-bench.css')],
    '/__bench/wall-ours.js': ['text/javascript', oursJs],
    '/__bench/hls.mjs': ['text/javascript', path.join(ROOT, 'node_modules/hls.js/dist/hls.mjs')],
  };
  // On the shell's origin, so the pages fetch the signed media paths same-origin as the console does.
  await page.route(`${origin}/__bench/**`, async (route) => {
    const file = files[new URL(route.request().url()).pathname];
    if (!file) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: file[0], body: fs.readFileSync(file[1]) });
  });
}

async function run(
  chromium: BrowserType,
  shell: ChildProcess,
  origin: string,
  oursJs: string,
  mode: Mode,
  urls: string[],
): Promise<RunResult> {
  const browser: Browser = await chromium.launch({
    ...(SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await serveBench(page, origin, oursJs);
    await page.addInitScript(installProbe);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const query = `?urls=${encodeURIComponent(JSON.stringify(urls))}`;
    await page.goto(`${origin}/__bench/wall-${mode}.html${query}`);

    const deadline = Date.now() + WARMUP_MS;
    let framed = 0;
    while (Date.now() < deadline) {
      framed = await page.evaluate(() => (window as unknown as ProbeWindow).benchProbe.firstFrames.size);
      if (framed >= urls.length) break;
      await page.waitForTimeout(200);
    }
    const ttffMs = await page.evaluate(() => [...(window as unknown as ProbeWindow).benchProbe.firstFrames.values()]);
    await page.waitForTimeout(SETTLE_S * 1000);

    const mainThread = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    };
    await page.evaluate(() => {
      const probe = (window as unknown as ProbeWindow).benchProbe;
      for (const video of document.querySelectorAll('video')) {
        const q = video.getVideoPlaybackQuality();
        probe.base.set(video, [q.droppedVideoFrames, q.totalVideoFrames]);
      }
    });
    const exclude = shell.pid === undefined ? [] : [shell.pid];
    const cpuBefore = treeCpu(process.pid, exclude);
    const taskBefore = await mainThread();
    const startedAt = performance.now();
    await page.waitForTimeout(DURATION_S * 1000);
    const cpuAfter = treeCpu(process.pid, exclude);
    const taskAfter = await mainThread();
    const seconds = (performance.now() - startedAt) / 1000;
    const frames = await page.evaluate(() => {
      const probe = (window as unknown as ProbeWindow).benchProbe;
      let dropped = 0;
      let total = 0;
      for (const video of document.querySelectorAll('.cell video')) {
        if (!(video instanceof HTMLVideoElement)) continue;
        const q = video.getVideoPlaybackQuality();
        const [d0, t0] = probe.base.get(video) ?? [0, 0];
        dropped += q.droppedVideoFrames - d0;
        total += q.totalVideoFrames - t0;
      }
      return { dropped, total };
    });
    const states =
      mode === 'ours'
        ? await page.evaluate(() => {
            const health = (window as unknown as { wallHealth: () => { health: { state: string } }[] }).wallHealth();
            const counts = new Map<string, number>();
            for (const { health: h } of health) counts.set(h.state, (counts.get(h.state) ?? 0) + 1);
            return [...counts].map(([s, n]) => `${s} ${n}`).join(', ');
          })
        : '';
    return {
      mode,
      tiles: urls.length,
      ttffMs,
      noFrame: urls.length - ttffMs.length,
      ...frames,
      cpuPct: (cpuBetween(cpuBefore, cpuAfter) / seconds) * 100,
      mainThreadPct: ((taskAfter - taskBefore) / seconds) * 100,
      states,
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const droppedPct = (r: RunResult): number => (r.total > 0 ? (r.dropped / r.total) * 100 : 0);
const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : a > 0 ? '∞' : '1.00 (both 0)');

function report(results: RunResult[], fps: number): void {
  console.log(
    `\n${'tiles'.padStart(5)} ${'page'.padEnd(5)} ${'TTFF p50'.padStart(9)} ${'p95'.padStart(6)} ` +
      `${'no frame'.padStart(8)} ${'dropped/total'.padStart(14)} ${'drop %'.padStart(7)} ${'played'.padStart(7)} ` +
      `${'CPU %'.padStart(6)} ${'main %'.padStart(7)}  health`,
  );
  for (const r of results) {
    const expected = r.tiles * fps * DURATION_S;
    console.log(
      `${String(r.tiles).padStart(5)} ${r.mode.padEnd(5)} ${fmt(quantile(r.ttffMs, 0.5)).padStart(7)}ms ` +
        `${fmt(quantile(r.ttffMs, 0.95)).padStart(4)}ms ${String(r.noFrame).padStart(8)} ` +
        `${`${r.dropped}/${r.total}`.padStart(14)} ${fmt(droppedPct(r), 2).padStart(7)} ` +
        `${fmt((r.total / expected) * 100).padStart(6)}% ${fmt(r.cpuPct).padStart(6)} ${fmt(r.mainThreadPct).padStart(7)}  ${r.states}`,
    );
  }
  console.log('\nratios ours/bare:');
  for (const tiles of TILES) {
    const ours = results.find((r) => r.tiles === tiles && r.mode === 'ours');
    const bare = results.find((r) => r.tiles === tiles && r.mode === 'bare');
    if (!ours || !bare) continue;
    console.log(
      `  ${String(tiles).padStart(2)} tiles: dropped % ${ratio(droppedPct(ours), droppedPct(bare))}, ` +
        `CPU ${ratio(ours.cpuPct, bare.cpuPct)}, main thread ${ratio(ours.mainThreadPct, bare.mainThreadPct)}, ` +
        `TTFF p50 ${ratio(quantile(ours.ttffMs, 0.5), quantile(bare.ttffMs, 0.5))}`,
    );
  }
  const ours16 = results.find((r) => r.tiles === 16 && r.mode === 'ours');
  const bare16 = results.find((r) => r.tiles === 16 && r.mode === 'bare');
  if (ours16 && bare16) {
    const drop = droppedPct(ours16);
    const cpu = ours16.cpuPct / bare16.cpuPct;
    console.log(
      `\ngoal: 16 tiles ≤ 1 % dropped → ${fmt(drop, 2)} % ${drop <= 1 ? 'met' : 'NOT met'}; ` +
        `ratio ours/bare ≤ 1.1 → CPU ${fmt(cpu, 2)} ${cpu <= 1.1 ? 'met' : 'NOT met'}`,
    );
  }
  console.log(
    `(CPU % = all Chromium processes, % of one core, ${os.cpus().length} cores here; main % = renderer main thread busy; ` +
      `played = frames decoded / ${fps} fps × tiles × ${DURATION_S} s)`,
  );
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log('wall bench — player manager vs bare hls.js on the demo cameras (issue 5, benchmark)');
  console.log(
    `tiles ${TILES.join(', ')}; ${DURATION_S} s per measurement, from ${SETTLE_S} s after the first frames; sub streams\n`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-wall-bench-'));
  const watchdog = setTimeout(() => {
    console.error(`wall bench: watchdog after ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  let shell: ChildProcess | null = null;
  try {
    const oursJs = await bundleOursPage();
    shell = await startWebShell(dataDir);
    const origin = `http://127.0.0.1:${PORT}`;
    const { urls, fps } = await subStreams(origin);
    const { chromium } = await load<{ chromium: BrowserType }>('@playwright/test');
    const results: RunResult[] = [];
    for (const [i, tiles] of TILES.entries()) {
      // The same streams for both pages; cameras repeat when there are more tiles than cameras.
      const streams = Array.from({ length: tiles }, (_, k) => urls[k % urls.length] ?? '');
      // Alternate who goes first, so a noisy neighbour on the machine does not always hit the same side.
      const order: Mode[] = i % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
      for (const mode of order) {
        process.stdout.write(`  ${tiles} tiles, ${mode} … `);
        const result = await run(chromium, shell, origin, oursJs, mode, streams);
        console.log(`${result.total} frames, ${result.dropped} dropped, CPU ${fmt(result.cpuPct)} %`);
        results.push(result);
      }
    }
    report(results, fps);
  } finally {
    clearTimeout(watchdog);
    shell?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
