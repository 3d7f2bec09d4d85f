/**
 * A Chromium the soak drives over raw DevTools protocol (no Playwright): launched here with
 * --remote-debugging-port on 127.0.0.1, one page, commands over the `ws` package. Only the domains
 * the soak needs are used (Runtime.evaluate, Input, Emulation, Performance, HeapProfiler, Page.navigate);
 * the Network domain is never enabled, so the browser keeps no copy of the responses it gets
 * (Playwright enables it for every page it drives, and with it the renderer grows ≈ 25 MB/min from
 * the kept media segments alone — a soak would measure its instrument).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, chromiumPath, VIEWPORT } from './bench-shell';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Listener = (params: Record<string, unknown>) => void;

export interface CdpPage {
  /** Sends a command to the page; rejects with the protocol's error. */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** The next `method` event of the page (rejects after `timeoutMs`). */
  once(method: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Calls `listener` on every `method` event until the returned function is called. */
  on(method: string, listener: (params: Record<string, unknown>) => void): () => void;
  /** Evaluates `expression` in the page (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): void;
}

export interface CdpBrowser {
  page: CdpPage;
  /** The browser process (the launcher's pid): its descendants are the renderers. */
  pid: number;
  close(): Promise<void>;
}

async function connect(url: string): Promise<CdpPage> {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<Listener>>();
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
    };
    if (frame.id !== undefined) {
      const p = pending.get(frame.id);
      pending.delete(frame.id);
      if (frame.error) p?.reject(new Error(frame.error.message));
      else p?.resolve(frame.result);
    } else if (frame.method) {
      for (const l of listeners.get(frame.method) ?? []) l(frame.params ?? {});
    }
  });
  ws.on('close', () => {
    for (const p of pending.values()) p.reject(new Error('DevTools connection closed'));
    pending.clear();
  });
  let next = 0;
  const send = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  const once = (method: string, timeoutMs = 5000): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const set = listeners.get(method) ?? new Set<Listener>();
      listeners.set(method, set);
      const done: Listener = (params) => {
        clearTimeout(timer);
        set.delete(done);
        resolve(params);
      };
      const timer = setTimeout(() => {
        set.delete(done);
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      set.add(done);
    });
  const on = (method: string, listener: Listener): (() => void) => {
    const set = listeners.get(method) ?? new Set<Listener>();
    listeners.set(method, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: unknown } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (r.exceptionDetails)
      throw new Error(`in the page: ${JSON.stringify(r.exceptionDetails.exception ?? r.exceptionDetails.text)}`);
    return r.result.value as T;
  };
  return { send, once, on, evaluate, close: () => ws.close() };
}

/** Waits for Chromium's "DevTools listening on ws://…" line and returns the port. */
function devtoolsPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open DevTools:\n${output}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => reject(new Error(`Chromium exited:\n${output}`)));
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Launches headless Chromium (the benchmarks' flags) with one blank 1920×1080 page. */
export async function launchCdpChromium(): Promise<CdpBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-soak-chromium-'));
  const child = spawn(
    await chromiumPath(),
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      '--no-first-run',
      '--no-default-browser-check',
      // One renderer for the one page: no spare renderer kept warm beside it.
      '--disable-features=SpareRendererForSitePerProcess',
      'about:blank',
    ],
    // Its own process group: closing ends Chromium and every process it started, and nothing else.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  try {
    const port = await devtoolsPort(child);
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      type: string;
      webSocketDebuggerUrl: string;
    }[];
    const target = targets.find((t) => t.type === 'page');
    if (!target) throw new Error('Chromium has no page');
    const page = await connect(target.webSocketDebuggerUrl);
    await page.send('Emulation.setDeviceMetricsOverride', { ...VIEWPORT, deviceScaleFactor: 1, mobile: false });
    return {
      page,
      pid: child.pid ?? 0,
      close: async () => {
        page.close();
        killGroup(child, 'SIGTERM');
        await new Promise((r) => setTimeout(r, 1000));
        killGroup(child, 'SIGKILL');
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    killGroup(child, 'SIGKILL');
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}
