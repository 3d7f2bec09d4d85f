/**
 * The wall-clock schedule of a clip looped forever as a live stream. Media time 0 is the
 * stream's epoch; segment `seq` is fragment `seq mod n` of loop `floor(seq / n)`, and its decode
 * time is where it falls on that endless timeline. So sequence numbers and timestamps both grow
 * with wall time, identically for every client, and survive a hub restart. Tick arithmetic is
 * in BigInt: milliseconds since the epoch times a 90 kHz timescale leave Number's exact range.
 */

export interface LoopTimeline {
  timescale: number;
  /** Fragment durations in ticks, in clip order. */
  durations: readonly number[];
  /** Start of each fragment within the clip, in ticks. */
  starts: readonly bigint[];
  /** The whole clip, in ticks. */
  loopTicks: bigint;
}

export interface LiveSegment {
  /** EXT-X-MEDIA-SEQUENCE numbering. */
  seq: number;
  /** Which fragment of the clip. */
  index: number;
  /** On the endless timeline, in ticks since the epoch. */
  decodeTime: bigint;
  /** Ticks. */
  duration: number;
}

export function loopTimeline(timescale: number, durations: readonly number[]): LoopTimeline {
  if (!Number.isInteger(timescale) || timescale <= 0) throw new Error(`bad timescale ${timescale}`);
  if (durations.length === 0) throw new Error('a clip needs at least one segment');
  const starts: bigint[] = [];
  let at = 0n;
  for (const d of durations) {
    if (!Number.isInteger(d) || d <= 0) throw new Error(`bad segment duration ${d}`);
    starts.push(at);
    at += BigInt(d);
  }
  return { timescale, durations, starts, loopTicks: at };
}

function startOf(timeline: LoopTimeline, index: number): bigint {
  const start = timeline.starts[index];
  if (start === undefined) throw new RangeError(`no segment ${index} in the clip`);
  return start;
}

function durationOf(timeline: LoopTimeline, index: number): number {
  const duration = timeline.durations[index];
  if (duration === undefined) throw new RangeError(`no segment ${index} in the clip`);
  return duration;
}

export function segmentAt(timeline: LoopTimeline, seq: number): LiveSegment {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`bad sequence number ${seq}`);
  const n = timeline.durations.length;
  const index = seq % n;
  const loop = BigInt(Math.floor(seq / n));
  return {
    seq,
    index,
    decodeTime: loop * timeline.loopTicks + startOf(timeline, index),
    duration: durationOf(timeline, index),
  };
}

/** Ticks since the epoch at `elapsedMs` (floored; negative before the epoch). */
export function ticksAt(timeline: LoopTimeline, elapsedMs: number): bigint {
  const ms = BigInt(Math.floor(elapsedMs));
  const scaled = ms * BigInt(timeline.timescale);
  // BigInt division truncates toward zero; floor it so times before the epoch stay ordered.
  const q = scaled / 1000n;
  return scaled < 0n && q * 1000n !== scaled ? q - 1n : q;
}

/**
 * The newest segment that has fully elapsed at `elapsedMs` — the live edge — or -1 before the
 * first one has. A segment is published only once its whole duration has passed, as a real
 * encoder would, so the playlist never promises media from the future.
 */
export function liveEdgeSeq(timeline: LoopTimeline, elapsedMs: number): number {
  const ticks = ticksAt(timeline, elapsedMs);
  if (ticks < 0n) return -1;
  const n = timeline.durations.length;
  const loop = ticks / timeline.loopTicks;
  const within = ticks % timeline.loopTicks;
  // Fragments whose end is at or before `within` are complete.
  let complete = 0;
  while (complete < n && startOf(timeline, complete) + BigInt(durationOf(timeline, complete)) <= within) complete++;
  return Number(loop) * n + complete - 1;
}

/** The sliding window: up to `size` segments ending at the live edge, oldest first. */
export function liveWindow(timeline: LoopTimeline, elapsedMs: number, size: number): LiveSegment[] {
  const edge = liveEdgeSeq(timeline, elapsedMs);
  const first = Math.max(0, edge - size + 1);
  const out: LiveSegment[] = [];
  for (let seq = first; seq <= edge; seq++) out.push(segmentAt(timeline, seq));
  return out;
}

/**
 * Whether segment `seq` may still be fetched: published, and not older than the window plus
 * one more window — RFC 8216 §6.2.2 keeps a segment available for the playlist's duration
 * after it leaves the playlist, so a client holding the previous playlist is never refused.
 */
export function isServable(timeline: LoopTimeline, elapsedMs: number, size: number, seq: number): boolean {
  const edge = liveEdgeSeq(timeline, elapsedMs);
  return seq <= edge && seq > edge - 2 * size - 1;
}
