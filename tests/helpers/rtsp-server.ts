import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * A real RTSP camera for tests: tests/fixtures/rtsp-server.py (GStreamer's RTSP server, live H.264,
 * basic auth, TCP) in its own process on 127.0.0.1. Tests that need it skip with the reason from
 * rtspServerMissing() on machines without GStreamer.
 */

const SCRIPT = path.resolve(import.meta.dirname, '../fixtures/rtsp-server.py');
export const SYSTEM_PYTHON = '/usr/bin/python3';
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5000;

const CHECK = [
  'import gi',
  "gi.require_version('Gst', '1.0')",
  "gi.require_version('GstRtspServer', '1.0')",
  'from gi.repository import Gst, GstRtspServer',
  'Gst.init(None)',
  "missing = [e for e in ('videotestsrc', 'x264enc', 'rtph264pay') if Gst.ElementFactory.find(e) is None]",
  "print(' '.join(missing))",
].join('\n');

const H265_ELEMENTS = "missing += [e for e in ('x265enc', 'rtph265pay') if Gst.ElementFactory.find(e) is None]";

const missingCache = new Map<string, string | null>();

/** Why the fixture cannot run here (packages to install), or null when it can. */
export function rtspServerMissing(codec: 'h264' | 'h265' = 'h264'): string | null {
  const cached = missingCache.get(codec);
  if (cached !== undefined) return cached;
  const missing = computeMissing(codec);
  missingCache.set(codec, missing);
  return missing;
}

function computeMissing(codec: 'h264' | 'h265'): string | null {
  const lines = CHECK.split('\n');
  if (codec === 'h265') lines.splice(-1, 0, H265_ELEMENTS);
  const run = spawnSync(SYSTEM_PYTHON, ['-c', lines.join('\n')], { encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) {
    return (
      `GStreamer's RTSP server is not usable from ${SYSTEM_PYTHON} (install python3-gi ` +
      `gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base): ${(run.error?.message ?? run.stderr).trim().split('\n').pop()}`
    );
  }
  if (run.stdout.trim().length > 0) {
    return (
      `GStreamer elements missing: ${run.stdout.trim()} ` +
      '(install gstreamer1.0-plugins-base, gstreamer1.0-plugins-good, gstreamer1.0-plugins-ugly, gstreamer1.0-plugins-bad)'
    );
  }
  return null;
}

/** Why `program -version` does not run here, or null when it does. */
export function programMissing(program: string): string | null {
  const run = spawnSync(program, ['-version'], { encoding: 'utf8', timeout: 10_000 });
  return run.error || run.status !== 0 ? `${program} is not installed (Debian package ffmpeg)` : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface RtspServerOptions {
  /** Free port by default; give the old one to restart a stopped server where cameras expect it. */
  port?: number;
  path?: string;
  user: string;
  password: string;
  /** Picture size, default 640x360. */
  size?: `${number}x${number}`;
  /** Bit rate in kbit/s, default 400. */
  kbits?: number;
  /** The camera's codec, default H.264 (H.265 needs x265enc, gstreamer1.0-plugins-bad). */
  codec?: 'h264' | 'h265';
  /** Frames between keyframes, default 25 (1 s); 250 is a 10-s GOP. */
  gopFrames?: number;
}

export interface RtspServer {
  port: number;
  path: string;
  /** rtsp://user:password@127.0.0.1:port/path, credentials percent-encoded. */
  url: (user?: string, password?: string) => string;
  /** SIGTERM, bounded; SIGKILL if it does not go. Resolves with the exit code. */
  stop: () => Promise<number | null>;
  pid: number | undefined;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startRtspServer(options: RtspServerOptions): Promise<RtspServer> {
  const port = options.port ?? (await freePort());
  const mount = options.path ?? '/cam';
  const picture = [
    options.size ?? '640x360',
    String(options.kbits ?? 400),
    options.codec ?? 'h264',
    String(options.gopFrames ?? 25),
  ];
  const child = spawn(SYSTEM_PYTHON, [SCRIPT, String(port), mount, options.user, options.password, ...picture], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`RTSP server not ready within ${READY_TIMEOUT_MS} ms: ${output}`));
    }, READY_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (new RegExp(`^READY ${port}$`, 'm').test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`RTSP server exited (${code}) before it was ready: ${output}`));
    });
  });
  const url = (user = options.user, password = options.password): string =>
    `rtsp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}${mount}`;
  const stop = async (): Promise<number | null> => {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
    return child.exitCode;
  };
  return { port, path: mount, url, stop, pid: child.pid };
}
