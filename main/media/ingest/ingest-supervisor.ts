import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff';
import { ffmpegArgs, type IngestOutput, type VideoCodec } from './ffmpeg-args';
import {
  inputVideoCodec,
  isErrorLine,
  lineSplitter,
  offlineReason,
  progressFrames,
  type OfflineReason,
} from './ffmpeg-output';
import { prepareHlsDirs } from './hls-dir';
import { nodeSpawner, type IngestProcess, type Spawner } from './process';
import { redactorFor, type Redactor } from './redact';
import { systemScheduler, type Scheduler } from './scheduler';

/**
 * One camera stream's ingest: ffmpeg pulls the RTSP stream over TCP and copies its
 * video to the requested outputs (RTP for the WebRTC engine, fMP4 HLS). Started by the first viewer,
 * stopped idleStopMs after the last one leaves, restarted after any failure on a capped back-off for
 * as long as someone watches. The URL holds the camera's credentials: it goes to ffmpeg and nowhere
 * else — states, logs and the command line shown are redacted.
 *
 *   idle ──acquire──▶ connecting ──first frame──▶ live
 *                       ▲   │                      │ exit / stall / bad codec
 *                       │   └──────────┬───────────┘
 *                   retry timer        ▼
 *                       └──────── offline(reason) ──idle stop──▶ idle
 */

export type IngestStatus = 'idle' | 'connecting' | 'live' | 'offline';

export interface IngestState {
  status: IngestStatus;
  /** Why the last run ended (offline only). */
  reason: OfflineReason | null;
  /** ffmpeg's own words for it, redacted (offline only). */
  detail: string | null;
  /** The camera's video codec as ffmpeg reported it, once seen ('h264', 'hevc', …). */
  codec: string | null;
  /** Failed runs since the stream was last live for stableMs. */
  failures: number;
  /** When this status began (scheduler time). */
  since: number;
  /** When the next run starts (offline only). */
  retryAt: number | null;
  viewers: number;
}

export interface IngestOptions {
  /** The playable URL, credentials included. Never stored in state, log or error. */
  url: string;
  outputs: readonly IngestOutput[];
  /** The system's `ffmpeg` unless configured. */
  ffmpegPath?: string;
  /** The codec if known before (probeCodec, an earlier ingest); else learnt from ffmpeg's output. */
  codec?: VideoCodec;
  /**
   * Transcode H.265 to H.264 (ffmpeg-args.ts TRANSCODE). A run started without knowing the codec
   * copies; one that finds H.265 is restarted at once with H.265's command line.
   */
  transcode?: boolean;
  /** Codecs the gateway passes through; another one stops the run as 'unsupported-codec'. */
  acceptCodecs?: readonly string[];
  /** ffmpeg's socket connect/read timeout. */
  timeoutMs?: number;
  /** No first frame this long after the start: the run is given up as a timeout. */
  firstFrameMs?: number;
  /**
   * No new frame this long while running: given up as a timeout. Needed because ffmpeg 5.1's RTSP
   * demuxer does not apply its I/O timeout once streaming over TCP: a camera that hangs mid-stream
   * would otherwise read as live forever.
   */
  stallMs?: number;
  backoff?: BackoffOptions;
  /** Live this long and the back-off starts over at its first step. */
  stableMs?: number;
  idleStopMs?: number;
  /** SIGTERM first (ffmpeg closes its outputs), SIGKILL if it is still there after this. */
  killGraceMs?: number;
  scheduler?: Scheduler;
  spawner?: Spawner;
  /** Readies the outputs before each run (default: HLS directories created and emptied of old runs). */
  prepareOutputs?: (outputs: readonly IngestOutput[]) => void;
  /** Receives redacted warning/error lines and state changes, for the hub's log. */
  log?: (line: string) => void;
  /** A name for log lines (camera id and stream); never the URL. */
  label?: string;
}

export const INGEST_DEFAULTS = {
  ffmpegPath: 'ffmpeg',
  acceptCodecs: ['h264', 'hevc'] as readonly string[],
  timeoutMs: 5000,
  firstFrameMs: 15_000,
  stallMs: 8000,
  stableMs: 10_000,
  idleStopMs: 30_000,
  killGraceMs: 3000,
};

const TAIL_LINES = 40;

type StateListener = (state: IngestState) => void;

interface Run {
  /** The codec its command line was made for (undefined: not known, copied as H.264 is). */
  codec: VideoCodec | undefined;
  process: IngestProcess;
  startedAt: number;
  liveAt: number | null;
  frames: number;
  errors: string[];
  inInput: boolean;
  /** Set when the supervisor ends the run itself: why (null = stopped on purpose, not a failure). */
  killedFor: OfflineReason | null | undefined;
  cancelWatchdog: () => void;
  cancelKill: () => void;
}

export class IngestSupervisor {
  private readonly options: Required<Omit<IngestOptions, 'codec' | 'log'>> & Pick<IngestOptions, 'codec' | 'log'>;
  private readonly redact: Redactor;
  private readonly listeners = new Set<StateListener>();
  private readonly tail: string[] = [];
  private current: IngestState;
  private run: Run | null = null;
  private cancelRetry: (() => void) | null = null;
  private cancelIdle: (() => void) | null = null;
  private closed = false;
  private exitWaiters: (() => void)[] = [];

  constructor(options: IngestOptions) {
    if (options.outputs.length === 0) throw new Error('An ingest needs at least one output');
    this.options = {
      ...INGEST_DEFAULTS,
      backoff: DEFAULT_BACKOFF,
      scheduler: systemScheduler,
      spawner: nodeSpawner,
      prepareOutputs: prepareHlsDirs,
      label: 'ingest',
      transcode: false,
      ...options,
    };
    this.redact = redactorFor(options.url);
    this.current = {
      status: 'idle',
      reason: null,
      detail: null,
      codec: options.codec ?? null,
      failures: 0,
      since: this.options.scheduler.now(),
      retryAt: null,
      viewers: 0,
    };
  }

  state(): IngestState {
    return { ...this.current };
  }

  onState(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** ffmpeg's arguments as they may be shown: the URL redacted. */
  commandLine(): string[] {
    return this.args().map((arg) => this.redact(arg));
  }

  /** The last lines ffmpeg printed, redacted. */
  recentOutput(): string[] {
    return [...this.tail];
  }

  /** The running ffmpeg's process id (for CPU measurements), if one runs. */
  pid(): number | undefined {
    return this.run?.process.pid;
  }

  /** A viewer arrives: the first one starts the ingest, any one cancels a pending idle stop. */
  acquire(): void {
    if (this.closed) throw new Error('The ingest is closed');
    this.cancelIdle?.();
    this.cancelIdle = null;
    this.update({ viewers: this.current.viewers + 1 });
    if (this.current.status === 'idle' && this.run === null) this.start();
  }

  /** A viewer leaves: after the last one, the ingest stops idleStopMs later unless one returns. */
  release(): void {
    if (this.current.viewers === 0) return;
    this.update({ viewers: this.current.viewers - 1 });
    if (this.current.viewers > 0 || this.closed) return;
    this.cancelIdle?.();
    this.cancelIdle = this.options.scheduler.after(this.options.idleStopMs, () => {
      this.cancelIdle = null;
      if (this.current.viewers === 0) this.goIdle();
    });
  }

  /** Stops for good (hub shutdown); resolves once ffmpeg has exited. */
  close(): Promise<void> {
    this.closed = true;
    this.cancelIdle?.();
    this.cancelIdle = null;
    this.update({ viewers: 0 });
    this.goIdle();
    if (this.run === null) return Promise.resolve();
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  /** The codec the next run's command line is made for: the last one seen, else the one given. */
  private plannedCodec(): VideoCodec | undefined {
    const seen = this.current.codec;
    return seen === 'h264' || seen === 'hevc' ? seen : this.options.codec;
  }

  private args(codec = this.plannedCodec()): string[] {
    return ffmpegArgs({
      url: this.options.url,
      outputs: this.options.outputs,
      timeoutMs: this.options.timeoutMs,
      codec,
      transcode: this.options.transcode,
    });
  }

  private wanted(): boolean {
    return !this.closed && this.current.viewers > 0;
  }

  private start(): void {
    this.cancelRetry = null;
    const { scheduler } = this.options;
    try {
      this.options.prepareOutputs(this.options.outputs);
    } catch (error) {
      // ffmpeg will say what is wrong with the directory in its own words; log ours beside it.
      this.options.log?.(`${this.options.label}: ${this.redact(String(error))}`);
    }
    const codec = this.plannedCodec();
    const process = this.options.spawner(this.options.ffmpegPath, this.args(codec));
    const run: Run = {
      codec,
      process,
      startedAt: scheduler.now(),
      liveAt: null,
      frames: 0,
      errors: [],
      inInput: false,
      killedFor: undefined,
      cancelWatchdog: () => undefined,
      cancelKill: () => undefined,
    };
    this.run = run;
    this.update({ status: 'connecting', reason: null, detail: null, retryAt: null });
    this.armWatchdog(run, this.options.firstFrameMs);
    process.onStdout(lineSplitter((line) => this.onProgress(run, line)));
    process.onStderr(lineSplitter((line) => this.onStderr(run, this.redact(line))));
    process.onExit((code, _signal, error) => this.onExit(run, code, error));
  }

  private armWatchdog(run: Run, ms: number): void {
    run.cancelWatchdog();
    run.cancelWatchdog = this.options.scheduler.after(ms, () => {
      if (this.run !== run) return;
      // First, so it is the detail shown: whatever ffmpeg says while dying is a consequence.
      run.errors.unshift(`[error] no ${run.frames === 0 ? 'first' : 'new'} frame within ${ms} ms`);
      this.kill(run, 'timeout');
    });
  }

  private onProgress(run: Run, line: string): void {
    if (this.run !== run || run.killedFor !== undefined) return;
    const frames = progressFrames(line);
    if (frames === null || frames <= run.frames) return;
    run.frames = frames;
    this.armWatchdog(run, this.options.stallMs);
    if (run.liveAt === null) {
      run.liveAt = this.options.scheduler.now();
      this.update({ status: 'live' });
    }
  }

  private onStderr(run: Run, line: string): void {
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    if (isErrorLine(line)) {
      run.errors.push(line);
      this.options.log?.(`${this.options.label}: ${line}`);
    }
    if (/^\[info\] Input #0\b/.test(line)) run.inInput = true;
    else if (/^\[info\] (?:Output #|Stream mapping)/.test(line)) run.inInput = false;
    const codec = run.inInput ? inputVideoCodec(line) : null;
    if (codec === null || this.run !== run) return;
    if (codec !== this.current.codec) this.update({ codec });
    if (!this.options.acceptCodecs.includes(codec)) {
      run.errors.push(`[error] ${codec} is not passed through (accepted: ${this.options.acceptCodecs.join(', ')})`);
      this.kill(run, 'unsupported-codec');
    } else if ((codec === 'hevc') !== (run.codec === 'hevc')) {
      // Started for the other codec: again at once with this one's command line (not a failure).
      this.options.log?.(`${this.options.label}: ${codec} found, restarting with its command line`);
      this.kill(run, null);
    }
  }

  /** Ends a run; `reason` null means on purpose (idle, close), else the failure to report. */
  private kill(run: Run, reason: OfflineReason | null): void {
    if (run.killedFor !== undefined) return;
    run.killedFor = reason;
    run.cancelWatchdog();
    run.process.kill('SIGTERM');
    run.cancelKill = this.options.scheduler.after(this.options.killGraceMs, () => run.process.kill('SIGKILL'));
  }

  private onExit(run: Run, code: number | null, error: Error | undefined): void {
    run.cancelWatchdog();
    run.cancelKill();
    if (this.run !== run) return;
    this.run = null;
    const waiters = this.exitWaiters;
    this.exitWaiters = [];
    for (const resolve of waiters) resolve();

    if (run.killedFor === null) {
      // Stopped on purpose; a viewer may have come back while it was exiting.
      if (this.wanted()) this.start();
      return;
    }
    const now = this.options.scheduler.now();
    const reason =
      run.killedFor ??
      (error
        ? (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no-ffmpeg'
          : 'error'
        : offlineReason({
            errors: run.errors,
            code,
            wentLive: run.liveAt !== null,
            elapsedMs: now - run.startedAt,
            timeoutMs: this.options.timeoutMs,
          }));
    const detail = error ? this.redact(error.message) : (run.errors[0] ?? null);
    const stable = run.liveAt !== null && now - run.liveAt >= this.options.stableMs;
    const failures = stable ? 1 : this.current.failures + 1;
    this.options.log?.(`${this.options.label}: offline (${reason})`);
    if (!this.wanted()) {
      this.update({ status: 'idle', reason, detail, failures, retryAt: null });
      return;
    }
    const delay = backoffDelay(failures, this.options.backoff);
    this.update({ status: 'offline', reason, detail, failures, retryAt: now + delay });
    this.cancelRetry = this.options.scheduler.after(delay, () => {
      if (this.wanted() && this.run === null && this.current.status === 'offline') this.start();
    });
  }

  private goIdle(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    if (this.run !== null) this.kill(this.run, null);
    if (this.current.status !== 'idle') this.update({ status: 'idle', retryAt: null });
  }

  private update(patch: Partial<IngestState>): void {
    const statusChanged = patch.status !== undefined && patch.status !== this.current.status;
    this.current = {
      ...this.current,
      ...patch,
      since: statusChanged ? this.options.scheduler.now() : this.current.since,
    };
    const snapshot = this.state();
    for (const listener of [...this.listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        // A listener's bug must not leave the supervisor half-way through a transition.
        this.options.log?.(`${this.options.label}: state listener failed: ${this.redact(String(error))}`);
      }
    }
  }
}
