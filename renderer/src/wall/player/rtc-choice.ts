import type { CameraPlayback } from '../../../../common/contract/cameras';
import type { Failure } from './hls-errors';

/**
 * Which protocol a tile's next attempt uses, pure so it is tested without a
 * browser. The camera's playback choice in the registry decides first:
 * - 'hls': HLS only — no WebRTC signalling at all;
 * - 'webrtc': WebRTC only — never HLS; without WebRTC (or without a frame in FALLBACK_AFTER_MS) the
 *   attempt fails and the tile reconnects on its usual schedule;
 * - 'auto': WebRTC when the hub offers it and the window can do it; a tile that fell back to HLS (no
 *   frame over WebRTC within FALLBACK_AFTER_MS) stays on HLS for RETRY_WEBRTC_AFTER_MS, then its
 *   next (re)connect tries WebRTC again.
 */

export const FALLBACK_AFTER_MS = 5000;
export const RETRY_WEBRTC_AFTER_MS = 60_000;

export type Protocol = 'webrtc' | 'hls';

export interface ChoiceInput {
  /** The camera's choice in the registry (media.open's `playback`). */
  playback: CameraPlayback;
  /** media.open said the stream can be consumed over WebRTC. */
  offered: boolean;
  /** This window has a WebRTC session (mediasoup-client and RTCPeerConnection available). */
  capable: boolean;
  /** When this camera stream last fell back to HLS; null when it never did. */
  fellBackAt: number | null;
  now: number;
}

/** The protocol to play; null when the camera allows only WebRTC and WebRTC is not there. */
export function chooseProtocol({ playback, offered, capable, fellBackAt, now }: ChoiceInput): Protocol | null {
  if (playback === 'hls') return 'hls';
  const rtc = offered && capable;
  if (playback === 'webrtc') return rtc ? 'webrtc' : null;
  if (!rtc) return 'hls';
  if (fellBackAt !== null && now - fellBackAt < RETRY_WEBRTC_AFTER_MS) return 'hls';
  return 'webrtc';
}

export interface EarlyInput {
  /** The window's WebRTC transport is up (an early consume makes no transport of its own). */
  linked: boolean;
  /** The camera's choice in the registry as the console read it; null when the source does not say. */
  playback: CameraPlayback | null;
  /** What this window last heard from media.open for the stream: WebRTC offered; null: never asked. */
  offered: boolean | null;
  fellBackAt: number | null;
  now: number;
}

/**
 * Whether a tile asks for its WebRTC consumer together with media.open rather than after its
 * answer (one round trip less before the first frame on an open wall). Only where WebRTC is
 * likely to be chosen: a camera the registry sets to HLS only, a stream this window was told is not
 * offered, or one that fell back to HLS lately, waits for media.open as before. A consumer asked
 * for early and then not wanted is closed.
 */
export function consumeEarly({ linked, playback, offered, fellBackAt, now }: EarlyInput): boolean {
  if (!linked || playback === 'hls' || offered === false) return false;
  return fellBackAt === null || now - fellBackAt >= RETRY_WEBRTC_AFTER_MS;
}

/** A WebRTC attempt started at `startedAt` without a frame yet falls back to HLS now. */
export function shouldFallBack(startedAt: number, frameSeen: boolean, now: number): boolean {
  return !frameSeen && now - startedAt >= FALLBACK_AFTER_MS;
}

/** A failed WebRTC attempt (no frame in time, or consume refused) plays HLS instead, or fails. */
export function afterRtcFailure(playback: CameraPlayback): 'hls' | 'fail' {
  return playback === 'webrtc' ? 'fail' : 'hls';
}

/** A WebRTC-only camera whose stream the hub does not offer over WebRTC (or this window cannot do it). */
export const RTC_ONLY_UNAVAILABLE: Failure = {
  kind: 'offline',
  reason: { zh: 'WebRTC 不可用（此摄像机设为仅 WebRTC）', en: 'WebRTC unavailable (camera set to WebRTC only)' },
};

/** A WebRTC-only camera without a frame within FALLBACK_AFTER_MS. */
export const RTC_ONLY_NO_FRAME: Failure = {
  kind: 'offline',
  reason: { zh: 'WebRTC 未连通（此摄像机设为仅 WebRTC）', en: 'WebRTC did not connect (camera set to WebRTC only)' },
};
