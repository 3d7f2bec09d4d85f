import { describe, expect, it } from 'vitest';
import type { StreamState } from '../../common/contract/media';
import { playbackAnswer, type PlaybackFacts } from '../../main/media/gateway/playback-answer';

// What media.open tells a console: WebRTC offered or why not, and whether
// this console can play the stream at all.

const live = (patch: Partial<StreamState> = {}): StreamState => ({
  cameraId: 'CAM-1',
  stream: 'main',
  state: 'live',
  reason: null,
  codec: 'h264',
  transcoded: false,
  ...patch,
});
const facts = (patch: Partial<PlaybackFacts> = {}): PlaybackFacts => ({
  playback: 'auto',
  ingested: true,
  producer: true,
  state: live(),
  hevcDecoder: false,
  ...patch,
});

describe('playbackAnswer', () => {
  it('offers WebRTC for an ingested H.264 stream with a producer, on auto and webrtc', () => {
    for (const playback of ['auto', 'webrtc'] as const) {
      expect(playbackAnswer(facts({ playback }))).toEqual({ webrtc: true, rtcUnavailable: null, unplayable: null });
    }
    // Codec not known yet (a cold ingest): offered; the console withdraws it if H.265 turns up.
    expect(playbackAnswer(facts({ state: live({ state: 'connecting', codec: null }) })).webrtc).toBe(true);
  });

  it('says why WebRTC is not offered', () => {
    expect(playbackAnswer(facts({ playback: 'hls' })).rtcUnavailable).toBe('playback-hls');
    expect(playbackAnswer(facts({ ingested: false, producer: false })).rtcUnavailable).toBe('not-ingested');
    expect(playbackAnswer(facts({ producer: false })).rtcUnavailable).toBe('no-engine');
    expect(playbackAnswer(facts({ state: live({ codec: 'hevc' }), hevcDecoder: true }))).toEqual({
      webrtc: false,
      rtcUnavailable: 'codec-h265',
      unplayable: null,
    });
  });

  it('H.265 not transcoded is unplayable for a console without a decoder; transcoded it plays everywhere', () => {
    expect(playbackAnswer(facts({ state: live({ codec: 'hevc' }) }))).toEqual({
      webrtc: false,
      rtcUnavailable: 'codec-h265',
      unplayable: 'codec-h265',
    });
    expect(playbackAnswer(facts({ playback: 'hls', state: live({ codec: 'hevc' }) })).unplayable).toBe('codec-h265');
    expect(playbackAnswer(facts({ state: live({ codec: 'hevc', transcoded: true }) }))).toEqual({
      webrtc: true,
      rtcUnavailable: null,
      unplayable: null,
    });
  });
});
