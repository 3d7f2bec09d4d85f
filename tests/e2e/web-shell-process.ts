import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_JS = path.join(ROOT, 'out/node/web.js');

/**
 * The built web shell as a real child process on 127.0.0.1, with its own data dir, so a test can
 * kill it and start it again on the same port and data (what an operator sees when the hub restarts).
 */
export class WebShellProcess {
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-e2e-'));
  private child: ChildProcess | null = null;
  private output = '';

  /**
   * `demoHistory`: the demo's working center (60 days of orders, a roster: main/services/demo). Off by
   * default — the specs count on an empty order list, no overdue alerts and a roster of their own.
   */
  constructor(
    readonly port: number,
    private readonly options: { demoHistory?: boolean; startTimeoutMs?: number; env?: Record<string, string> } = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    if (!fs.existsSync(WEB_JS)) throw new Error(`${WEB_JS} missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [WEB_JS, '--port', String(this.port), '--data-dir', this.dataDir], {
      cwd: ROOT,
      env: {
        ...process.env,
        CITYOPS_ADMIN_PASSWORD: '',
        CITYOPS_DEMO_MEDIA_CONTROL: '1',
        CITYOPS_DEMO_HISTORY: this.options.demoHistory ? '1' : '0',
        // The tests move the hub's time instead of sleeping (hub-clock.ts).
        CITYOPS_TEST_CLOCK: '1',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const timeoutMs = this.options.startTimeoutMs ?? 20_000;
    const ready = new Promise<void>((resolve, reject) => {
      const take = (d: Buffer) => {
        this.output += d.toString();
        if (this.output.includes('console URL')) resolve();
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.once('exit', () => reject(new Error(`web shell exited early:\n${this.output}`)));
      AbortSignal.timeout(timeoutMs).addEventListener('abort', () =>
        reject(new Error(`web shell did not start within ${timeoutMs / 1000} s:\n${this.output}`)),
      );
    });
    try {
      await ready;
    } catch (err) {
      // A shell that was slow to start is not left running (and serving) behind the failed test.
      await this.stop();
      throw err;
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  log(): string {
    return this.output;
  }
}
