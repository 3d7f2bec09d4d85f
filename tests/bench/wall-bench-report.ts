/** The wall benchmark's table and its ratios to the bare page, beside the goals. */
import os from 'node:os';
import { fmt, quantile } from './bench-shell';

export type Mode = 'ours' | 'bare' | 'workspace' | 'ws-rtc';

export interface RunResult {
  mode: Mode;
  tiles: number;
  ttffMs: number[];
  noFrame: number;
  dropped: number;
  total: number;
  cpuPct: number;
  /** The hub process over the same window (WebRTC moves work from the page into the hub). */
  hubPct: number;
  mainThreadPct: number;
  /** Per second of the measured window: RENDERING_METRICS' deltas. */
  rendering: Record<string, number>;
  /** Requests per second over the measured window, by kind (playlist, segment, other). */
  requests: Record<string, number>;
  states: string;
}

/** Performance.getMetrics names printed per page: how often and how long the page restyles, lays out and runs script. */
const RENDERING_METRICS = [
  ['RecalcStyleCount', 'styles/s'],
  ['RecalcStyleDuration', 'style ms/s'],
  ['LayoutCount', 'layouts/s'],
  ['LayoutDuration', 'layout ms/s'],
  ['ScriptDuration', 'script ms/s'],
] as const;
const DURATIONS = new Set(['RecalcStyleDuration', 'LayoutDuration', 'ScriptDuration', 'TaskDuration']);

export function metricDelta(before: Map<string, number>, after: Map<string, number>, name: string): number {
  return (after.get(name) ?? 0) - (before.get(name) ?? 0);
}

/** RENDERING_METRICS per second; durations (seconds in CDP) in ms. */
export function renderingRates(
  before: Map<string, number>,
  after: Map<string, number>,
  seconds: number,
): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const [name] of RENDERING_METRICS) {
    const delta = metricDelta(before, after, name) * (DURATIONS.has(name) ? 1000 : 1);
    rates[name] = delta / seconds;
  }
  return rates;
}

/** Which kind of media request a URL is: a busy machine does not change how many a page should make. */
export function requestKind(url: string): 'playlist' | 'segment' | 'other' {
  const { pathname } = new URL(url);
  if (pathname.endsWith('.m3u8')) return 'playlist';
  if (/\.(m4s|mp4|ts|aac)$/.test(pathname)) return 'segment';
  return 'other';
}

function printRendering(results: RunResult[]): void {
  console.log(
    `\nrendering work per second:\n${'tiles'.padStart(5)} ${'page'.padEnd(9)} ` +
      RENDERING_METRICS.map(([, label]) => label.padStart(12)).join(''),
  );
  for (const r of results) {
    console.log(
      `${String(r.tiles).padStart(5)} ${r.mode.padEnd(9)} ` +
        RENDERING_METRICS.map(([name]) => fmt(r.rendering[name] ?? 0, 1).padStart(12)).join(''),
    );
  }
  console.log(`\nrequests per second:\n${'tiles'.padStart(5)} ${'page'.padEnd(9)} playlist  segment    other`);
  for (const r of results) {
    const n = (kind: string): string => fmt(r.requests[kind] ?? 0, 1).padStart(9);
    console.log(`${String(r.tiles).padStart(5)} ${r.mode.padEnd(9)}${n('playlist')}${n('segment')}${n('other')}`);
  }
}

const droppedPct = (r: RunResult): number => (r.total > 0 ? (r.dropped / r.total) * 100 : 0);
const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : a > 0 ? '∞' : '1.00 (both 0)');
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** What the run was asked for, printed beside the table. */
export interface WallBenchSetup {
  tiles: readonly number[];
  workspaceTiles: readonly number[];
  durationS: number;
}

export function report(
  results: RunResult[],
  fps: number,
  { tiles: TILES, workspaceTiles: WORKSPACE_TILES, durationS: DURATION_S }: WallBenchSetup,
): void {
  console.log(
    `\n${'tiles'.padStart(5)} ${'page'.padEnd(9)} ${'TTFF p50'.padStart(9)} ${'p95'.padStart(6)} ` +
      `${'no frame'.padStart(8)} ${'dropped/total'.padStart(14)} ${'drop %'.padStart(7)} ${'played'.padStart(7)} ` +
      `${'CPU %'.padStart(6)} ${'main %'.padStart(7)} ${'hub %'.padStart(6)}  health`,
  );
  for (const r of results) {
    const expected = r.tiles * fps * DURATION_S;
    console.log(
      `${String(r.tiles).padStart(5)} ${r.mode.padEnd(9)} ${fmt(quantile(r.ttffMs, 0.5)).padStart(7)}ms ` +
        `${fmt(quantile(r.ttffMs, 0.95)).padStart(4)}ms ${String(r.noFrame).padStart(8)} ` +
        `${`${r.dropped}/${r.total}`.padStart(14)} ${fmt(droppedPct(r), 2).padStart(7)} ` +
        `${fmt((r.total / expected) * 100).padStart(6)}% ${fmt(r.cpuPct).padStart(6)} ${fmt(r.mainThreadPct).padStart(7)} ` +
        `${fmt(r.hubPct).padStart(6)}  ${r.states}`,
    );
  }
  printRendering(results);
  console.log('\nratios to bare:');
  for (const tiles of TILES) {
    const bare = results.find((r) => r.tiles === tiles && r.mode === 'bare');
    if (!bare) continue;
    for (const other of results.filter((r) => r.tiles === tiles && r.mode !== 'bare')) {
      console.log(
        `  ${String(tiles).padStart(2)} tiles, ${other.mode.padEnd(9)}: dropped % ${ratio(droppedPct(other), droppedPct(bare))}, ` +
          `CPU ${ratio(other.cpuPct, bare.cpuPct)}, main thread ${ratio(other.mainThreadPct, bare.mainThreadPct)}, ` +
          `TTFF p50 ${ratio(quantile(other.ttffMs, 0.5), quantile(bare.ttffMs, 0.5))}`,
      );
    }
  }
  console.log('\ngoals:');
  const find = (tiles: number, mode: Mode) => results.find((r) => r.tiles === tiles && r.mode === mode);
  const bare16 = find(16, 'bare');
  const ours16 = find(16, 'ours');
  if (ours16 && bare16) {
    const cpu = ours16.cpuPct / bare16.cpuPct;
    console.log(
      `  16 tiles, ours: ≤ 1 % dropped → ${fmt(droppedPct(ours16), 2)} % ${verdict(droppedPct(ours16) <= 1)}; ` +
        `CPU ≤ 1.1× bare → ${fmt(cpu, 2)} ${verdict(cpu <= 1.1)}`,
    );
  }
  for (const tiles of WORKSPACE_TILES) {
    const bare = find(tiles, 'bare');
    for (const mode of ['workspace', 'ws-rtc'] as const) {
      const ws = find(tiles, mode);
      if (!ws || !bare) continue;
      const cpu = ws.cpuPct / bare.cpuPct;
      console.log(
        `  ${tiles} tiles, ${mode}: ≤ 1 % dropped → ${fmt(droppedPct(ws), 2)} % ${verdict(droppedPct(ws) <= 1)}; ` +
          `CPU ≤ 1.05× bare → ${fmt(cpu, 2)} ${verdict(cpu <= 1.05)}`,
      );
    }
  }
  console.log(
    `(CPU % = all Chromium processes, % of one core, ${os.cpus().length} cores here; main % = renderer main thread busy; ` +
      'hub % = the web shell process (serving HLS, or packetizing and sending WebRTC); ' +
      `played = frames decoded / ${fps} fps × tiles × ${DURATION_S} s; workspace TTFF from the click on the view, ` +
      `the others from navigation)`,
  );
}

// ---------------------------------------------------------------------------------------------
