import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Gateway, Opened } from '../../renderer/src/wall/player/gateway';
import type { RtcConsumer } from '../../renderer/src/wall/player/rtc-session';
import type { SlotEvents, SlotRtc } from '../../renderer/src/wall/player/stream-slot';
import { FALLBACK_AFTER_MS } from '../../renderer/src/wall/player/rtc-choice';
import type { PlayerSource } from '../../renderer/src/wall/player/types';

// The slot's WebRTC → HLS fallback, without a browser: hls.js and the HLS feed are stand-ins that
// count what the slot makes and frees (real playback is checked in Chromium, wall-rtsp.spec).
const feeds = vi.hoisted(() => ({ made: [] as { url: string | null; destroyed: boolean }[] }));

vi.mock('hls.js', () => ({ default: { isSupported: () => true } }));
vi.mock('../../renderer/src/wall/player/hls-feed', () => ({
  HlsFeed: class {
    private readonly record = { url: null as string | null, destroyed: false };
    constructor() {
      feeds.made.push(this.record);
    }
    start(url: string): void {
      this.record.url = url;
    }
    stopLoad(): void {}
    destroy(): void {
      this.record.destroyed = true;
    }
  },
}));

const { StreamSlot } = await import('../../renderer/src/wall/player/stream-slot');

const source: PlayerSource = { cameraId: '7', stream: 'sub', url: 'gateway:7/sub', gateway: true };
const opened: Opened = { hlsUrl: '/media/s/token/live/index.m3u8', webrtc: true, playback: 'auto', ingested: true };

function fakeVideo(): HTMLVideoElement {
  return {
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    requestVideoFrameCallback: () => 0,
    hasAttribute: () => false,
    removeAttribute: () => undefined,
    load: () => undefined,
    remove: () => undefined,
    play: () => Promise.resolve(),
    paused: false,
    src: '',
    srcObject: null,
  } as unknown as HTMLVideoElement;
}

/** A consume the test settles by hand. */
function pendingConsume() {
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<RtcConsumer>((_resolve, rejectWith) => {
    reject = rejectWith;
  });
  return { promise, reject };
}

function setUp() {
  const consume = pendingConsume();
  const gateway: Gateway = {
    open: () => Promise.resolve(opened),
    release: () => undefined,
    onState: () => () => undefined,
  };
  const rtc: SlotRtc = {
    session: {
      engine: () => Promise.resolve('embedded'),
      linked: () => false,
      prepare: () => undefined,
      consume: () => consume.promise,
      close: () => undefined,
    },
    fellBack: new Map(),
    offered: new Map(),
  };
  const failure = vi.fn<SlotEvents['failure']>();
  const slot = new StreamSlot(fakeVideo(), { firstFrame: vi.fn(), failure }, gateway, rtc);
  return { slot, failure, consume, rtc };
}

describe('stream slot: WebRTC falling back to HLS', () => {
  beforeEach(() => {
    feeds.made.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('plays the HLS path once when WebRTC has no frame in time, and a late refusal changes nothing', async () => {
    const { slot, failure, consume, rtc } = setUp();
    slot.load(source);
    await vi.advanceTimersByTimeAsync(0);
    expect(slot.protocol).toBe('webrtc');
    expect(feeds.made).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(FALLBACK_AFTER_MS);
    expect(slot.protocol).toBe('hls');
    expect(feeds.made).toEqual([{ url: opened.hlsUrl, destroyed: false }]);
    expect(rtc.fellBack.has('7/sub')).toBe(true);

    // The hub refuses the consume after the fallback: no second player, nothing reported.
    consume.reject(new Error('E_NOT_FOUND'));
    await vi.advanceTimersByTimeAsync(0);
    expect(feeds.made).toEqual([{ url: opened.hlsUrl, destroyed: false }]);
    expect(failure).not.toHaveBeenCalled();

    slot.destroy();
    expect(feeds.made).toEqual([{ url: opened.hlsUrl, destroyed: true }]);
  });

  it('falls back at once when the consume is refused before the timer', async () => {
    const { slot, failure, consume } = setUp();
    slot.load(source);
    await vi.advanceTimersByTimeAsync(0);
    consume.reject(new Error('E_NOT_FOUND'));
    await vi.advanceTimersByTimeAsync(0);
    expect(slot.protocol).toBe('hls');
    expect(feeds.made).toHaveLength(1);

    // The cancelled timer does not fire a second fallback.
    await vi.advanceTimersByTimeAsync(FALLBACK_AFTER_MS * 2);
    expect(feeds.made).toHaveLength(1);
    expect(failure).not.toHaveBeenCalled();
  });
});
