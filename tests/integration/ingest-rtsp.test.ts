import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HLS_INIT,
  HLS_PLAYLIST,
  IngestSupervisor,
  probeCodec,
  type IngestOptions,
  type IngestState,
} from '../../main/media/ingest';
import { programMissing, rtspServerMissing, startRtspServer, type RtspServer } from '../helpers/rtsp-server';

// The ingest against a real camera: GStreamer's RTSP server (live H.264, basic auth, TCP) and the
// system's ffmpeg. Waits are bounded by events (state changes, files renamed into place), never by
// sleeping; the bounds only turn a hang into a failure.

const missing = rtspServerMissing() ?? programMissing('ffmpeg') ?? programMissing('ffprobe');
if (missing) console.warn(`[ingest-rtsp] skipped: ${missing}`);

const USER = 'operator';
const PASSWORD = 'Pa:ss@w0rd/9';
const BOUND_MS = 15_000;

/** Everything the ingests said, to search for the password at the end. */
const seen: unknown[] = [];

function ingestFor(url: string, dir: string, extra: Partial<IngestOptions> = {}): IngestSupervisor {
  const ingest = new IngestSupervisor({
    url,
    outputs: [{ kind: 'hls', dir }],
    timeoutMs: 3000,
    log: (line) => seen.push(line),
    ...extra,
  });
  ingest.onState((state) => seen.push(state));
  return ingest;
}

function waitForState(
  ingest: IngestSupervisor,
  accept: (s: IngestState) => boolean,
  what: string,
): Promise<IngestState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${what} within ${BOUND_MS} ms; last state ${JSON.stringify(ingest.state())}`));
    }, BOUND_MS);
    const check = (state: IngestState): void => {
      if (!accept(state)) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    };
    const stop = ingest.onState(check);
    check(ingest.state());
  });
}

/** Resolves once the playlist (renamed into place by ffmpeg) lists at least `count` segments. */
function waitForSegments(dir: string, count: number): Promise<string[]> {
  const read = (): string[] => {
    try {
      return fs
        .readFileSync(path.join(dir, HLS_PLAYLIST), 'utf8')
        .split('\n')
        .filter((line) => line.endsWith('.m4s'));
    } catch {
      return [];
    }
  };
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(dir, () => {
      const segments = read();
      if (segments.length < count) return;
      clearTimeout(timer);
      watcher.close();
      resolve(segments);
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`fewer than ${count} segments within ${BOUND_MS} ms`));
    }, BOUND_MS);
  });
}

describe.skipIf(missing !== null)('ingest from a real RTSP camera', () => {
  let server: RtspServer;
  let tmp: string;
  const ingests: IngestSupervisor[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-rtsp-'));
    server = await startRtspServer({ user: USER, password: PASSWORD });
  }, 30_000);

  afterAll(async () => {
    await Promise.all(ingests.map((ingest) => ingest.close()));
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 30_000);

  it('goes live, copies H.264 into fMP4 HLS and RTP, and stops when the last viewer is gone', async () => {
    const dir = path.join(tmp, 'live');
    fs.mkdirSync(dir);
    const rtp = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => rtp.bind(0, '127.0.0.1', resolve));
    const firstPacket = new Promise<Buffer>((resolve) => rtp.once('message', resolve));
    const ingest = ingestFor(server.url(), dir, {
      outputs: [
        { kind: 'rtp', port: rtp.address().port, payloadType: 102, ssrc: 0x2468ace },
        { kind: 'hls', dir },
      ],
      idleStopMs: 0,
    });
    ingests.push(ingest);
    ingest.acquire();
    await waitForState(ingest, (s) => s.status === 'live', 'live');
    expect(ingest.state().codec).toBe('h264');
    const segments = await waitForSegments(dir, 2);

    const packet = await firstPacket;
    rtp.close();
    expect(packet[1]! & 0x7f).toBe(102);
    expect(packet.readUInt32BE(8)).toBe(0x2468ace);

    // Copied, not re-encoded: the command line says so, and the stream keeps the camera's own
    // Constrained Baseline profile (a libx264 re-encode would be High).
    const cmd = ingest.commandLine();
    expect(cmd.filter((a, i) => a === 'copy' && cmd[i - 1] === '-c:v')).toHaveLength(2);
    expect(cmd.join(' ')).not.toMatch(/libx26[45]/);
    const sample = path.join(dir, 'sample.mp4');
    fs.writeFileSync(
      sample,
      Buffer.concat([fs.readFileSync(path.join(dir, HLS_INIT)), fs.readFileSync(path.join(dir, segments[0]!))]),
    );
    const probed = JSON.parse(
      execFileSync(
        'ffprobe',
        [
          '-v',
          'error',
          '-show_entries',
          'stream=codec_name,codec_tag_string,profile,width,height',
          '-of',
          'json',
          sample,
        ],
        { encoding: 'utf8', timeout: 10_000 },
      ),
    ) as { streams: Record<string, unknown>[] };
    expect(probed.streams[0]).toMatchObject({
      codec_name: 'h264',
      codec_tag_string: 'avc1',
      profile: 'Constrained Baseline',
      width: 640,
      height: 360,
    });
    const playlist = fs.readFileSync(path.join(dir, HLS_PLAYLIST), 'utf8');
    expect(playlist).toContain('#EXT-X-MAP:URI="init.mp4"');
    expect(playlist).toContain('#EXT-X-PROGRAM-DATE-TIME');
    seen.push(cmd, ingest.recentOutput());

    ingest.release();
    await waitForState(ingest, (s) => s.status === 'idle', 'idle');
    await ingest.close();
    expect(ingest.pid()).toBeUndefined();
  }, 40_000);

  it('reads the codec with ffprobe, and keeps the password out of its error', async () => {
    const ok = await probeCodec(server.url(), { timeoutMs: 3000 });
    expect(ok).toEqual({
      ok: true,
      stream: { codec: 'h264', profile: 'Constrained Baseline', width: 640, height: 360 },
    });
    const denied = await probeCodec(server.url(USER, `${PASSWORD}x`), { timeoutMs: 3000 });
    expect(denied.ok).toBe(false);
    seen.push(denied);
    expect(JSON.stringify(denied)).toContain('401');
  }, 30_000);

  it('reports a wrong password as unauthorized', async () => {
    const dir = path.join(tmp, 'denied');
    fs.mkdirSync(dir);
    const ingest = ingestFor(server.url(USER, `${PASSWORD}x`), dir);
    ingests.push(ingest);
    ingest.acquire();
    const state = await waitForState(ingest, (s) => s.status === 'offline', 'offline');
    expect(state.reason).toBe('unauthorized');
    expect(state.detail).toContain('401');
    seen.push(ingest.recentOutput(), ingest.commandLine());
    await ingest.close();
  }, 30_000);

  it('goes offline when the camera stops and live again by itself when it returns', async () => {
    const dir = path.join(tmp, 'restart');
    fs.mkdirSync(dir);
    const ingest = ingestFor(server.url(), dir, { backoff: { initialMs: 200, maxMs: 1000 } });
    ingests.push(ingest);
    ingest.acquire();
    await waitForState(ingest, (s) => s.status === 'live', 'live');

    const firstRun = (await waitForSegments(dir, 1)).map((name) => path.join(dir, name));
    const port = server.port;
    expect(await server.stop()).toBe(0);
    const down = await waitForState(ingest, (s) => s.status === 'offline', 'offline');
    expect(['ended', 'refused', 'timeout']).toContain(down.reason);
    // While it is down, retries find nobody listening.
    await waitForState(ingest, (s) => s.status === 'offline' && s.reason === 'refused', 'refused');

    server = await startRtspServer({ port, user: USER, password: PASSWORD });
    const back = await waitForState(ingest, (s) => s.status === 'live', 'live again');
    expect(back.failures).toBeGreaterThan(0);
    // Each run starts from an empty directory: nothing of the first run is left behind.
    expect(firstRun.filter((file) => fs.existsSync(file))).toEqual([]);
    seen.push(ingest.recentOutput());
    await ingest.close();
  }, 40_000);

  it('never shows the password: not in a state, a log line, ffmpeg output kept, a command line or an error', () => {
    const text = JSON.stringify(seen);
    expect(text).toContain(`rtsp://***@127.0.0.1:${server.port}/cam`);
    expect(text).toContain('"status":"live"');
    for (const form of [PASSWORD, encodeURIComponent(PASSWORD), 'ss@w0rd']) expect(text).not.toContain(form);
  });
});

describe('ingest without ffmpeg', () => {
  it('reads a missing ffmpeg as no-ffmpeg, password kept out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-none-'));
    const logs: string[] = [];
    const ingest = new IngestSupervisor({
      url: `rtsp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:9/cam`,
      outputs: [{ kind: 'hls', dir }],
      ffmpegPath: path.join(dir, 'no-such-ffmpeg'),
      log: (line) => logs.push(line),
    });
    ingest.acquire();
    const state = await waitForState(ingest, (s) => s.status === 'offline', 'offline');
    await ingest.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(state.reason).toBe('no-ffmpeg');
    expect(JSON.stringify({ state, logs, out: ingest.recentOutput() })).not.toContain('ss@w0rd');
  });
});
