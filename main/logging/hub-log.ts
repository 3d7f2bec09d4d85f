import fs from 'node:fs';
import path from 'node:path';
import { DAY_MS, isoShanghai, shanghaiDay } from '../../common/domain/time';
import type { Clock } from '../clock';
import { ensurePrivateDir } from '../security/hub-keys';
import { parseShanghaiStamp, shanghaiStamp } from '../services/backups/backup-names';

/** Rotate `hub.log` before it grows past `maxBytes`; delete rotated files `keepDays` after they were rotated. */
export interface HubLogPolicy {
  maxBytes: number;
  keepDays: number;
}

export const DEFAULT_HUB_LOG: HubLogPolicy = { maxBytes: 10 * 1024 * 1024, keepDays: 14 };
export const HUB_LOG_DIR = 'logs';
export const HUB_LOG_FILE = 'hub.log';

/** After a failed write the file is tried again this long later (a full disk must not be hammered per line). */
const RETRY_AFTER_MS = 60_000;
/** One line at most this long (a runaway dump must not push a whole day out of the file). */
const MAX_LINE_CHARS = 16_384;
const ROTATED_RE = /^hub-(\d{8}-\d{6})(?:-\d+)?\.log$/;

/** The file operations the log needs; a test replaces one to make it fail. */
export interface LogFiles {
  open(file: string): number;
  write(fd: number, text: string): void;
  close(fd: number): void;
  /** Size and last change of a file, or null when it does not exist. */
  stat(file: string): { size: number; mtimeMs: number } | null;
  rename(from: string, to: string): void;
  list(dir: string): string[];
  remove(file: string): void;
}

export const nodeLogFiles: LogFiles = {
  open: (file) => fs.openSync(file, 'a', 0o600),
  write: (fd, text) => void fs.writeSync(fd, text),
  close: (fd) => fs.closeSync(fd),
  stat: (file) => {
    try {
      const s = fs.statSync(file);
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return null;
    }
  },
  rename: (from, to) => fs.renameSync(from, to),
  list: (dir) => fs.readdirSync(dir),
  remove: (file) => fs.rmSync(file, { force: true }),
};

export interface HubLogOptions {
  dir: string;
  policy: HubLogPolicy;
  clock: Clock;
  files?: Partial<LogFiles>;
  /** Told once per run of failures (the shells print it on stderr, never through this log). */
  onError?: (err: unknown) => void;
}

/**
 * The hub's own log file, `<data folder>/logs/hub.log` (owner-only): each line with its Shanghai time. It is
 * rotated to `hub-YYYYMMDD-HHmmss.log` when it would grow past the size limit and when the day changes, and rotated
 * files older than the kept days are deleted. Writing never throws: a failed write (disk full, read-only folder) is
 * reported once, the lines meanwhile go to the hub's output only, and the file is tried again a minute later.
 */
export class HubLog {
  private readonly files: LogFiles;
  private readonly file: string;
  private fd: number | null = null;
  private size = 0;
  private day = 0;
  private retryAt = 0;
  private failing = false;

  constructor(private readonly options: HubLogOptions) {
    this.files = { ...nodeLogFiles, ...options.files };
    this.file = path.join(options.dir, HUB_LOG_FILE);
  }

  write(line: string): void {
    const now = this.options.clock();
    if (now < this.retryAt) return;
    try {
      const text = `${isoShanghai(now)} ${line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line}\n`;
      const bytes = Buffer.byteLength(text);
      let fd = this.fd ?? this.open(now);
      if (this.size > 0 && (this.size + bytes > this.options.policy.maxBytes || shanghaiDay(now) !== this.day)) {
        this.rotate(now);
        fd = this.open(now);
      }
      this.files.write(fd, text);
      this.size += bytes;
      this.failing = false;
    } catch (err) {
      this.failed(now, err);
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      this.files.close(this.fd);
    } catch {
      // Closing a file whose disk went away: nothing more to lose.
    }
    this.fd = null;
  }

  /** Rotated files older than the kept days, deleted; answers their names. */
  prune(now: number): string[] {
    const removed: string[] = [];
    for (const name of this.files.list(this.options.dir)) {
      const m = ROTATED_RE.exec(name);
      const at = m?.[1] === undefined ? null : parseShanghaiStamp(m[1]);
      if (at === null || now - at <= this.options.policy.keepDays * DAY_MS) continue;
      this.files.remove(path.join(this.options.dir, name));
      removed.push(name);
    }
    return removed;
  }

  private open(now: number): number {
    ensurePrivateDir(this.options.dir);
    const existing = this.files.stat(this.file);
    const fd = this.files.open(this.file);
    this.fd = fd;
    this.size = existing?.size ?? 0;
    // The day of a file found at start is the day it was last written (yesterday's is rotated at the first line).
    if (this.day === 0) this.day = shanghaiDay(existing && existing.size > 0 ? Math.min(existing.mtimeMs, now) : now);
    this.prune(now);
    return fd;
  }

  private rotate(now: number): void {
    this.close();
    const stamp = shanghaiStamp(now);
    let target = path.join(this.options.dir, `hub-${stamp}.log`);
    for (let n = 1; this.files.stat(target) !== null; n++) {
      target = path.join(this.options.dir, `hub-${stamp}-${n}.log`);
    }
    this.files.rename(this.file, target);
    this.size = 0;
    this.day = shanghaiDay(now);
  }

  private failed(now: number, err: unknown): void {
    this.close();
    this.retryAt = now + RETRY_AFTER_MS;
    if (this.failing) return;
    this.failing = true;
    try {
      this.options.onError?.(err);
    } catch {
      // The report of a failure must not be one.
    }
  }
}
