import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A live HLS origin with faults, for player robustness tests: an HTTP server on
 * 127.0.0.1 that serves a sliding-window live playlist of 1-s MPEG-TS segments cut from media
 * generated once with ffmpeg into a temp dir:
 *   - 'normal':   one IDR per second, every segment starts with a keyframe;
 *   - 'long-gop': one IDR every 10 s with 1-s segments (split by time), so 9 of 10 segments start
 *                 without a keyframe — what many cameras and media servers publish;
 * and, in either, freeze(seconds): the playlist stops advancing (no new segments) for that long,
 * then goes on where it stopped, like an encoder that hung and recovered.
 * It counts every request per segment, and can ask for basic auth (the external-origin test).
 */

export type GopMode = 'normal' | 'long-gop';

export interface FaultyHlsOptions {
  mode: GopMode;
  /** Require these basic-auth credentials on every request. */
  auth?: { user: string; password: string };
  /** Seconds of media generated; played in a loop (with a discontinuity at each wrap). */
  seconds?: number;
  /** Injectable clock (ms) for unit tests; real time by default. */
  now?: () => number;
}

export interface FaultyHls {
  port: number;
  /** http://127.0.0.1:port/live/index.m3u8 (credentials, if any, are not in it). */
  url: string;
  /** Stops the playlist advancing for `seconds` from now. */
  freeze(seconds: number): void;
  /** Requests per media sequence number. */
  loads(): Map<number, number>;
  /** Playlist requests so far. */
  playlistLoads(): number;
  /** Segments published so far (the live edge's media sequence number + 1). */
  published(): number;
  close(): Promise<void>;
}

const SEGMENT_S = 1;
const WINDOW = 6;
const FPS = 15;
const mediaCache = new Map<GopMode, Promise<string>>();

/** Why ffmpeg cannot generate the media here, or null. */
export function faultyHlsMissing(): string | null {
  const run = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8', timeout: 10_000 });
  return run.error || run.status !== 0 ? 'ffmpeg is not installed (Debian package ffmpeg)' : null;
}

/** Encodes `seconds` of a test pattern once per mode: seg-<i>.ts, i = 0…seconds-1. */
function generate(mode: GopMode, seconds: number): Promise<string> {
  const cached = mediaCache.get(mode);
  if (cached) return cached;
  const made = new Promise<string>((resolve, reject) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `faulty-hls-${mode}-`));
    const gop = mode === 'long-gop' ? 10 * FPS : FPS;
    const args = [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi'],
      ...['-i', `testsrc2=size=320x180:rate=${FPS}`, '-t', String(seconds)],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
      ...['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', '-threads', '1'],
      ...['-f', 'hls', '-hls_time', String(SEGMENT_S), '-hls_list_size', '0', '-hls_flags', 'split_by_time'],
      ...['-hls_segment_filename', path.join(dir, 'seg-%d.ts'), path.join(dir, 'source.m3u8')],
    ];
    const run = spawnSync('ffmpeg', args, { encoding: 'utf8', timeout: 120_000 });
    if (run.error || run.status !== 0) {
      reject(new Error(`ffmpeg failed: ${run.error?.message ?? run.stderr}`));
      return;
    }
    resolve(dir);
  });
  mediaCache.set(mode, made);
  return made;
}

/** Durations of the generated segments, from ffmpeg's own playlist. */
function durations(dir: string): number[] {
  const text = fs.readFileSync(path.join(dir, 'source.m3u8'), 'utf8');
  return [...text.matchAll(/#EXTINF:([\d.]+),/g)].map((m) => Number(m[1]));
}

export async function startFaultyHls(options: FaultyHlsOptions): Promise<FaultyHls> {
  const now = options.now ?? Date.now;
  const dir = await generate(options.mode, options.seconds ?? 60);
  const lengths = durations(dir);
  const count = lengths.length;
  if (count < WINDOW) throw new Error(`only ${count} segments generated`);
  const startedAt = now();
  // The live edge is the number of segments published: one per second of unfrozen time.
  let frozenMs = 0;
  let freezeUntil = 0;
  let freezeFrom = 0;
  const loads = new Map<number, number>();
  let playlistLoads = 0;

  const frozenSoFar = (at: number): number => frozenMs + Math.max(0, Math.min(at, freezeUntil) - freezeFrom);
  const published = (): number => WINDOW + Math.floor((now() - startedAt - frozenSoFar(now())) / (SEGMENT_S * 1000));

  const playlist = (): string => {
    const end = published();
    const first = end - WINDOW;
    const lines = [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      `#EXT-X-TARGETDURATION:${Math.ceil(Math.max(...lengths))}`,
      `#EXT-X-MEDIA-SEQUENCE:${first}`,
      `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / count)}`,
    ];
    for (let msn = first; msn < end; msn += 1) {
      if (msn % count === 0 && msn > first) lines.push('#EXT-X-DISCONTINUITY');
      lines.push(`#EXTINF:${(lengths[msn % count] ?? SEGMENT_S).toFixed(3)},`, `seg-${msn}.ts`);
    }
    return `${lines.join('\n')}\n`;
  };

  const expected = options.auth
    ? `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`
    : null;

  const server = http.createServer((req, res) => {
    // Like most media servers: playable from any page (the player test pages are on another port).
    res.setHeader('access-control-allow-origin', '*');
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="faulty"' }).end();
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/live/index.m3u8') {
      playlistLoads += 1;
      res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl', 'cache-control': 'no-cache' });
      res.end(playlist());
      return;
    }
    const segment = /^\/live\/seg-(\d{1,12})\.ts$/.exec(pathname);
    const msn = segment ? Number(segment[1]) : -1;
    if (msn < 0 || msn >= published()) {
      res.writeHead(404).end();
      return;
    }
    loads.set(msn, (loads.get(msn) ?? 0) + 1);
    const bytes = fs.readFileSync(path.join(dir, `seg-${msn % count}.ts`));
    res.writeHead(200, { 'content-type': 'video/mp2t', 'content-length': String(bytes.length) });
    res.end(bytes);
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    url: `http://127.0.0.1:${port}/live/index.m3u8`,
    freeze(seconds: number): void {
      const at = now();
      frozenMs = frozenSoFar(at);
      freezeFrom = at;
      freezeUntil = at + seconds * 1000;
    },
    loads: () => new Map(loads),
    playlistLoads: () => playlistLoads,
    published,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
