import type { CameraPlayback } from '../../../../common/contract/cameras';
/**
 * The player layer of the video wall. One PlayerManager per window owns every
 * hls.js instance and <video> element; tiles only borrow a player by key and show its element.
 */

/** What a tile shows about its stream (data-state on the tile). */
export type TileState = 'idle' | 'connecting' | 'playing' | 'stalled' | 'offline' | 'error';

export interface TileHealth {
  state: TileState;
  /** Why, for 'offline' and 'error' (and 'stalled'): shown on the tile, zh and en. */
  reason: { zh: string; en: string } | null;
  /** When the state last changed (epoch ms). */
  since: number;
  /** Next reconnect attempt (epoch ms) while offline/error/stalled; null when none is scheduled. */
  retryAt: number | null;
  /** Reconnect attempts since the stream last played. */
  attempts: number;
}

export interface PlayerStats {
  protocol: 'hls' | 'webrtc';
  codec: string | null;
  width: number;
  height: number;
  fps: number | null;
  kbps: number | null;
  /** Seconds behind the live edge. */
  latencySec: number | null;
  droppedFrames: number;
  totalFrames: number;
  /** droppedFrames / totalFrames × 100, 0 when no frames yet. */
  droppedPct: number;
  /** WebRTC only (getStats): packets lost, jitter and round trip in ms; absent over HLS. */
  packetsLost?: number | null;
  jitterMs?: number | null;
  rttMs?: number | null;
}

export type StreamKind = 'main' | 'sub';

export interface PlayerSource {
  cameraId: string;
  stream: StreamKind;
  /**
   * The playable URL; for a gateway source only its identity (`gateway:<cameraId>/<stream>`), the
   * playable path being the signed one `media.open` answers.
   */
  url: string;
  /** Played through the hub's camera gateway (demo and RTSP cameras): see player/gateway.ts. */
  gateway?: boolean;
  /**
   * The registry's protocol choice as this console last read it: a camera set to 'hls' asks for no
   * WebRTC consumer before media.open answers (rtc-choice.ts consumeEarly); media.open decides.
   */
  playback?: CameraPlayback;
}

/** One playing stream in its own <video> element. */
export interface Player {
  readonly key: string;
  readonly video: HTMLVideoElement;
  source(): PlayerSource;
  health(): TileHealth;
  /** Called on every health change; returns the unsubscribe function. */
  onHealth(listener: (health: TileHealth) => void): () => void;
  stats(): PlayerStats;
  /**
   * Switches to another stream of the same camera (sub ↔ main on maximise) keeping the old picture
   * on screen until the new stream has shown its first frame. Resolves then (or rejects on error).
   */
  switchTo(source: PlayerSource): Promise<void>;
  /**
   * The tile is covered (another tile maximised) or shown again: a WebRTC stream pauses meanwhile
   * (nothing sent by the hub) and resumes from its last keyframe; HLS plays on.
   */
  setHidden?(hidden: boolean): void;
  /** The current frame as a JPEG (for snapshot → work order). Rejects when nothing is showing. */
  snapshot(): Promise<Blob>;
}

export interface PlayerManager {
  /**
   * The player for `key` (a tile's identity on the wall, not its slot). The same key with the same
   * source answers the same player untouched: this is how a layout change keeps tiles playing.
   * The same key with another source switches it (see Player.switchTo).
   */
  acquire(key: string, source: PlayerSource): Player;
  /** Stops and frees the player of `key`: hls.js destroyed, MSE buffers dropped, element removed. */
  release(key: string): void;
  /** Keys of the live players (tests and the bench check nothing leaks). */
  keys(): string[];
  /** Releases everything (window closing). */
  destroy(): void;
}
