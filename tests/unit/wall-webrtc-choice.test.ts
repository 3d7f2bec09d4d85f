import { describe, expect, it } from 'vitest';
import {
  afterRtcFailure,
  chooseProtocol,
  consumeEarly,
  FALLBACK_AFTER_MS,
  RETRY_WEBRTC_AFTER_MS,
  shouldFallBack,
} from '../../renderer/src/wall/player/rtc-choice';

// WebRTC first when offered, HLS after a fallback for a while, then WebRTC again.

describe('chooseProtocol', () => {
  const now = 1_000_000;
  it('plays WebRTC when the hub offers it and the window can', () => {
    expect(chooseProtocol({ playback: 'auto', offered: true, capable: true, fellBackAt: null, now })).toBe('webrtc');
  });
  it('plays HLS when WebRTC is not offered or the window cannot', () => {
    expect(chooseProtocol({ playback: 'auto', offered: false, capable: true, fellBackAt: null, now })).toBe('hls');
    expect(chooseProtocol({ playback: 'auto', offered: true, capable: false, fellBackAt: null, now })).toBe('hls');
  });
  it('stays on HLS after a fallback, and tries WebRTC again once the wait is over', () => {
    expect(chooseProtocol({ playback: 'auto', offered: true, capable: true, fellBackAt: now - 1, now })).toBe('hls');
    expect(
      chooseProtocol({
        playback: 'auto',
        offered: true,
        capable: true,
        fellBackAt: now - RETRY_WEBRTC_AFTER_MS + 1,
        now,
      }),
    ).toBe('hls');
    expect(
      chooseProtocol({ playback: 'auto', offered: true, capable: true, fellBackAt: now - RETRY_WEBRTC_AFTER_MS, now }),
    ).toBe('webrtc');
  });
});

describe('the camera playback choice', () => {
  const now = 1_000_000;
  const base = { offered: true, capable: true, fellBackAt: null, now };
  it('hls plays HLS whatever WebRTC offers: no signalling at all', () => {
    expect(chooseProtocol({ ...base, playback: 'hls' })).toBe('hls');
    expect(chooseProtocol({ ...base, playback: 'hls', fellBackAt: now - RETRY_WEBRTC_AFTER_MS })).toBe('hls');
  });
  it('webrtc plays WebRTC, also right after a fallback of the same stream, and never HLS', () => {
    expect(chooseProtocol({ ...base, playback: 'webrtc' })).toBe('webrtc');
    expect(chooseProtocol({ ...base, playback: 'webrtc', fellBackAt: now - 1 })).toBe('webrtc');
    expect(chooseProtocol({ ...base, playback: 'webrtc', offered: false })).toBeNull();
    expect(chooseProtocol({ ...base, playback: 'webrtc', capable: false })).toBeNull();
  });
  it('a failed WebRTC attempt falls back to HLS on auto and fails (to be retried) on webrtc', () => {
    expect(afterRtcFailure('auto')).toBe('hls');
    expect(afterRtcFailure('webrtc')).toBe('fail');
  });
});

describe('shouldFallBack', () => {
  it('falls back only without a frame once the wait is over', () => {
    expect(shouldFallBack(0, false, FALLBACK_AFTER_MS - 1)).toBe(false);
    expect(shouldFallBack(0, false, FALLBACK_AFTER_MS)).toBe(true);
    expect(shouldFallBack(0, true, FALLBACK_AFTER_MS * 2)).toBe(false);
  });
});

describe('consumeEarly (the consumer asked together with media.open)', () => {
  const now = 1_000_000;
  it('only on a window whose transport is up', () => {
    expect(consumeEarly({ playback: 'auto', linked: false, offered: true, fellBackAt: null, now })).toBe(false);
    expect(consumeEarly({ playback: 'auto', linked: true, offered: true, fellBackAt: null, now })).toBe(true);
  });
  it('not for a stream media.open said is not offered over WebRTC; a stream never asked about is tried', () => {
    expect(consumeEarly({ playback: 'auto', linked: true, offered: false, fellBackAt: null, now })).toBe(false);
    expect(consumeEarly({ playback: 'auto', linked: true, offered: null, fellBackAt: null, now })).toBe(true);
  });
  it('not for a camera the registry sets to HLS only (as the console read it); WebRTC-only and auto are tried', () => {
    expect(consumeEarly({ playback: 'hls', linked: true, offered: null, fellBackAt: null, now })).toBe(false);
    expect(consumeEarly({ playback: 'webrtc', linked: true, offered: null, fellBackAt: null, now })).toBe(true);
    expect(consumeEarly({ playback: null, linked: true, offered: null, fellBackAt: null, now })).toBe(true);
  });
  it('not while a stream that fell back to HLS stays on HLS', () => {
    expect(consumeEarly({ playback: 'auto', linked: true, offered: true, fellBackAt: now - 1000, now })).toBe(false);
    expect(
      consumeEarly({ playback: 'auto', linked: true, offered: true, fellBackAt: now - RETRY_WEBRTC_AFTER_MS, now }),
    ).toBe(true);
  });
});
