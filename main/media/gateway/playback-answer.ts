import type { CameraPlayback } from '../../../common/contract/cameras';
import { isPlainHevc, type RtcUnavailable, type StreamState, type Unplayable } from '../../../common/contract/media';

/**
 * What media.open tells a console about one stream, pure so every case is
 * tested without a hub: whether WebRTC is offered (and why not), and whether this console can play
 * the stream at all.
 */
export interface PlaybackFacts {
  /** The camera's choice in the registry. */
  playback: CameraPlayback;
  /** The hub feeds the stream itself (an RTSP ingest, a demo clip); false for plain HLS URLs. */
  ingested: boolean;
  /** The gateway feeds the stream to a WebRTC producer as H.264 (CameraGateway.open's `webrtc`). */
  producer: boolean;
  state: StreamState;
  /** The console said it decodes H.265 in MSE. */
  hevcDecoder: boolean;
}

export interface PlaybackAnswer {
  webrtc: boolean;
  rtcUnavailable: RtcUnavailable | null;
  unplayable: Unplayable | null;
}

function rtcUnavailable(f: PlaybackFacts): RtcUnavailable | null {
  if (f.playback === 'hls') return 'playback-hls';
  if (!f.ingested) return 'not-ingested';
  if (isPlainHevc(f.state)) return 'codec-h265';
  return f.producer ? null : 'no-engine';
}

export function playbackAnswer(f: PlaybackFacts): PlaybackAnswer {
  const why = rtcUnavailable(f);
  return {
    webrtc: why === null,
    rtcUnavailable: why,
    unplayable: isPlainHevc(f.state) && !f.hevcDecoder ? 'codec-h265' : null,
  };
}
