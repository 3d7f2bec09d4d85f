/**
 * Which protocol a tile's next attempt uses (issue 10 item 3), pure so it is tested without a
 * browser. WebRTC when the hub offers it for the stream and the window can do it; a tile that fell
 * back to HLS (no frame over WebRTC within FALLBACK_AFTER_MS) stays on HLS for RETRY_WEBRTC_AFTER_MS,
 * then its next (re)connect tries WebRTC again.
 */

export const FALLBACK_AFTER_MS = 5000;
export const RETRY_WEBRTC_AFTER_MS = 60_000;

export type Protocol = 'webrtc' | 'hls';

export interface ChoiceInput {
  /** media.open said the stream can be consumed over WebRTC. */
  offered: boolean;
  /** This window has a WebRTC session (mediasoup-client and RTCPeerConnection available). */
  capable: boolean;
  /** When this camera stream last fell back to HLS; null when it never did. */
  fellBackAt: number | null;
  now: number;
}

export function chooseProtocol({ offered, capable, fellBackAt, now }: ChoiceInput): Protocol {
  if (!offered || !capable) return 'hls';
  if (fellBackAt !== null && now - fellBackAt < RETRY_WEBRTC_AFTER_MS) return 'hls';
  return 'webrtc';
}

/** A WebRTC attempt started at `startedAt` without a frame yet falls back to HLS now. */
export function shouldFallBack(startedAt: number, frameSeen: boolean, now: number): boolean {
  return !frameSeen && now - startedAt >= FALLBACK_AFTER_MS;
}
