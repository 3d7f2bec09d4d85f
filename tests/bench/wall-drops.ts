/**
 * How a 36-tile wall loses frames over time, without bench:wall's own instruments (benchmark).
 *
 *   npm run bench:wall-drops -- [--pages workspace,bare] [--seconds 60] [--interval 5] [--settle 8] [--port 8955]
 *                               [--no-build] [--request-listener] [--cdp-performance]
 *
 * Starts the web shell in demo mode and, for each page in turn (a browser of its own), shows 36 demo
 * sub streams over HLS: "workspace" — the console's wall signed in as the monitor, a saved view of 36
 * cameras, no RTCPeerConnection (wall-workspace.ts); "bare" — one default `new Hls()` per <video>
 * (wall-bare.html). After `--settle` seconds it sums every <video>'s getVideoPlaybackQuality each
 * `--interval` seconds for `--seconds` and prints, per interval, the frames dropped and shown and
 * how many tiles dropped any: losses spread over a few tiles are the streams', losses on nearly every
 * tile at once are display frames the compositor missed. Nothing else runs in the page: no probe
 * script, no DevTools domain — unless `--request-listener` (Playwright's request events, as bench:wall
 * counts requests) or `--cdp-performance` (DevTools' Performance domain, as bench:wall reads its
 * metrics) asks for one, to tell whether an instrument changes what it measures. Prints; asserts
 * nothing. A watchdog bounds the run.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { argValue, launchChromium, loadavg, startWebShell, VIEWPORT } from './bench-shell';
import { serveBench, subStreams } from './wall-bench-pages';
import { prepareWorkspace, showWorkspace } from './wall-workspace';

const TILES = 36;
const PAGES = (argValue('--pages') ?? 'workspace,bare').split(',').filter((p) => p === 'workspace' || p === 'bare');
const SECONDS = Math.min(600, Math.max(5, Number(argValue('--seconds') ?? 60)));
const INTERVAL_S = Math.min(SECONDS, Math.max(1, Number(argValue('--interval') ?? 5)));
const SETTLE_S = Math.min(60, Math.max(0, Number(argValue('--settle') ?? 8)));
const PORT = Number(argValue('--port') ?? 8955);
const REQUEST_LISTENER = process.argv.includes('--request-listener');
const CDP_PERFORMANCE = process.argv.includes('--cdp-performance');
const WATCHDOG_MS = 5 * 60_000 + PAGES.length * (60_000 + (SETTLE_S + SECONDS) * 1000);

interface Interval {
  dropped: number;
  total: number;
  /** Tiles that dropped at least one frame in the interval. */
  tilesDropping: number;
}

/** Every <video>'s dropped and total frames now, in document order. */
const counters = (page: Page): Promise<[number, number][]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('video')].map((v): [number, number] => {
      const q = v.getVideoPlaybackQuality();
      return [q.droppedVideoFrames, q.totalVideoFrames];
    }),
  );

async function sample(page: Page): Promise<Interval[]> {
  const intervals: Interval[] = [];
  let before = await counters(page);
  for (let elapsed = 0; elapsed < SECONDS; elapsed += INTERVAL_S) {
    await page.waitForTimeout(INTERVAL_S * 1000);
    const now = await counters(page);
    const delta = now.map(([d, t], i) => [d - (before[i]?.[0] ?? d), t - (before[i]?.[1] ?? t)] as const);
    intervals.push({
      dropped: delta.reduce((sum, [d]) => sum + d, 0),
      total: delta.reduce((sum, [, t]) => sum + t, 0),
      tilesDropping: delta.filter(([d]) => d > 0).length,
    });
    before = now;
  }
  return intervals;
}

async function measure(origin: string, mode: string, view: number, urls: string[]): Promise<Interval[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    if (mode === 'workspace') {
      await showWorkspace(page, origin, view, false);
    } else {
      await serveBench(page, origin);
      const streams = Array.from({ length: TILES }, (_, k) => urls[k % urls.length] ?? '');
      await page.goto(`${origin}/__bench/wall-bare.html?urls=${encodeURIComponent(JSON.stringify(streams))}`);
    }
    if (REQUEST_LISTENER) page.on('request', () => undefined);
    if (CDP_PERFORMANCE) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
    }
    await page.waitForTimeout(SETTLE_S * 1000);
    return await sample(page);
  } finally {
    await browser.close();
  }
}

function print(mode: string, intervals: Interval[]): void {
  const dropped = intervals.reduce((sum, i) => sum + i.dropped, 0);
  const total = intervals.reduce((sum, i) => sum + i.total, 0);
  console.log(
    `  ${mode}: ${dropped}/${total} frames dropped, ${total > 0 ? ((dropped / total) * 100).toFixed(2) : '—'} %`,
  );
  console.log(
    `    per ${INTERVAL_S} s (dropped/shown, tiles dropping): ` +
      intervals.map((i) => `${i.dropped}/${i.total} (${i.tilesDropping})`).join('  '),
  );
}

async function main(): Promise<void> {
  console.log(
    `wall drops — ${TILES} demo sub streams over HLS, ${SECONDS} s after ${SETTLE_S} s; loadavg ${loadavg()}`,
  );
  const extras = [REQUEST_LISTENER ? 'request listener' : '', CDP_PERFORMANCE ? 'CDP Performance' : ''].filter(Boolean);
  console.log(`instruments in the page: ${extras.join(', ') || 'none'}\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-wall-drops-'));
  const watchdog = setTimeout(() => {
    console.error(`wall drops: watchdog after ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  let shell: ChildProcess | null = null;
  try {
    shell = await startWebShell({ port: PORT, dataDir, build: process.argv.includes('--no-build') ? 'none' : 'full' });
    const origin = `http://127.0.0.1:${PORT}`;
    const { urls } = await subStreams(origin);
    const view = (await prepareWorkspace(origin, [TILES])).get(TILES);
    if (view === undefined) throw new Error('no saved view for the workspace');
    for (const mode of PAGES) print(mode, await measure(origin, mode, view, urls));
    console.log(`\nloadavg after: ${loadavg()}`);
  } finally {
    clearTimeout(watchdog);
    shell?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
