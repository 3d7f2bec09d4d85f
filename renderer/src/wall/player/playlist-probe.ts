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

/** A probe answer slower than this counts as "not served", and its request is aborted. */
export const PROBE_TIMEOUT_MS = 3000;

type FetchPlaylist = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The probe of one player: while `url()` names a playlist it is fetched every PROBE_INTERVAL_MS,
 * and `advanced` is told each time an answer differs from the one before (playlistAdvanced).
 * One request at a time, aborted when the probe stops or after PROBE_TIMEOUT_MS, and the body of
 * an answer that is not a playlist is cancelled: a tile offline for hours must not leave a request
 * behind each second (the wall soak found Blink's fetch loaders growing with the outages).
 */
export class PlaylistProbe {
  private timer: ReturnType<typeof setInterval> | null = null;
  private answer: string | null = null;
  private inFlight: AbortController | null = null;

  constructor(
    /** The playlist to probe now, or null. */
    private readonly url: () => string | null,
    private readonly advanced: () => void,
    /** Runs the probe contained (a failing probe must not fail the wall). */
    private readonly contain: (run: () => void) => void,
    private readonly fetchPlaylist: FetchPlaylist = (url, init) => fetch(url, init),
  ) {}

  /** Probes while `wanted` and there is a playlist to probe; stops otherwise. */
  update(wanted: boolean): void {
    const url = wanted ? this.url() : null;
    if (!url) {
      this.stop();
      return;
    }
    if (this.timer !== null) return;
    this.answer = null;
    this.timer = setInterval(() => this.contain(() => this.probe()), PROBE_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.answer = null;
    this.inFlight?.abort();
    this.inFlight = null;
  }

  private probe(): void {
    const url = this.url();
    if (!url || this.inFlight !== null) return;
    const request = new AbortController();
    this.inFlight = request;
    const timeout = setTimeout(() => request.abort(), PROBE_TIMEOUT_MS);
    this.fetchPlaylist(url, { cache: 'no-store', credentials: 'same-origin', signal: request.signal })
      .then(async (response) => {
        if (response.ok) return response.text();
        await response.body?.cancel();
        return null;
      })
      .catch(() => null)
      .then((text) => {
        clearTimeout(timeout);
        if (this.inFlight !== request) return; // stopped meanwhile
        this.inFlight = null;
        const advanced = playlistAdvanced(this.answer, text);
        this.answer = text;
        if (advanced) this.advanced();
      })
      .catch(() => undefined);
  }
}
