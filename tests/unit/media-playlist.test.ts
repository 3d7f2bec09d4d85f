import { describe, expect, it } from 'vitest';
import {
  isServable,
  liveEdgeSeq,
  liveWindow,
  loopTimeline,
  segmentAt,
  type LoopTimeline,
} from '../../main/media/live-timeline';
import { renderMediaPlaylist, targetDuration } from '../../main/media/playlist';

const EPOCH = Date.UTC(2026, 0, 1);
/** The demo clips' shape: ten 1 s fragments at ffmpeg's 12800 Hz timescale for 25 fps. */
const clip = loopTimeline(
  12800,
  Array.from({ length: 10 }, () => 12800),
);

function playlistAt(timeline: LoopTimeline, elapsedMs: number, size = 6): string {
  return renderMediaPlaylist({
    timeline,
    segments: liveWindow(timeline, elapsedMs, size),
    epochMs: EPOCH,
    initUri: 'init.mp4',
    segmentUri: (seq) => `${seq}.m4s`,
  });
}

/** The tags and URIs of a playlist, in order. */
function parse(text: string) {
  const lines = text.trim().split('\n');
  const tag = (name: string) => lines.find((l) => l.startsWith(`#${name}:`))?.slice(name.length + 2);
  const durations = lines.filter((l) => l.startsWith('#EXTINF:')).map((l) => Number(l.slice(8).split(',')[0]));
  const uris = lines.filter((l) => !l.startsWith('#'));
  return {
    lines,
    mediaSequence: Number(tag('EXT-X-MEDIA-SEQUENCE')),
    targetDuration: Number(tag('EXT-X-TARGETDURATION')),
    programDateTime: tag('EXT-X-PROGRAM-DATE-TIME'),
    durations,
    uris,
  };
}

describe('live timeline', () => {
  it('publishes a segment only once its whole duration has passed', () => {
    expect(liveEdgeSeq(clip, -5000)).toBe(-1);
    expect(liveEdgeSeq(clip, 0)).toBe(-1);
    expect(liveEdgeSeq(clip, 999)).toBe(-1);
    expect(liveEdgeSeq(clip, 1000)).toBe(0);
    expect(liveEdgeSeq(clip, 10_000)).toBe(9);
    expect(liveEdgeSeq(clip, 25_500)).toBe(24);
  });

  it('keeps a window of the newest segments, oldest first', () => {
    expect(liveWindow(clip, 2500, 6).map((s) => s.seq)).toEqual([0, 1]);
    expect(liveWindow(clip, 25_500, 6).map((s) => s.seq)).toEqual([19, 20, 21, 22, 23, 24]);
    expect(liveWindow(clip, 25_500, 6).map((s) => s.index)).toEqual([9, 0, 1, 2, 3, 4]);
  });

  it('gives decode times that run on without a gap or a step back across loop boundaries', () => {
    let previous = segmentAt(clip, 0);
    expect(previous.decodeTime).toBe(0n);
    for (let seq = 1; seq <= 35; seq++) {
      const next = segmentAt(clip, seq);
      expect(next.decodeTime).toBe(previous.decodeTime + BigInt(previous.duration));
      previous = next;
    }
    // Media time = time since the epoch: segment 35 starts 35 s in.
    expect(previous.decodeTime).toBe(35n * 12800n);
  });

  it('handles uneven segments and loops of any length', () => {
    const uneven = loopTimeline(90_000, [90_000, 135_000, 45_000]); // 1 s, 1.5 s, 0.5 s
    expect(liveEdgeSeq(uneven, 2499)).toBe(0);
    expect(liveEdgeSeq(uneven, 2500)).toBe(1);
    expect(liveEdgeSeq(uneven, 3000)).toBe(2);
    expect(liveEdgeSeq(uneven, 4000)).toBe(3);
    expect(segmentAt(uneven, 4)).toMatchObject({ index: 1, decodeTime: 4n * 90_000n, duration: 135_000 });
  });

  // ms × timescale is past Number's exact range here (8.5e16 > 2^53).
  it('stays exact decades after the epoch at a 90 kHz timescale', () => {
    const ninety = loopTimeline(90_000, [90_000, 90_000]);
    const thirtyYearsMs = 30 * 365 * 86_400_000 + 500;
    const edge = liveEdgeSeq(ninety, thirtyYearsMs);
    expect(edge).toBe(30 * 365 * 86_400 - 1);
    const segment = segmentAt(ninety, edge);
    expect(segment.decodeTime).toBe(BigInt(edge) * 90_000n);
  });

  it('serves the window plus one more window, nothing from the future', () => {
    const at = 25_500; // edge 24, window 19..24
    expect(isServable(clip, at, 6, 25)).toBe(false);
    expect(isServable(clip, at, 6, 24)).toBe(true);
    expect(isServable(clip, at, 6, 19)).toBe(true);
    expect(isServable(clip, at, 6, 12)).toBe(true);
    expect(isServable(clip, at, 6, 11)).toBe(false);
  });

  it('refuses nonsense', () => {
    expect(() => loopTimeline(0, [1])).toThrow();
    expect(() => loopTimeline(12800, [])).toThrow();
    expect(() => loopTimeline(12800, [0])).toThrow();
    expect(() => segmentAt(clip, -1)).toThrow();
  });
});

describe('live media playlist', () => {
  it('is a live playlist: header, map, window, no end', () => {
    const text = playlistAt(clip, 25_500);
    const p = parse(text);
    expect(p.lines[0]).toBe('#EXTM3U');
    expect(p.lines).toContain('#EXT-X-MAP:URI="init.mp4"');
    expect(text).not.toContain('#EXT-X-ENDLIST');
    expect(text).not.toContain('#EXT-X-DISCONTINUITY');
    expect(text).not.toContain('#EXT-X-PLAYLIST-TYPE');
    expect(p.mediaSequence).toBe(19);
    expect(p.uris).toEqual(['19.m4s', '20.m4s', '21.m4s', '22.m4s', '23.m4s', '24.m4s']);
    expect(p.durations).toEqual([1, 1, 1, 1, 1, 1]);
    expect(p.programDateTime).toBe(new Date(EPOCH + 19_000).toISOString());
  });

  it('advances its media sequence with the clock, one per segment duration', () => {
    const sequences = [30_000, 30_999, 31_000, 32_000, 40_000].map((ms) => parse(playlistAt(clip, ms)).mediaSequence);
    expect(sequences).toEqual([24, 24, 25, 26, 34]);
    for (const ms of [30_000, 31_000, 40_000]) {
      const p = parse(playlistAt(clip, ms));
      // The first URI is the media sequence; the rest follow one by one.
      expect(p.uris.map((u) => Number.parseInt(u, 10))).toEqual(
        Array.from({ length: 6 }, (_, i) => p.mediaSequence + i),
      );
    }
  });

  it('declares a target duration no segment exceeds, constant across reloads', () => {
    expect(targetDuration(clip)).toBe(1);
    const uneven = loopTimeline(90_000, [90_000, 135_000, 45_000]);
    expect(targetDuration(uneven)).toBe(2);
    for (const ms of [3000, 4000, 5000, 9000]) {
      const p = parse(playlistAt(uneven, ms, 4));
      expect(p.targetDuration).toBe(2);
      for (const d of p.durations) expect(d).toBeLessThanOrEqual(p.targetDuration);
    }
    expect(parse(playlistAt(uneven, 9000, 4)).durations).toEqual([0.5, 1, 1.5, 0.5]);
  });

  it('is still a valid, empty live playlist before the first segment exists', () => {
    const p = parse(playlistAt(clip, 500));
    expect(p.lines[0]).toBe('#EXTM3U');
    expect(p.mediaSequence).toBe(0);
    expect(p.uris).toEqual([]);
    expect(p.programDateTime).toBeUndefined();
  });
});
