import { execFile } from 'node:child_process';
import { redactorFor } from './redact';

/**
 * Which codec a camera stream carries: ffprobe reads the first video stream's
 * parameters over RTSP/TCP. Bounded twice: ffprobe's own socket timeout, and a kill after deadlineMs
 * should it hang past that (a server that answers DESCRIBE and then sends nothing).
 */

export interface ProbedStream {
  /** 'h264' and 'hevc' are what the gateway passes through; anything else is ffprobe's name. */
  codec: string;
  width: number | null;
  height: number | null;
  profile: string | null;
}

export type ProbeResult = { ok: true; stream: ProbedStream } | { ok: false; error: string };

export interface ProbeOptions {
  ffprobePath?: string;
  /** ffprobe's connect/read timeout. */
  timeoutMs?: number;
  /** The whole probe, after which ffprobe is killed. */
  deadlineMs?: number;
}

/** The arguments, the URL last so a caller can show the rest. */
export function ffprobeArgs(url: string, timeoutMs: number): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-rtsp_transport',
    'tcp',
    '-timeout',
    String(Math.max(1, Math.round(timeoutMs * 1000))),
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=codec_name,width,height,profile',
    '-of',
    'json',
    url,
  ];
}

/** ffprobe's JSON for one stream; null when it holds no video stream. */
export function parseProbeJson(text: string): ProbedStream | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const streams = (data as { streams?: unknown } | null)?.streams;
  const first: unknown = Array.isArray(streams) ? streams[0] : undefined;
  if (typeof first !== 'object' || first === null) return null;
  const s = first as Record<string, unknown>;
  if (typeof s.codec_name !== 'string' || s.codec_name.length === 0) return null;
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    codec: s.codec_name,
    width: num(s.width),
    height: num(s.height),
    profile: typeof s.profile === 'string' ? s.profile : null,
  };
}

export function probeCodec(url: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const deadlineMs = options.deadlineMs ?? timeoutMs * 3;
  const redact = redactorFor(url);
  return new Promise((resolve) => {
    execFile(
      options.ffprobePath ?? 'ffprobe',
      ffprobeArgs(url, timeoutMs),
      { timeout: deadlineMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20, windowsHide: true },
      (error, stdout, stderr) => {
        const stream = parseProbeJson(stdout);
        if (!error && stream) {
          resolve({ ok: true, stream });
          return;
        }
        const err = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        const why =
          err?.code === 'ENOENT'
            ? 'ffprobe not found'
            : err?.killed
              ? `no answer within ${deadlineMs} ms`
              : stderr.trim().split('\n').pop() || (error ? error.message : 'no video stream');
        // error.message holds the command line, URL included: only ever pass text through redact.
        resolve({ ok: false, error: redact(why) });
      },
    );
  });
}
