import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ApiResult } from '../../common/contract';
import type { ServerFrame } from '../../common/contract/wire';
import { WS_PATH } from '../../common/contract/wire';
import { DB_FILE_NAME } from '../../main/db/connection';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { freePort } from '../helpers/rtsp-server';

// The hub as the operator runs it (the built web shell in its own process), killed with SIGKILL while
// several consoles are writing, then started again on the same data folder: every write it acknowledged
// must still be there, and the database must be intact. Bounded by counts, never by time.

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_JS = path.join(ROOT, 'out/node/web.js');

const ROUNDS = 2;
/** Each console writes at most this many times per round (orders and duty log entries, alternating). */
const WRITES_PER_CLIENT = 200;
/** Calls each console keeps in flight: a burst, as several operators at once. */
const IN_FLIGHT_PER_CLIENT = 4;
/** The hub is killed once this many writes of the round have been acknowledged. */
const KILL_AFTER_ACKS = 100;
/** Demo accounts of the center who may both file orders and write the duty log. */
const WRITERS = ['hotline', 'grid', 'chief'] as const;

type Ack = { kind: 'order'; id: number; code: string; title: string } | { kind: 'log'; id: number; text: string };

/** The environment of the hub: demo mode without its history, nothing of this machine's CITYOPS_* settings. */
function hubEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CITYOPS_')));
  return { ...env, CITYOPS_ADMIN_PASSWORD: '', CITYOPS_DEMO_HISTORY: '0' };
}

/** One run of the built web shell on dataDir; ready once it prints its console URL. */
async function startHub(dataDir: string): Promise<{ child: ChildProcess; port: number; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [WEB_JS, '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env: hubEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('console URL')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`hub exited (${code ?? signal}) on start:\n${output}`)));
    child.once('error', reject);
  });
  return { child, port, log: () => output };
}

function killHub(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

/** A console on the WebSocket API (common/contract/wire.ts): calls by id, answers matched by id. */
class Console {
  private nextId = 1;
  readonly pending = new Map<number, { resolve: (r: ApiResult<unknown>) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (frame.t !== 'result') return;
      const waiting = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      waiting?.resolve(frame.result);
    });
    ws.on('close', () => this.failAll());
    ws.on('error', () => this.failAll());
  }

  static open(port: number): Promise<Console> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`);
      ws.once('open', () => resolve(new Console(ws)));
      ws.once('error', reject);
    });
  }

  call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.ws.readyState !== WebSocket.OPEN) {
        reject(new Error('connection closed'));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ t: 'call', id, method, input }));
    });
  }

  async login(username: string): Promise<void> {
    const result = await this.call('auth.login', { username, password: DEMO_PASSWORD });
    if (!result.ok) throw new Error(`login ${username}: ${result.error.code} ${result.error.message.en}`);
  }

  close(): void {
    this.ws.terminate();
  }

  private failAll(): void {
    for (const { reject } of this.pending.values()) reject(new Error('connection closed'));
    this.pending.clear();
  }
}

interface Burst {
  acks: Ack[];
  /** Answers that were errors: none are expected (each write is valid). */
  refused: string[];
  /** Calls sent and not yet answered when the hub was killed. */
  inFlightAtKill: number;
}

/**
 * Three consoles write (orders and duty log entries, alternating) with several calls in flight each,
 * until the hub, killed after KILL_AFTER_ACKS acknowledgements, drops them all.
 */
async function burst(round: number, port: number, child: ChildProcess): Promise<Burst> {
  const consoles = await Promise.all(WRITERS.map(() => Console.open(port)));
  await Promise.all(consoles.map((c, i) => c.login(WRITERS[i] ?? 'chief')));
  const result: Burst = { acks: [], refused: [], inFlightAtKill: -1 };
  const kill: { done: Promise<void> | null } = { done: null };
  const reached = (): void => {
    if (kill.done || result.acks.length < KILL_AFTER_ACKS) return;
    // Deferred by a microtask: the console that got the answer has sent its next call by then.
    kill.done = Promise.resolve().then(() => {
      result.inFlightAtKill = consoles.reduce((n, c) => n + c.pending.size, 0);
      return killHub(child);
    });
  };
  const worker = async (c: Console, ci: number, counter: { issued: number }): Promise<void> => {
    while (counter.issued < WRITES_PER_CLIENT) {
      const n = counter.issued++;
      const tag = `r${round}-c${ci}-${n}`;
      const isOrder = n % 2 === 0;
      const title = `崩溃恢复测试工单 ${tag}`;
      const text = `崩溃恢复测试记录 ${tag}`;
      let answer: ApiResult<unknown>;
      try {
        answer = isOrder
          ? await c.call('orders.create', {
              title,
              description: '进程被强制结束前已确认的写入，重启后必须仍在',
              categoryId: '01003',
              address: `川沙路 ${n + 1} 号`,
              source: 'hotline',
              urgency: 'normal',
              acceptNow: false,
            })
          : await c.call('duty.log.append', { kind: 'duty', text });
      } catch {
        return; // the hub is gone: this call was never acknowledged
      }
      if (!answer.ok) {
        result.refused.push(`${tag}: ${answer.error.code} ${answer.error.message.en}`);
        continue;
      }
      const value = answer.value as { id: number; code?: string };
      result.acks.push(
        isOrder ? { kind: 'order', id: value.id, code: value.code ?? '', title } : { kind: 'log', id: value.id, text },
      );
      reached();
    }
  };
  await Promise.all(
    consoles.map((c, ci) => {
      const counter = { issued: 0 };
      return Promise.all(Array.from({ length: IN_FLIGHT_PER_CLIENT }, () => worker(c, ci, counter)));
    }),
  );
  // If every write was answered before the threshold, the hub is still up: that is a failure below.
  await kill.done;
  for (const c of consoles) c.close();
  return result;
}

/** What the data folder holds of the acknowledged writes, read directly from the database file. */
function missingAcks(dataDir: string, acks: readonly Ack[]): { missing: string[]; integrity: unknown[] } {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const order = db.prepare('SELECT code, title FROM orders WHERE id = ?');
    const entry = db.prepare('SELECT text FROM duty_log_entries WHERE id = ?');
    const missing = acks
      .filter((a) => {
        if (a.kind === 'order') {
          const row = order.get(a.id) as { code: string; title: string } | undefined;
          return row?.code !== a.code || row.title !== a.title;
        }
        return (entry.get(a.id) as { text: string } | undefined)?.text !== a.text;
      })
      .map((a) => JSON.stringify(a));
    return { missing, integrity: db.pragma('integrity_check') as unknown[] };
  } finally {
    db.close();
  }
}

let dataDir: string | undefined;
let running: ChildProcess | null = null;

beforeAll(() => {
  // The test runs the hub as shipped: the Node bundles are built from this tree first.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--node-only'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-crash-'));
}, 150_000);

afterAll(async () => {
  if (running) await killHub(running);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash recovery (SIGKILL mid-burst)', () => {
  it('keeps every acknowledged order and duty log entry, and an intact database, across kills', async () => {
    if (!dataDir) throw new Error('no data folder');
    const dir = dataDir;
    const acknowledged: Ack[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const hub = await startHub(dir);
      running = hub.child;
      if (round > 1) {
        // The restarted hub answers again, and holds everything acknowledged before the kill.
        expect(missingAcks(dir, acknowledged)).toEqual({ missing: [], integrity: [{ integrity_check: 'ok' }] });
      }
      const b = await burst(round, hub.port, hub.child);
      expect(b.refused, hub.log()).toEqual([]);
      expect(b.acks.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(b.acks.some((a) => a.kind === 'order') && b.acks.some((a) => a.kind === 'log')).toBe(true);
      // Killed mid-burst: calls were on the wire, and not every write was made.
      expect(b.inFlightAtKill).toBeGreaterThan(0);
      expect(b.acks.length).toBeLessThan(WRITERS.length * WRITES_PER_CLIENT);
      expect(hub.child.signalCode).toBe('SIGKILL');
      acknowledged.push(...b.acks);
      running = null;
    }
    const last = await startHub(dir);
    running = last.child;
    const check = await Console.open(last.port);
    await check.login('chief');
    check.close();
    expect(missingAcks(dir, acknowledged)).toEqual({ missing: [], integrity: [{ integrity_check: 'ok' }] });
    await killHub(last.child);
    running = null;
  }, 240_000);
});
