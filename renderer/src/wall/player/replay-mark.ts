/**
 * Is what a tile shows new media, or a replay of what it showed before? A
 * reconnect to a frozen HLS source gets the same playlist window again and plays it: those frames
 * move the picture but are no progress, so the tile must stay stalled through them. Pure, so the
 * rule is unit-tested beside the health machine.
 *
 * HLS media is identified by its media sequence number (sn). A slot loaded while the player had
 * shown up to sn N (its replay bound) shows new media once its playhead is past N — or at once when
 * the source's numbering went back (its playlist ends before N: the source restarted). A WebRTC
 * consumer only receives what the source sends now, so its frames are always new.
 */

export interface MediaPosition {
  webrtc: boolean;
  /** The newest sn the player had shown of this source when the slot was loaded; null: none. */
  replayBound: number | null;
  /** The last sn of the slot's newest playlist; null before one. */
  edgeSn: number | null;
  /** The sn of the fragment at the slot's playhead; null before one plays. */
  playingSn: number | null;
}

export function showsNewMedia(p: MediaPosition): boolean {
  const bound = p.replayBound;
  if (p.webrtc || bound === null) return true;
  if (p.edgeSn !== null && p.edgeSn < bound) return true;
  return p.playingSn !== null && p.playingSn > bound;
}

/** The player's newest-shown mark after the slot showed new media (back, too, after a restart). */
export function newestShown(newest: number | null, p: MediaPosition): number | null {
  const sn = p.playingSn;
  if (sn === null) return newest;
  if (newest === null || sn > newest || (p.edgeSn !== null && p.edgeSn < newest)) return sn;
  return newest;
}
