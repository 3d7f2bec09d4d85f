import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, SYSTEM_PYTHON } from '../helpers/rtsp-server';
import { ROOT } from './bench-shell';

/**
 * Cameras that show their own clock (tests/fixtures/latency-source.py) in one process on
 * 127.0.0.1: `count` RTSP streams with a user and password, for the WebRTC benchmark.
 */

/** From the repository root: this file runs bundled from .cache/run-ts/ (scripts/run-ts.mjs). */
const SCRIPT = path.join(ROOT, 'tests/fixtures/latency-source.py');

export interface LatencySource {
  pid: number;
  /** rtsp://user:password@127.0.0.1:port/cam<n>, n from 1. */
  url(n: number): string;
  stop(): void;
}

export async function startLatencySource(options: {
  count: number;
  user: string;
  password: string;
  /** WIDTHxHEIGHT, a width divisible by 40 (the clock's bits). */
  size: string;
  kbits: number;
}): Promise<LatencySource> {
  const port = await freePort();
  const child = spawn(
    SYSTEM_PYTHON,
    [SCRIPT, String(port), String(options.count), options.user, options.password, options.size, String(options.kbits)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`latency source not ready in 15 s: ${output}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`READY ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`latency source exited (${code}): ${output}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const auth = `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}`;
  return {
    pid: child.pid ?? 0,
    url: (n) => `rtsp://${auth}@127.0.0.1:${port}/cam${n}`,
    stop: () => child.kill('SIGKILL'),
  };
}
