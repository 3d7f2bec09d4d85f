import { describe, expect, it } from 'vitest';
import { BACK_BUFFER_S, GopBackBuffer, MAX_BACK_BUFFER_S } from '../../renderer/src/wall/player/back-buffer';
import { forgiveGappedNoMedia } from '../../renderer/src/wall/player/gop-join';
import { holdsKeyframe } from '../../renderer/src/wall/player/keyframes';

// Long-GOP cameras: the back buffer is evicted at keyframes only, so the GOP the
// playhead is in keeps its keyframe; segments without a keyframe are skipped once at a join.

function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const size = 8 + payload.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(
    Array.from({ length: 4 }, (_, i) => type.charCodeAt(i)),
    4,
  );
  let at = 8;
  for (const p of payload) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function words(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  values.forEach((v, i) => new DataView(out.buffer).setUint32(i * 4, v >>> 0));
  return out;
}

const KEY = 0x02000000; // depends on no other sample, sync
const DELTA = 0x01010000; // depends on others, sample_is_non_sync_sample

/** A moof whose trun carries duration, size and flags per sample (as hls.js's remuxer writes). */
function segment(flags: number[], tfhdDefault?: number): Uint8Array {
  const tfhd = tfhdDefault === undefined ? box('tfhd', words(0, 1)) : box('tfhd', words(0x20, 1, tfhdDefault));
  const trun = box('trun', words(0x000701, flags.length, 0), ...flags.map((f) => words(1000, 50, f)));
  return new Uint8Array([...box('moof', box('mfhd', words(0, 1)), box('traf', tfhd, trun)), ...box('mdat')]);
}

describe('keyframes in appended fMP4', () => {
  it('finds a sync sample anywhere in the trun, or none', () => {
    expect(holdsKeyframe(segment([KEY, DELTA, DELTA]))).toBe(true);
    expect(holdsKeyframe(segment([DELTA, DELTA, KEY, DELTA]))).toBe(true);
    expect(holdsKeyframe(segment([DELTA, DELTA, DELTA]))).toBe(false);
  });

  it('reads first-sample flags and tfhd defaults', () => {
    const firstKey = box(
      'moof',
      box('traf', box('tfhd', words(0x20, 1, DELTA)), box('trun', words(0x000005, 3, 0, KEY))),
    );
    expect(holdsKeyframe(firstKey)).toBe(true);
    const allDefault = box('moof', box('traf', box('tfhd', words(0x20, 1, DELTA)), box('trun', words(0x000001, 3, 0))));
    expect(holdsKeyframe(allDefault)).toBe(false);
  });

  it('cannot tell without flags (defaults in the init segment) or from bytes that are not fMP4', () => {
    const noFlags = box('moof', box('traf', box('tfhd', words(0, 1)), box('trun', words(0x000001, 3, 0))));
    expect(holdsKeyframe(noFlags)).toBeNull();
    expect(holdsKeyframe(new Uint8Array([0x47, 0x40, 0x00, 0x10]))).toBeNull();
    const truncated = segment([DELTA, DELTA]).subarray(0, 40);
    expect(holdsKeyframe(truncated)).toBeNull();
  });
});

/** Feeds 1-s fragments sn = start second; `keyframeEvery` fragments one starts a GOP. */
function fed(seconds: number, keyframeEvery: number): GopBackBuffer {
  const buffer = new GopBackBuffer();
  for (let sn = 0; sn < seconds; sn += 1) {
    buffer.noteAppend(sn, sn % keyframeEvery === 0);
    buffer.noteBuffered(sn, sn, sn + 1);
  }
  return buffer;
}

describe('back buffer evicted at keyframes', () => {
  it('a keyframe in every segment: evicted to ~5 s behind the playhead, as hls.js did', () => {
    const end = fed(20, 1).evictionEnd(15.4);
    expect(end).toBe(10);
    expect(15.4 - end!).toBeGreaterThanOrEqual(BACK_BUFFER_S);
  });

  it('a 10-s GOP: never past the keyframe of the GOP the playhead is in', () => {
    // Keyframes at 0, 10, 20. Playhead at 14.5 (GOP from 10): only [0, 0] could go — nothing.
    expect(fed(20, 10).evictionEnd(14.5)).toBeNull();
    // Playhead at 16.2: 10 ≤ 16.2 − 5, its fragment ended — evict to 10, the GOP's own keyframe.
    expect(fed(20, 10).evictionEnd(16.2)).toBe(10);
    // Playhead at 21: the GOP from 20 began 1 s ago; keep from 10 (the one before is ≥ 5 s back).
    expect(fed(25, 10).evictionEnd(21)).toBe(10);
  });

  it('never keeps more than the hard limit, and unknown keyframes count as keyframes', () => {
    expect(fed(100, 1000).evictionEnd(80)).toBe(80 - MAX_BACK_BUFFER_S);
    const unknown = new GopBackBuffer();
    for (let sn = 0; sn < 20; sn += 1) {
      unknown.noteAppend(sn, null);
      unknown.noteBuffered(sn, sn, sn + 1);
    }
    expect(unknown.evictionEnd(15)).toBe(10);
  });

  it('a fragment buffered with no video appended (a gap) holds no keyframe; clear() forgets', () => {
    const buffer = new GopBackBuffer();
    buffer.noteBuffered(3, 3, 4);
    expect(buffer.evictionEnd(12)).toBeNull();
    buffer.noteAppend(4, true);
    buffer.noteBuffered(4, 4, 5);
    buffer.clear();
    expect(buffer.evictionEnd(12)).toBeNull();
  });
});

describe('joining mid-GOP', () => {
  it('clears the level error count after hls.js gapped a segment with no media, so the next is gapped too', () => {
    const levels = [{ fragmentError: 2 }];
    const error = { details: 'fragParsingError', fatal: false, frag: { gap: true, level: 0 } };
    expect(forgiveGappedNoMedia(error, levels)).toBe(true);
    expect(levels[0]!.fragmentError).toBe(0);
  });

  it('leaves fatal errors, other errors, fragments hls.js did not gap and unknown levels alone', () => {
    const levels = [{ fragmentError: 3 }];
    const frag = { gap: true, level: 0 };
    expect(forgiveGappedNoMedia({ details: 'fragParsingError', fatal: true, frag }, levels)).toBe(false);
    expect(forgiveGappedNoMedia({ details: 'fragLoadError', fatal: false, frag }, levels)).toBe(false);
    expect(forgiveGappedNoMedia({ details: 'fragParsingError', fatal: false, frag: { level: 0 } }, levels)).toBe(false);
    expect(
      forgiveGappedNoMedia({ details: 'fragParsingError', fatal: false, frag: { gap: true, level: 4 } }, levels),
    ).toBe(false);
    expect(levels[0]!.fragmentError).toBe(3);
  });
});
