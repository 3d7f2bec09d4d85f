/**
 * Wall soak (accelerated): drives one wall window for a long time at many times an operator's rate
 * and watches what it keeps.
 *
 *   npm run bench:soak -- [--minutes 30] [--sample 60] [--warmup 3] [--hls] [--no-build] [--port 8960] [--seed 1]
 *                         [--heap-snapshots DIR]
 *
 * Starts the built web shell on 127.0.0.1 in demo mode with demo stream control on
 * (CITYOPS_DEMO_MEDIA_CONTROL=1, for demo.setRunning); through the hub's API the monitor saves
 * views of 4, 9 and 16 tiles (wall-workspace.ts) and a whole-wall tour with the shortest dwell.
 * Headless Chromium opens the wall as the monitor at 1920×1080 (with --hls, without
 * RTCPeerConnection: every tile plays HLS; else as shipped, WebRTC where the hub offers it), and
 * the operator of soak-actions.ts runs several actions a second — views, layouts, swaps by drag
 * and drop, maximise/restore, tours, camera outages and recoveries — until the time or the action
 * count is up. Every --sample seconds the wall is put in one known state (the 16-tile view, a few
 * seconds to settle) and sampled (soak-probe.ts): JS heap, DOM nodes, event listeners, <video>
 * elements (MSE and WebRTC), MediaSources and peer connections, renderer and hub RSS. At the end
 * it prints the growth from the first sample after warm-up to the last, clears the wall, checks
 * nothing is left behind, and prints the goal as met or NOT met. A benchmark: it prints, never asserts.
 *
 * Why not Playwright: Playwright enables the DevTools Network domain for every page it drives and
 * offers no way to turn it off; with it on, the browser keeps every response (here: every media
 * segment) and the renderer grows ≈ 25 MB/min for that reason alone. So the soak launches Chromium
 * itself with --remote-debugging-port on 127.0.0.1 and drives the page with raw DevTools protocol
 * over `ws` (soak-cdp.ts, soak-page.ts), never enabling the Network domain.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hubSession } from './bench-console';
import { argValue, loadavg, startWebShell, VIEWPORT } from './bench-shell';
import { parseActions, random, SoakOperator, type SoakWorld } from './soak-actions';
import { launchCdpChromium, type CdpBrowser } from './soak-cdp';
import { clearWall, openWall, showView, stopTour } from './soak-page';
import { LISTENER_TALLY_SCRIPT, listenerChanges, listenerTally, type ListenerTally } from './soak-listeners';
import { printHeapGrowth, takeHeapSnapshot } from './soak-heap';
import { PROBE_SCRIPT, takeSample, type Sample } from './soak-probe';
import type { HeapSummary } from './heap-snapshot';
import { header, printGoal, printGrowth, printLeftBehind, printTally, sampleLine } from './soak-report';
import { demoCameras, prepareWorkspace } from './wall-workspace';

const MINUTES = Math.max(0.5, Number(argValue('--minutes') ?? 30));
const SAMPLE_S = Math.max(5, Number(argValue('--sample') ?? 60));
const WARMUP_MIN = Math.max(0, Number(argValue('--warmup') ?? 3));
const HLS = process.argv.includes('--hls');
const PORT = Number(argValue('--port') ?? 8960);
const SEED = Number(argValue('--seed') ?? 1);
/** The operator's actions (`--actions swap,maximise`, or `none`: an idle wall); all by default. */
const ACTIONS_ALLOWED = parseActions(argValue('--actions'));
/**
 * Without the WebRTC tiles' getStats() (every receiver answers an empty report): the stats
 * overlay's polling out of the picture, to tell whether it is what grows.
 */
const NO_RTC_STATS = process.argv.includes('--no-rtc-stats');
/** Also print, per sample, which listeners (target kind, event type) came or went since the last one. */
const LISTENERS = process.argv.includes('--listeners');
/**
 * Where to write a heap snapshot at the end of warm-up and one at the end (and print which
 * constructors grew between them): what the JS heap keeps.
 */
const HEAP_SNAPSHOTS = argValue('--heap-snapshots');
/** Between two actions: several a second, with time for the page to answer each. */
const ACTION_GAP_MS = 150;
/** The loop also ends after this many actions (at most ~7 a second on any machine). */
const MAX_ACTIONS = Math.ceil(MINUTES * 60 * 7);
/** The wall settles in the sampling state this long before a sample. */
const SETTLE_MS = 3000;
const WATCHDOG_MS = (MINUTES + 10) * 60_000;
const SAMPLED_TILES = 16;

/** The demo cameras themselves, not prepareWorkspace's copies of them (the same streams). */
const originals = (cameras: { id: string }[]): string[] =>
  cameras.map((c) => c.id).filter((id) => !id.startsWith('CAM-BENCH-COPY-'));

async function saveTour(origin: string): Promise<number> {
  const monitor = await hubSession(origin, 'monitor');
  try {
    const cameras = originals(await demoCameras(monitor));
    const tour = await monitor.call<{ id: number }>('wall.tours.save', {
      name: 'soak tour',
      mode: 'wall',
      layout: '4',
      cameras,
      dwellSeconds: 5,
    });
    return tour.id;
  } finally {
    monitor.close();
  }
}

/** Puts the wall in the sampling state (the 16-tile view, no tour) and samples it. */
async function sampleNow(world: SoakWorld, browser: CdpBrowser, shell: ChildProcess, at: number): Promise<Sample> {
  const viewId = world.views.get(SAMPLED_TILES);
  if (viewId === undefined) throw new Error('no sampling view');
  await stopTour(world.page).catch(() => undefined);
  // A click that missed (a menu still moving) would sample another wall: check, and try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await showView(world.page, viewId).catch(() => undefined);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const shown = await world.page.evaluate<number>(
      `document.querySelectorAll('[data-testid="wall-tile"]:not([data-camera-id=""])').length`,
    );
    if (shown === SAMPLED_TILES) break;
  }
  // The pointer rests off the toolbar, so no tooltip of the last click is part of the sample.
  await world.page.send('Input.dispatchMouseEvent', {
    type: 'mouseMoved',
    x: VIEWPORT.width / 2,
    y: VIEWPORT.height - 2,
  });
  return takeSample(world.page, at, browser.pid, shell.pid ?? 0);
}

async function soak(world: SoakWorld, browser: CdpBrowser, shell: ChildProcess): Promise<void> {
  const operator = new SoakOperator(world, random(SEED), ACTIONS_ALLOWED);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const samples: Sample[] = [];
  let actions = 0;
  let nextSample = 0;
  let tally: ListenerTally = {};
  let warmHeap: HeapSummary | null = null;
  console.log(header());
  for (;;) {
    const now = elapsed();
    const over = now >= MINUTES * 60 || actions >= MAX_ACTIONS;
    if (now >= nextSample || over) {
      await operator.settle();
      // The warm snapshot comes before the first measured sample, so that sample — the baseline of the
      // growth — already holds what taking a snapshot costs the renderer (its RSS stays raised after).
      const warmNow = HEAP_SNAPSHOTS !== undefined && warmHeap === null && now >= WARMUP_MIN * 60;
      if (warmNow) warmHeap = await takeHeapSnapshot(world.page, path.join(HEAP_SNAPSHOTS, 'warm.heapsnapshot'));
      const sample = await sampleNow(world, browser, shell, now);
      samples.push(sample);
      console.log(sampleLine(sample, actions, now >= WARMUP_MIN * 60));
      if (LISTENERS) {
        const next = await listenerTally(world.page);
        const changed = listenerChanges(tally, next);
        if (changed) console.log(`        listeners: ${changed}`);
        tally = next;
      }
      if (HEAP_SNAPSHOTS !== undefined && warmHeap !== null && over) {
        printHeapGrowth(warmHeap, await takeHeapSnapshot(world.page, path.join(HEAP_SNAPSHOTS, 'end.heapsnapshot')));
      }
      nextSample += SAMPLE_S;
      if (over) break;
    }
    if (await operator.step()) actions++;
    await new Promise((r) => setTimeout(r, ACTION_GAP_MS));
  }
  printTally(operator.tally, elapsed());
  const growthMet = printGrowth(samples.filter((s) => s.at >= WARMUP_MIN * 60));
  await clearWall(world.page);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const nothingLeft = printLeftBehind(await takeSample(world.page, elapsed(), browser.pid, shell.pid ?? 0));
  printGoal(growthMet, nothingLeft);
}

async function main(): Promise<void> {
  console.log(
    `wall soak — ${MINUTES} min, a sample every ${SAMPLE_S} s, warm-up ${WARMUP_MIN} min, ` +
      (HLS ? 'HLS (no RTCPeerConnection)' : 'as shipped (WebRTC where offered)') +
      `${NO_RTC_STATS ? ', no WebRTC getStats' : ''}; actions: ${ACTIONS_ALLOWED.join(', ') || 'none'}; ` +
      `loadavg before: ${loadavg()}`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-wall-soak-'));
  const watchdog = setTimeout(() => {
    console.error(`wall soak: watchdog after ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  let shell: ChildProcess | null = null;
  let browser: CdpBrowser | null = null;
  const admin: { close(): void }[] = [];
  try {
    shell = await startWebShell({
      port: PORT,
      dataDir,
      build: process.argv.includes('--no-build') ? 'none' : 'full',
      env: { CITYOPS_DEMO_MEDIA_CONTROL: '1' },
    });
    const origin = `http://127.0.0.1:${PORT}`;
    const views = await prepareWorkspace(origin, [4, 9, SAMPLED_TILES]);
    const tourId = await saveTour(origin);
    const adminSession = await hubSession(origin, 'admin');
    admin.push(adminSession);
    const cameras = originals(await demoCameras(adminSession));
    browser = await launchCdpChromium();
    const { page } = browser;
    await page.send('Page.enable');
    await page.send('Performance.enable');
    if (HLS) {
      // As bench-console.ts withoutWebRtc: every tile plays the gateway's HLS.
      await page.send('Page.addScriptToEvaluateOnNewDocument', {
        source: `Reflect.deleteProperty(window, 'RTCPeerConnection');`,
      });
    }
    if (NO_RTC_STATS) {
      await page.send('Page.addScriptToEvaluateOnNewDocument', {
        source: `RTCRtpReceiver.prototype.getStats = function () { return Promise.resolve(new Map()); };`,
      });
    }
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE_SCRIPT });
    if (LISTENERS) await page.send('Page.addScriptToEvaluateOnNewDocument', { source: LISTENER_TALLY_SCRIPT });
    await openWall(page, origin, 'monitor');
    await soak({ page, admin: adminSession, views, tourId, cameras }, browser, shell);
    console.log(`loadavg after: ${loadavg()}`);
  } finally {
    clearTimeout(watchdog);
    for (const s of admin) s.close();
    await browser?.close();
    shell?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
