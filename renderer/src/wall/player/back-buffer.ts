/**
 * The wall's back buffer, evicted at keyframes.
 *
 * Why not hls.js's own `backBufferLength`: it removes [0, playhead − 5 s] whatever is there, and a
 * browser removing media also removes every frame that depends on it, up to the next keyframe
 * (MSE coded frame removal). On a camera with one keyframe every 10 s, the GOP the playhead is in
 * began more than 5 s ago half of the time: the eviction took its keyframe and with it the whole
 * buffer ahead of the playhead. hls.js then reloads the fragment under the playhead into a reset
 * transmuxer, which finds no keyframe (and no SPS) in it — "Found no media" — and reloads, gaps or
 * backtracks it again and again until the next keyframe arrives: the reload storm (≈ 100 loads per
 * segment) and a stall every GOP.
 *
 * So the end of an eviction is always the start of a fragment holding a keyframe, one wholly behind
 * the playhead (so its keyframe is too): what is kept starts at or before the keyframe the picture
 * depends on. A stream with a keyframe in every fragment (a GOP of a segment or less — the demo
 * clips, the hub's ingest, most HLS servers) is evicted exactly as before, to ~5 s behind the
 * playhead; a long-GOP stream keeps up to one GOP more. A hard limit bounds the memory either way.
 */

/** Media kept behind the playhead (s): what was there before, for streams with short GOPs. */
export const BACK_BUFFER_S = 5;
/** Never more than this behind the playhead (s), whatever the GOP (a 10-s GOP needs ≤ 16). */
export const MAX_BACK_BUFFER_S = 30;

interface Span {
  start: number;
  end: number;
  keyframe: boolean;
}

export class GopBackBuffer {
  /** Keyframe seen in what was appended of each fragment (by media sequence number). */
  private readonly appended = new Map<number, boolean>();
  private readonly spans = new Map<number, Span>();

  /** A piece of a fragment went to the video buffer; `keyframe` from keyframes.ts (null: unknown). */
  noteAppend(sn: number, keyframe: boolean | null): void {
    // Unknown counts as a keyframe: hls.js's own assumption, and never keeps more than before.
    this.appended.set(sn, (this.appended.get(sn) ?? false) || keyframe !== false);
  }

  /** A fragment is buffered over [start, end) (media time, s). */
  noteBuffered(sn: number, start: number, end: number): void {
    const keyframe = this.appended.get(sn);
    this.appended.delete(sn);
    // Buffered with nothing appended to video (audio only, or a gap): no keyframe to keep for it.
    this.spans.set(sn, { start, end, keyframe: keyframe ?? false });
  }

  /**
   * Where to evict up to for the playhead at `time`: the start of the newest fragment holding a
   * keyframe that ends behind the playhead and starts ≥ BACK_BUFFER_S before it, and no less than
   * time − MAX_BACK_BUFFER_S; null when there is nothing to evict.
   */
  evictionEnd(time: number): number | null {
    let end = time - MAX_BACK_BUFFER_S;
    for (const span of this.spans.values()) {
      if (span.keyframe && span.end <= time && span.start <= time - BACK_BUFFER_S) end = Math.max(end, span.start);
    }
    if (end <= 0) return null;
    for (const [sn, span] of this.spans) {
      if (span.end <= end) this.spans.delete(sn);
    }
    return end;
  }

  /** A new stream or a reload from scratch: forget everything. */
  clear(): void {
    this.appended.clear();
    this.spans.clear();
  }
}
