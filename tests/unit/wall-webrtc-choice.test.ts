import { describe, expect, it } from 'vitest';
import {
  chooseProtocol,
  FALLBACK_AFTER_MS,
  RETRY_WEBRTC_AFTER_MS,
  shouldFallBack,
} from '../../renderer/src/wall/player/rtc-choice';

// WebRTC first when offered, HLS after a fallback for a while, then WebRTC again (issue 10 item 3).

describe('chooseProtocol', () => {
  const now = 1_000_000;
  it('plays WebRTC when the hub offers it and the window can', () => {
    expect(chooseProtocol({ offered: true, capable: true, fellBackAt: null, now })).toBe('webrtc');
  });
  it('plays HLS when WebRTC is not offered or the window cannot', () => {
    expect(chooseProtocol({ offered: false, capable: true, fellBackAt: null, now })).toBe('hls');
    expect(chooseProtocol({ offered: true, capable: false, fellBackAt: null, now })).toBe('hls');
  });
  it('stays on HLS after a fallback, and tries WebRTC again once the wait is over', () => {
    expect(chooseProtocol({ offered: true, capable: true, fellBackAt: now - 1, now })).toBe('hls');
    expect(chooseProtocol({ offered: true, capable: true, fellBackAt: now - RETRY_WEBRTC_AFTER_MS + 1, now })).toBe(
      'hls',
    );
    expect(chooseProtocol({ offered: true, capable: true, fellBackAt: now - RETRY_WEBRTC_AFTER_MS, now })).toBe(
      'webrtc',
    );
  });
});

describe('shouldFallBack', () => {
  it('falls back only without a frame once the wait is over', () => {
    expect(shouldFallBack(0, false, FALLBACK_AFTER_MS - 1)).toBe(false);
    expect(shouldFallBack(0, false, FALLBACK_AFTER_MS)).toBe(true);
    expect(shouldFallBack(0, true, FALLBACK_AFTER_MS * 2)).toBe(false);
  });
});
