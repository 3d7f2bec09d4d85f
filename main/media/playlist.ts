import type { LiveSegment, LoopTimeline } from './live-timeline';

export interface PlaylistInput {
  timeline: LoopTimeline;
  /** The window, oldest first (liveWindow). May be empty just after the epoch. */
  segments: readonly LiveSegment[];
  /** Wall time (ms) of media time 0, for EXT-X-PROGRAM-DATE-TIME. */
  epochMs: number;
  initUri: string;
  segmentUri: (seq: number) => string;
}

/** EXTINF precision: enough for any timescale's tick to round to the same frame. */
const DURATION_DECIMALS = 5;

/**
 * EXT-X-TARGETDURATION: every EXTINF rounded to the nearest integer must not exceed it, and it
 * must not change between reloads (RFC 8216 §4.3.3.1, §6.2.1), so it comes from the whole clip.
 */
export function targetDuration(timeline: LoopTimeline): number {
  const longest = Math.max(...timeline.durations) / timeline.timescale;
  return Math.max(1, Math.ceil(longest - 1e-9));
}

/**
 * A live media playlist (RFC 8216): no EXT-X-ENDLIST, so players keep reloading it. No
 * discontinuities either: loop-rewrite.ts keeps timestamps continuous across loops.
 * EXT-X-PROGRAM-DATE-TIME lets a player measure its latency against the wall clock.
 */
export function renderMediaPlaylist(input: PlaylistInput): string {
  const { timeline, segments } = input;
  const first = segments[0];
  const lines = [
    '#EXTM3U',
    // Version 6: EXT-X-MAP in a playlist that is not I-frames-only.
    '#EXT-X-VERSION:6',
    `#EXT-X-TARGETDURATION:${targetDuration(timeline)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first?.seq ?? 0}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="${input.initUri}"`,
  ];
  if (first) {
    const startMs = input.epochMs + Number((first.decodeTime * 1000n) / BigInt(timeline.timescale));
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(startMs).toISOString()}`);
  }
  for (const segment of segments) {
    lines.push(`#EXTINF:${(segment.duration / timeline.timescale).toFixed(DURATION_DECIMALS)},`);
    lines.push(input.segmentUri(segment.seq));
  }
  return `${lines.join('\n')}\n`;
}
