import { describe, expect, it } from 'vitest';
import { gopGapTarget, MAX_GOP_GAP_S, skipGopGap } from '../../renderer/src/wall/player/gop-gap';
import { retryFragment } from '../../renderer/src/wall/player/hls-config';

// A player that joins a long-GOP stream mid-GOP has media buffered only from the next keyframe on:
// its playhead is moved there, instead of hls.js reloading the fragment under it.

function ranges(list: [number, number][]): TimeRanges {
  return {
    length: list.length,
    start: (i: number) => list[i]![0],
    end: (i: number) => list[i]![1],
  };
}

const media = (currentTime: number, list: [number, number][]) => ({
  currentTime,
  buffered: ranges(list),
  seeking: false,
});

describe('keyframe gaps', () => {
  it('jumps a playhead before the first buffered range when it is at most one long GOP ahead', () => {
    const video = media(3.03, [[10, 14]]);
    expect(skipGopGap(video)).toBe(true);
    expect(video.currentTime).toBeCloseTo(10.05);
  });

  it('leaves a playhead in buffered media, with nothing ahead, or a gap longer than a GOP', () => {
    expect(gopGapTarget(media(11, [[10, 14]]))).toBeNull();
    expect(gopGapTarget(media(14.5, [[10, 14]]))).toBeNull();
    expect(gopGapTarget(media(0, []))).toBeNull();
    expect(gopGapTarget(media(1, [[1 + MAX_GOP_GAP_S + 1, 30]]))).toBeNull();
  });

  it('jumps to the next range after a hole between ranges', () => {
    expect(
      gopGapTarget(
        media(14.2, [
          [10, 14],
          [20, 22],
        ]),
      ),
    ).toBeCloseTo(20.05);
  });
});

describe('fragment retries (hls-config.ts)', () => {
  it('never reloads a fragment that parsed to no media; retries a failed load twice', () => {
    expect(retryFragment(null, 0, false, undefined, true)).toBe(false);
    const http500 = { url: 'x', code: 500, data: '' };
    expect(retryFragment(null, 0, false, http500, true)).toBe(true);
    expect(retryFragment(null, 1, false, http500, true)).toBe(true);
    expect(retryFragment(null, 2, false, http500, true)).toBe(false);
    expect(retryFragment(null, 0, true, undefined, true)).toBe(true);
    expect(retryFragment(null, 0, false, { url: 'x', code: 404, data: '' }, false)).toBe(false);
  });
});
