/**
 * Jumps the playhead over a keyframe gap. A live stream whose segments do not
 * start with a keyframe (long GOP: one IDR every 10 s, 1-s segments) has nothing decodable before
 * its next keyframe: a player that joins (or rejoins after a jump) mid-GOP gets buffered media only
 * from that keyframe on, up to a GOP ahead of the playhead. hls.js jumps such a start gap only when
 * it is within two target durations, and otherwise keeps reloading the fragment under the playhead
 * — which never yields media: the reload storm (≈ 100 loads per segment) and the stall. So when the
 * playhead sits outside every buffered range and the next range begins at most one long GOP ahead,
 * move the playhead there.
 */

/** The longest keyframe interval bridged (s): a 10-s GOP with slack. */
export const MAX_GOP_GAP_S = 12;

interface MediaLike {
  currentTime: number;
  readonly buffered: TimeRanges;
  readonly seeking: boolean;
}

/** The time to jump to, or null when the playhead is in buffered media or nothing is near ahead. */
export function gopGapTarget(video: MediaLike): number | null {
  const { buffered, currentTime } = video;
  for (let i = 0; i < buffered.length; i += 1) {
    const start = buffered.start(i);
    const end = buffered.end(i);
    if (currentTime >= start && currentTime < end) return null;
    if (start > currentTime) return start - currentTime <= MAX_GOP_GAP_S ? start + 0.05 : null;
  }
  return null;
}

/** Moves the playhead over a keyframe gap; true when it did. */
export function skipGopGap(video: MediaLike): boolean {
  const target = gopGapTarget(video);
  if (target === null) return false;
  video.currentTime = target;
  return true;
}
