import type { HlsConfig, LoaderResponse, LoadPolicy, RetryConfig } from 'hls.js';

/**
 * hls.js tuned for one tile of a 7×24 wall (docs/wall-player.md#hlsjs-tuning, docs/wall-player.md#video-wall-facts-the-code-relies-on). The defaults are
 * for one VOD player: a 30 s forward buffer, an unbounded back buffer, 60 MB per player, no
 * catch-up to the live edge — on a wall of 25 tiles that is gigabytes and latency that only grows.
 *
 * Retries inside hls.js are kept short: the tile has its own reconnect schedule (forever, backoff
 * to 15 s, reconnect.ts), so hls.js only needs to ride out a blip and then say the stream is down,
 * fast enough for the tile to show 'offline' within a few seconds.
 */

const policy = (
  ttfbMs: number,
  loadMs: number,
  errorRetries: number,
  retryDelayMs: number,
  shouldRetry?: RetryConfig['shouldRetry'],
): LoadPolicy => ({
  default: {
    maxTimeToFirstByteMs: ttfbMs,
    maxLoadTimeMs: loadMs,
    timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
    errorRetry: {
      maxNumRetry: errorRetries,
      retryDelayMs,
      maxRetryDelayMs: retryDelayMs * 2,
      ...(shouldRetry ? { shouldRetry } : {}),
    },
  },
});

/** Retries of a fragment that failed to load (an HTTP error or a timeout). */
const FRAG_LOAD_RETRIES = 2;
/**
 * Fragment errors hls.js tolerates before it fails the stream. Higher than FRAG_LOAD_RETRIES because
 * it also counts the fragments skipped for having no media (below): a whole long GOP of them, ~10.
 */
const FRAG_ERRORS = 12;

/**
 * A fragment that loaded but yielded no media is not fetched again. On a long-GOP
 * camera (one IDR every 10 s, 1-s segments) the segments a player joins on begin without a
 * keyframe; hls.js drops the frames before the first keyframe, finds "no media", and by default
 * reloads that same segment and then fails the stream after two, which the tile reconnects from the
 * live edge again: a reload storm (≈ 100 loads per segment). The same bytes never parse differently,
 * so hls.js skips such a fragment as a gap (its rule for a live fragment it will not retry) and the
 * player jumps to the keyframe after it (gop-gap.ts). Load errors and timeouts: retried twice.
 */
export function retryFragment(
  _config: RetryConfig | null | undefined,
  count: number,
  isTimeout: boolean,
  response: LoaderResponse | undefined,
  retry: boolean,
): boolean {
  if (response === undefined && !isTimeout) return false;
  return retry && count < FRAG_LOAD_RETRIES;
}

/** The live edge distance for HLS not segmented by the hub (seconds). */
const LIVE_SYNC_S = 3;
const LIVE_MAX_LATENCY_S = 6;

export const WALL_HLS_CONFIG: Partial<HlsConfig> = {
  // The web shell's CSP has no worker-src (main/security/http-policy.ts), and a transmux worker
  // per tile would cost 25 threads on a full wall; the demo and camera streams are fMP4, which
  // needs no transmuxing anyway.
  enableWorker: false,

  // Forward buffer: a few segments are enough to ride out jitter; more is only latency and memory.
  maxBufferLength: 5,
  maxMaxBufferLength: 6,
  // Bytes: a sub stream is ~0.1–1 Mbit/s and a 1080p main stream ~4 Mbit/s, so 6 s fits in 4 MB.
  maxBufferSize: 4 * 1000 * 1000,
  // What is behind the playhead is never watched again on a live wall: dropped after ~5 s — but at
  // a keyframe, by the slot (back-buffer.ts), not by hls.js, whose eviction ignores GOPs and on a
  // long-GOP camera took the keyframe the picture depended on (the reload storm: docs/wall-player.md#hlsjs-tuning).
  backBufferLength: Infinity,

  // Live edge (sources the hub does not segment itself: demo clips, other servers): 3 s behind it,
  // catch up at up to 1.5× when behind, jump forward if more than 6 s behind. The hub's own
  // ingests play closer (gatewayLiveConfig below).
  lowLatencyMode: false,
  liveSyncDuration: LIVE_SYNC_S,
  liveMaxLatencyDuration: LIVE_MAX_LATENCY_S,
  maxLiveSyncPlaybackRate: 1.5,
  // A playlist that stops advancing is a frozen source, not a failed stream: hls.js keeps polling it
  // (its default, no limit) and plays on the moment it advances, while the tile reads 'stalled' from
  // its own check (no new frames; replay-mark.ts) — not 'offline' after a few reloads.

  // One rendition per URL (sub and main are separate tiles' choices), so no ABR probing.
  testBandwidth: false,
  capLevelOnFPSDrop: false,
  startFragPrefetch: true,

  // Nothing on a camera wall uses captions, subtitles, metadata cues, DRM or interstitials:
  // parsing them is wasted CPU times the number of tiles.
  enableCEA708Captions: false,
  enableWebVTT: false,
  enableIMSC1: false,
  enableDateRangeMetadataCues: false,
  enableEmsgMetadataCues: false,
  enableID3MetadataCues: false,
  enableInterstitialPlayback: false,
  emeEnabled: false,

  manifestLoadPolicy: policy(4000, 8000, 1, 500),
  playlistLoadPolicy: policy(4000, 8000, 2, 500),
  fragLoadPolicy: policy(4000, 10_000, FRAG_ERRORS, 500, retryFragment),
};

/**
 * Live edge distance of the hub's own ingests, in target durations (the benchmark's goal,
 * tests/bench/rtc-bench.ts: HLS fallback latency ≤ 3 s). The gateway's ffmpeg cuts a segment at each keyframe past 1 s and
 * publishes it the moment it is whole, from local disk (main/media/ingest/ffmpeg-args.ts), so the
 * player can sit 1.5 segments behind the edge — ≈ 1.5 s for a camera with a 1-s GOP, where the
 * fixed 3 s above made the latency ≈ 4 s — instead of the three a remote server needs. In target
 * durations, not seconds: a camera with a longer GOP makes longer segments (one IDR every 4 s
 * makes 4-s segments), and a fixed 1.5 s would be less than one of them, a stall at every segment.
 * If it stalls anyway, hls.js moves its target back by up to one target duration
 * (liveSyncOnStallIncrease) and catches up at up to 1.5× once the buffer allows.
 */
export const GATEWAY_LIVE_SYNC_SEGMENTS = 1.5;
/** Further behind than this many target durations, hls.js jumps forward to the target. */
export const GATEWAY_LIVE_MAX_LATENCY_SEGMENTS = 5;

/** WALL_HLS_CONFIG with the live edge of the hub's own ingests (liveSync* in target durations). */
export function gatewayLiveConfig(): Partial<HlsConfig> {
  const config: Partial<HlsConfig> = { ...WALL_HLS_CONFIG };
  // hls.js refuses a config that mixes liveSync*Duration and liveSync*DurationCount.
  delete config.liveSyncDuration;
  delete config.liveMaxLatencyDuration;
  config.liveSyncDurationCount = GATEWAY_LIVE_SYNC_SEGMENTS;
  config.liveMaxLatencyDurationCount = GATEWAY_LIVE_MAX_LATENCY_SEGMENTS;
  // The hub holds a playlist request until the next segment is written (?_HLS_msn=, its
  // blocking-playlist.ts): hls.js asks that way only in low-latency mode. A poll learned of a new
  // segment up to one target duration late — half a second of latency on average.
  config.lowLatencyMode = true;
  return config;
}

/** The hls.js config for a tile's playlist: the hub's own ingest (`ingested`) or any other. */
export function hlsConfigFor(ingested: boolean): Partial<HlsConfig> {
  return ingested ? gatewayLiveConfig() : WALL_HLS_CONFIG;
}
