import { describe, expect, it } from 'vitest';
import { rtcFigures } from '../../renderer/src/wall/player/rtc-stats';

// The stats overlay of a WebRTC tile from a getStats() report (a Chromium sample, trimmed).

const report = (bytes: number, frames: number): Record<string, unknown>[] => [
  { type: 'codec', id: 'COT01_102', mimeType: 'video/H264', payloadType: 102 },
  {
    type: 'inbound-rtp',
    kind: 'video',
    codecId: 'COT01_102',
    frameWidth: 1280,
    frameHeight: 720,
    framesPerSecond: 25,
    framesDecoded: frames,
    bytesReceived: bytes,
    packetsLost: 3,
    jitter: 0.004,
    jitterBufferDelay: 6,
    jitterBufferEmittedCount: 100,
  },
  { type: 'candidate-pair', nominated: false, state: 'waiting', currentRoundTripTime: 9 },
  { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.002 },
  { type: 'inbound-rtp', kind: 'audio', bytesReceived: 999_999 },
];

describe('rtcFigures', () => {
  it('reads codec, size, losses, jitter, round trip and the latency estimate', () => {
    const first = rtcFigures(report(100_000, 50), null, 1000);
    expect(first).toMatchObject({
      codec: 'h264',
      width: 1280,
      height: 720,
      fps: 25,
      kbps: null,
      packetsLost: 3,
      sample: { at: 1000, bytes: 100_000, frames: 50 },
    });
    expect(first.jitterMs).toBeCloseTo(4);
    expect(first.rttMs).toBeCloseTo(2);
    // 6 s over 100 frames = 60 ms in the jitter buffer, plus half the 2 ms round trip.
    expect(first.latencySec).toBeCloseTo(0.061);
  });

  it('computes the bit rate between two samples', () => {
    const first = rtcFigures(report(100_000, 50), null, 1000);
    const second = rtcFigures(report(350_000, 75), first.sample, 3000);
    // 250 000 bytes in 2 s = 1000 kbit/s.
    expect(second.kbps).toBeCloseTo(1000);
  });

  it('answers nothing but empty figures without a video stream', () => {
    expect(rtcFigures([{ type: 'transport' }], null, 0)).toMatchObject({ codec: null, width: 0, kbps: null });
  });
});
