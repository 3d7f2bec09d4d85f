import type { IngestProcess, Scheduler, Spawner } from '../../main/media/ingest';

/** A hand-moved clock for ingests and the gateway: timers fire only when a test advances it. */
export class ManualScheduler implements Scheduler {
  private time = 1_000_000;
  private seq = 0;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  now(): number {
    return this.time;
  }
  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + ms, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }
  /** Timers set and not yet fired or cancelled. */
  pending(): number {
    return this.timers.length;
  }
  /** Moves time forward, firing due timers in order (bounded: a timer loop would be a bug). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let fired = 0; fired < 1000; fired++) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
}

/** How a fake ffmpeg answers a signal. */
export interface FakeProcessOptions {
  /**
   * true (the default): a well-behaved ffmpeg, gone on the first signal. false: one that ignores signals (as one
   * stuck in a network read ignores SIGTERM); it exits only when the test ends it (end()).
   */
  exitsOnSignal?: boolean;
}

/** An ffmpeg that does what the test tells it: print progress or errors, exit. */
export class FakeProcess implements IngestProcess {
  readonly pid = 4242;
  readonly kills: string[] = [];
  exited = false;
  private out: ((t: string) => void)[] = [];
  private err: ((t: string) => void)[] = [];
  private exit: ((code: number | null, signal: string | null, error?: Error) => void)[] = [];
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    private readonly options: FakeProcessOptions = {},
  ) {}
  onStdout(l: (t: string) => void): void {
    this.out.push(l);
  }
  onStderr(l: (t: string) => void): void {
    this.err.push(l);
  }
  onExit(l: (code: number | null, signal: string | null, error?: Error) => void): void {
    this.exit.push(l);
  }
  kill(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.kills.push(signal);
    if (this.options.exitsOnSignal !== false) this.end(null, signal);
  }
  stdout(text: string): void {
    for (const l of this.out) l(text);
  }
  /** `-progress pipe:1` output reporting `frame` frames. */
  frames(frame: number): void {
    this.stdout(`frame=${frame}\nprogress=continue\n`);
  }
  stderr(lines: readonly string[]): void {
    for (const l of this.err) l(lines.map((line) => `${line}\n`).join(''));
  }
  end(code: number | null, signal: string | null = null, error?: Error): void {
    if (this.exited) return;
    this.exited = true;
    for (const l of this.exit) l(code, signal, error);
  }
}

export function fakeSpawner(options: FakeProcessOptions = {}): {
  spawner: Spawner;
  spawned: FakeProcess[];
  running: () => FakeProcess[];
} {
  const spawned: FakeProcess[] = [];
  return {
    spawned,
    spawner: (command, args) => {
      const p = new FakeProcess(command, args, options);
      spawned.push(p);
      return p;
    },
    running: () => spawned.filter((p) => !p.exited),
  };
}
