/**
 * Joining a long-GOP stream mid-GOP. A player that starts (or restarts) on a
 * segment without a keyframe gets nothing from it: hls.js's transmuxer needs the SPS and the IDR
 * that open the GOP, finds "no media" (a non-fatal fragParsingError) and marks the segment a gap —
 * but only while its level has had fewer than two fragment errors. From the third such segment in a
 * row (a 10-s GOP has nine) it reloads the same segment in a loop until the error count fails the
 * stream, which the tile reconnects from the live edge: mid-GOP again.
 *
 * A segment that parsed to no media will parse to none again (the same bytes), so each is skipped
 * once: after hls.js has gapped one, its level's error count is cleared, so the next is gapped too,
 * until the segment with the keyframe buffers and gop-gap.ts moves the playhead to it. Load errors
 * and fragments hls.js did not gap still count, as before.
 */

export interface NoMediaErrorLike {
  details: string;
  fatal: boolean;
  frag?: { gap?: boolean; level: number } | undefined;
}

export interface LevelLike {
  fragmentError: number;
}

/** After hls.js's own handling of `error`: true when it cleared the level's count. */
export function forgiveGappedNoMedia(error: NoMediaErrorLike, levels: readonly LevelLike[]): boolean {
  if (error.fatal || error.details !== 'fragParsingError' || error.frag?.gap !== true) return false;
  const level = levels[error.frag.level];
  if (!level) return false;
  level.fragmentError = 0;
  return true;
}
