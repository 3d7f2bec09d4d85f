/**
 * What the browser benchmarks share: building and starting the web shell on 127.0.0.1, launching
 * Chromium the same way for every page, and the figures they print.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserType } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const VIEWPORT = { width: 1920, height: 1080 };
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'];
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--name 1,9,16` as distinct positive integers up to `max`. */
export function argCounts(name: string, fallback: string, max = 64): number[] {
  return [
    ...new Set(
      (argValue(name) ?? fallback)
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0 && n <= max),
    ),
  ];
}

/** Loaded at run time, not bundled: esbuild and Playwright are not bundleable (native/binary parts). */
export async function load<T>(name: string): Promise<T> {
  return (await import(name)) as T;
}

/** The Chromium the benchmarks run: the system one when there is one, else Playwright's own. */
export async function chromiumPath(): Promise<string> {
  if (SYSTEM_CHROMIUM) return SYSTEM_CHROMIUM;
  const { chromium } = await load<{ chromium: BrowserType }>('@playwright/test');
  return chromium.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await load<{ chromium: BrowserType }>('@playwright/test');
  return chromium.launch({ ...(SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}), args: CHROMIUM_ARGS });
}

/**
 * Builds (the hub only, or with the console's renderer) and starts the web shell in demo mode on
 * a fresh data folder; resolves once it listens.
 */
export async function startWebShell(options: {
  port: number;
  dataDir: string;
  build: 'node' | 'full' | 'none';
  env?: Record<string, string>;
  /** Options for node itself (e.g. --cpu-prof), before the script. */
  nodeArgs?: string[];
}): Promise<ChildProcess> {
  if (options.build !== 'none') {
    const args = [path.join(ROOT, 'scripts/build.mjs'), ...(options.build === 'node' ? ['--node-only'] : [])];
    const built = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
  }
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      path.join(ROOT, 'out/node/web.js'),
      '--port',
      String(options.port),
      '--data-dir',
      options.dataDir,
    ],
    {
      cwd: ROOT,
      // No demo history: the figures stay comparable with runs before it (an empty order list).
      env: { ...process.env, CITYOPS_ADMIN_PASSWORD: '', CITYOPS_DEMO_HISTORY: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  // A minute: on a loaded machine (load average 20 on 2 cores) the hub took more than 20 s to start.
  const deadline = Date.now() + 60_000;
  while (!output.includes('console URL')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`web shell did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

export const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');

export function loadavg(): string {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}
