/**
 * A cheap check whether an offline HLS source is back: while a tile is offline
 * the player fetches the stream's playlist at a short fixed interval, and reconnects at once when
 * the playlist is served *and advancing* — two successive answers that differ. A playlist that is
 * served but frozen (a stuck encoder, a proxy's stale copy) never triggers a reconnect, so the probe
 * cannot cause a reload storm; the reconnect back-off stays as it is for everything else.
 */

export const PROBE_INTERVAL_MS = 1000;

/** The previous and current probe answers (playlist text, or null when not served). */
export function playlistAdvanced(previous: string | null, current: string | null): boolean {
  if (previous === null || current === null) return false;
  if (!current.startsWith('#EXTM3U')) return false;
  return current !== previous;
}
