/**
 * Whether a piece of fragmented MP4 (moof/mdat pairs, as hls.js appends to a video SourceBuffer —
 * its own remux of MPEG-TS or an fMP4 stream passed through) holds a keyframe (a sync sample),
 * read from the sample flags of its `trun` boxes or their `tfhd` defaults. The wall's back buffer
 * (back-buffer.ts) needs it: evicting media up to a point inside a GOP makes the browser drop every
 * frame up to the next keyframe too.
 *
 * true: some sample is a sync sample; false: every sample's flags say it is not; null: cannot tell
 * (flags only in the init segment's `trex`, or bytes that do not parse) — callers treat that as
 * true, which is hls.js's own assumption.
 */

const HEADER = 8;

interface Box {
  type: string;
  /** Offset of the box's payload (after its header). */
  start: number;
  /** Offset just past the box. */
  end: number;
}

function* boxes(view: DataView, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + HEADER <= to) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(
      view.getUint8(at + 4),
      view.getUint8(at + 5),
      view.getUint8(at + 6),
      view.getUint8(at + 7),
    );
    let header = HEADER;
    if (size === 1) {
      if (at + 16 > to) return;
      // 64-bit size: media pieces are far below 4 GB, so the high word must be 0.
      if (view.getUint32(at + 8) !== 0) return;
      size = view.getUint32(at + 12);
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) return;
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

/** A sample is a sync sample when its flags' sample_is_non_sync_sample bit (16) is clear. */
const isSync = (flags: number): boolean => ((flags >>> 16) & 1) === 0;

/** Sync samples in one `traf`: true / false / null (flags not in this box). */
function trafHoldsKeyframe(view: DataView, traf: Box): boolean | null {
  let defaultFlags: number | null = null;
  let answer: boolean | null = false;
  for (const box of boxes(view, traf.start, traf.end)) {
    if (box.type === 'tfhd' && box.start + 8 <= box.end) {
      const flags = view.getUint32(box.start) & 0xffffff;
      // track_ID, then the optional fields in order: base data offset (8), description index (4),
      // default duration (4), default size (4), default flags (4).
      let at = box.start + 8;
      if (flags & 0x01) at += 8;
      if (flags & 0x02) at += 4;
      if (flags & 0x08) at += 4;
      if (flags & 0x10) at += 4;
      if (flags & 0x20 && at + 4 <= box.end) defaultFlags = view.getUint32(at);
    } else if (box.type === 'trun' && box.start + 8 <= box.end) {
      const flags = view.getUint32(box.start) & 0xffffff;
      const count = view.getUint32(box.start + 4);
      let at = box.start + 8;
      if (flags & 0x01) at += 4;
      let firstFlags: number | null = null;
      if (flags & 0x04) {
        if (at + 4 > box.end) return null;
        firstFlags = view.getUint32(at);
        at += 4;
      }
      const perSample = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length * 4;
      const flagsAt = (flags & 0x100 ? 4 : 0) + (flags & 0x200 ? 4 : 0);
      for (let i = 0; i < count; i += 1) {
        let sample: number | null;
        if (flags & 0x400) {
          if (at + flagsAt + 4 > box.end) return null;
          sample = view.getUint32(at + flagsAt);
        } else {
          sample = defaultFlags;
        }
        if (i === 0 && firstFlags !== null) sample = firstFlags;
        if (sample === null) answer = null;
        else if (isSync(sample)) return true;
        at += perSample;
      }
    }
  }
  return answer;
}

export function holdsKeyframe(data: Uint8Array): boolean | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let answer: boolean | null = false;
  let sawMoof = false;
  try {
    for (const moof of boxes(view, 0, view.byteLength)) {
      if (moof.type !== 'moof') continue;
      sawMoof = true;
      for (const traf of boxes(view, moof.start, moof.end)) {
        if (traf.type !== 'traf') continue;
        const found = trafHoldsKeyframe(view, traf);
        if (found === true) return true;
        if (found === null) answer = null;
      }
    }
  } catch {
    return null;
  }
  return sawMoof ? answer : null;
}
