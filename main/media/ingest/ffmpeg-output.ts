/**
 * Reading ffmpeg: the `-progress pipe:1` key=value blocks on stdout (frames copied so far) and the
 * `-loglevel level+info` lines on stderr (the input's codec, the reason it gave up). Samples of real
 * ffmpeg 5.1 output are in tests/unit/ingest-supervisor.test.ts.
 */

import { GATEWAY_REASONS, type GatewayReason } from '../../../common/contract/media';

/** Why an ingest is offline: the contract's list, which tiles and the tree show (common/contract/media.ts). */
export const OFFLINE_REASONS = GATEWAY_REASONS;
export type OfflineReason = GatewayReason;

/** Splits a stream of text chunks into whole lines. */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let rest = '';
  return (chunk) => {
    const parts = (rest + chunk).split(/\r?\n|\r/);
    rest = parts.pop() ?? '';
    for (const line of parts) if (line.length > 0) onLine(line);
  };
}

/** `frame=123` from a progress block: frames written so far (copied frames count too). */
export function progressFrames(line: string): number | null {
  const m = /^frame=\s*(\d+)\s*$/.exec(line);
  return m ? Number(m[1]) : null;
}

/** Input stream lines such as `[info]   Stream #0:0: Video: h264 (Constrained Baseline), …`. */
export function inputVideoCodec(line: string): string | null {
  const m = /Stream #0:\d+(?:\[0x[0-9a-f]+\])?(?:\([^)]*\))?: Video: ([A-Za-z0-9_]+)/.exec(line);
  return m?.[1] ?? null;
}

/**
 * Only `[error]`/`[fatal]` lines say why ffmpeg stopped; warnings about timestamps do not. setpriv
 * (see process.ts) speaks for a program it could not start.
 */
export function isErrorLine(line: string): boolean {
  return /^(?:\[[^\]]+ @ 0x[0-9a-f]+\] )?\[(?:error|fatal|panic)\]|^setpriv: /.test(line);
}

const RULES: readonly [RegExp, OfflineReason][] = [
  [/\b401\b|Unauthorized|authorization failed/i, 'unauthorized'],
  [/\b404\b|Not Found/i, 'not-found'],
  [/Connection refused/i, 'refused'],
  [/timed out|timeout/i, 'timeout'],
  [/Failed to resolve hostname|Name or service not known|No route to host|Network is unreachable/i, 'unreachable'],
  [
    /Unsupported codec|codec not currently supported|Could not find tag for codec|not supported by/i,
    'unsupported-codec',
  ],
];

export interface ExitFacts {
  /** The error lines ffmpeg printed, oldest first. */
  errors: readonly string[];
  code: number | null;
  /** Whether a frame was ever copied in this run. */
  wentLive: boolean;
  /** How long the run lasted and the I/O timeout it was given: a silent server reads as bad data. */
  elapsedMs: number;
  timeoutMs: number;
}

/**
 * Why a run ended. The first matching error wins (ffmpeg prints the cause before the consequences:
 * "method DESCRIBE failed: 401" before "Could not write header"). ffmpeg 5.1 reports a server that
 * accepts the connection and then says nothing as "Invalid data found when processing input" once
 * its timeout has passed, so that message after the timeout is a timeout.
 */
export function offlineReason(facts: ExitFacts): OfflineReason {
  // 127: setpriv (or a shell) could not execute the program.
  if (facts.code === 127 || facts.errors.some((line) => /^setpriv: failed to execute/.test(line))) return 'no-ffmpeg';
  for (const line of facts.errors) {
    // The URL in a message ("rtsp://***@host:401/x: …", "tcp://…?timeout=…") is not its reason.
    const message = line.replace(/[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*/g, '');
    for (const [pattern, reason] of RULES) if (pattern.test(message)) return reason;
  }
  const invalidData = facts.errors.some((line) => /Invalid data found when processing input/.test(line));
  if (invalidData && !facts.wentLive && facts.elapsedMs >= facts.timeoutMs) return 'timeout';
  if (facts.code === 0) return 'ended';
  return 'error';
}
