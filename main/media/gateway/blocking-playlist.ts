/**
 * Blocking playlist reload (HLS, RFC 8216bis §6.2.5.2) for the gateway's own ingests (the
 * benchmark's goal: HLS fallback latency ≤ 3 s, tests/bench/rtc-bench.ts). A player that polls a live playlist learns of a new segment up to
 * one target duration after it was written; one that asks `?_HLS_msn=<n>` is answered the moment
 * segment n is in the playlist. The hub advertises it with EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD
 * (hls.js uses it in lowLatencyMode, which the wall sets for the hub's ingests: hls-config.ts).
 * No partial segments: ffmpeg's HLS muxer does not write them.
 */

export const SERVER_CONTROL = '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES';

/** How often a held request looks at its playlist again. */
export const PLAYLIST_POLL_MS = 40;
/** A request is held at most this many target durations, and never beyond MAX_HOLD_MS. */
const HOLD_TARGETS = 1.5;
/** Below hls.js's time-to-first-byte limit for playlists (4 s, hls-config.ts). */
export const MAX_HOLD_MS = 3000;

/** The media sequence number of the playlist's last segment, and its target duration (s). */
export function playlistEdge(text: string): { lastMsn: number; targetS: number } | null {
  const sequence = /^#EXT-X-MEDIA-SEQUENCE:(\d+)\s*$/m.exec(text);
  const target = /^#EXT-X-TARGETDURATION:(\d+)\s*$/m.exec(text);
  const segments = text.match(/^#EXTINF:/gm)?.length ?? 0;
  if (!sequence?.[1] || !target?.[1] || segments === 0) return null;
  return { lastMsn: Number(sequence[1]) + segments - 1, targetS: Number(target[1]) };
}

/** The playlist with the server-control tag after its target duration (once). */
export function withServerControl(text: string): string {
  if (text.includes('#EXT-X-SERVER-CONTROL')) return text;
  return text.replace(/^(#EXT-X-TARGETDURATION:\d+)\s*$/m, `$1\n${SERVER_CONTROL}`);
}

/** `_HLS_msn` of a request URL: a whole number, or null when absent; NaN when malformed. */
export function requestedMsn(url: string): number | null {
  const query = url.split('?')[1];
  if (query === undefined) return null;
  const value = new URLSearchParams(query).get('_HLS_msn');
  if (value === null) return null;
  return /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}

export interface PlaylistClock {
  now(): number;
  /** Resolves after `ms` (tests pass a manual one). */
  sleep(ms: number): Promise<void>;
}

export const realPlaylistClock: PlaylistClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type BlockedAnswer =
  | { kind: 'playlist'; text: string }
  /** The playlist is gone (the ingest stopped). */
  | { kind: 'gone' }
  /** More than two segments ahead of the playlist: the protocol's 400. */
  | { kind: 'too-far' };

/**
 * The playlist once it holds segment `msn`, or as it is when the hold ends (the player asks again);
 * `read` gives the playlist's current text or null.
 */
export async function awaitSegment(
  read: () => string | null,
  msn: number,
  clock: PlaylistClock = realPlaylistClock,
): Promise<BlockedAnswer> {
  let text = read();
  if (text === null) return { kind: 'gone' };
  const first = playlistEdge(text);
  if (!first) return { kind: 'playlist', text };
  if (msn > first.lastMsn + 2) return { kind: 'too-far' };
  const deadline = clock.now() + Math.min(MAX_HOLD_MS, first.targetS * 1000 * HOLD_TARGETS);
  while ((playlistEdge(text)?.lastMsn ?? -1) < msn && clock.now() < deadline) {
    await clock.sleep(PLAYLIST_POLL_MS);
    const next = read();
    if (next === null) return { kind: 'gone' };
    text = next;
  }
  return { kind: 'playlist', text };
}
