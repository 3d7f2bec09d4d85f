/** The WebRTC/HLS benchmark's table: one row per tile count and protocol, beside the goals. */
import os from 'node:os';
import { fmt, quantile } from './bench-shell';

export interface Cpu {
  seconds: number;
  hub: number;
  ffmpeg: number;
  ffmpegCount: number;
  browser: number;
  source: number;
}

export interface Row {
  tiles: number;
  label: string;
  firstMs: number[];
  /** Tiles whose first frame came over another protocol than asked (a WebRTC fallback to HLS). */
  otherProtocol: number;
  noFrame: number;
  latency: number[];
  unreadable: number;
  /** Playback stalls ('waiting') over the measured window, and the seconds spent in them. */
  stalls: number;
  stalledMs: number;
  cpu: Cpu | null;
}

/** What the run was asked for, printed beside the table. */
export interface RtcBenchSetup {
  tiles: readonly number[];
  size: string;
  kbits: number;
}

export function report(rows: Row[], { tiles: TILES, size: SIZE, kbits: KBITS }: RtcBenchSetup): void {
  const cores = os.cpus().length;
  console.log(
    `\n${'tiles'.padStart(5)}  ${'what'.padEnd(20)} ${'1st frame p50'.padStart(13)} ${'p95'.padStart(7)} ` +
      `${'none'.padStart(4)} ${'latency p50'.padStart(11)} ${'p95'.padStart(7)} ${'reads'.padStart(6)} ` +
      `${'stalls'.padStart(6)} ${'stalled'.padStart(7)} ` +
      `${'hub+ffmpeg/stream'.padStart(17)} ${'ffmpeg/stream'.padStart(13)} ${'hub'.padStart(5)} ${'chromium'.padStart(8)}`,
  );
  for (const r of rows) {
    const c = r.cpu;
    const perStream = (n: number): string => (c && c.ffmpegCount > 0 ? `${fmt(n / c.ffmpegCount, 1)} %` : '—');
    const note = r.otherProtocol > 0 ? `  (${r.otherProtocol} tile(s) fell back to HLS)` : '';
    console.log(
      `${String(r.tiles).padStart(5)}  ${r.label.padEnd(20)} ${fmt(quantile(r.firstMs, 0.5)).padStart(10)} ms ` +
        `${fmt(quantile(r.firstMs, 0.95)).padStart(4)} ms ${String(r.noFrame).padStart(4)} ` +
        `${fmt(quantile(r.latency, 0.5)).padStart(8)} ms ${fmt(quantile(r.latency, 0.95)).padStart(4)} ms ` +
        `${(r.latency.length > 0 || r.unreadable > 0 ? `${r.latency.length}/${r.latency.length + r.unreadable}` : '—').padStart(6)} ` +
        `${(c && r.firstMs.length > 0 ? String(r.stalls) : '—').padStart(6)} ` +
        `${(c && r.firstMs.length > 0 ? `${fmt(r.stalledMs / 1000, 1)} s` : '—').padStart(7)} ` +
        `${(c ? perStream(c.hub + c.ffmpeg) : '—').padStart(17)} ${(c ? perStream(c.ffmpeg) : '—').padStart(13)} ` +
        `${(c ? fmt(c.hub) : '—').padStart(4)}% ${(c ? fmt(c.browser) : '—').padStart(7)}%${note}`,
    );
  }
  const sources = rows.filter((r) => r.cpu && r.cpu.ffmpegCount > 0);
  if (sources.length > 0) {
    const maxTiles = Math.max(...TILES);
    const pct = sources.reduce((s, r) => s + (r.cpu?.source ?? 0), 0) / sources.length;
    console.log(
      `\nthe ${maxTiles} sources themselves (one python3 + GStreamer process, x264 ultrafast ${SIZE} 25 fps, ` +
        `${KBITS} kbit/s): ${fmt(pct)} % of one core on average over the measured windows`,
    );
  }
  console.log('\ngoals:');
  for (const tiles of TILES) {
    const of = (label: string) => rows.find((r) => r.tiles === tiles && r.label === label);
    const rtc = of('WebRTC');
    const hls = of('HLS');
    const ingest = of('ingest only')?.cpu;
    const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    const parts: string[] = [];
    if (rtc) {
      const p50 = quantile(rtc.firstMs, 0.5);
      const p95 = quantile(rtc.latency, 0.95);
      parts.push(`WebRTC first frame p50 ${fmt(p50)} ms ≤ 500 ${verdict(p50 <= 500)}`);
      parts.push(`latency p95 ${fmt(p95)} ms ≤ 300 ${verdict(p95 <= 300)}`);
    }
    if (ingest && ingest.ffmpegCount > 0) {
      const per = (ingest.hub + ingest.ffmpeg) / ingest.ffmpegCount;
      parts.push(`ingest ${fmt(per, 1)} %/stream ≤ 3 ${verdict(per <= 3)}`);
    }
    if (hls) {
      const p50 = quantile(hls.latency, 0.5);
      const p95 = quantile(hls.latency, 0.95);
      parts.push(`HLS latency p50 ${fmt(p50)} / p95 ${fmt(p95)} ms ≤ 3000 ${verdict(p95 <= 3000)}`);
    }
    console.log(`  ${String(tiles).padStart(2)} tiles: ${parts.join('; ')}`);
  }
  console.log(
    `(CPU in % of one core, ${cores} cores here; hub = the web shell process (gateway, embedded WebRTC engine, ` +
      `HLS serving); per stream = divided by the ffmpeg ingests running; reads = clock reads that decoded / all; ` +
      `stalls = the players' 'waiting' events over the measured window, stalled = seconds in them, all tiles)`,
  );
}
