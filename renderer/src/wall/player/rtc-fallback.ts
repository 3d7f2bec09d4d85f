import { FALLBACK_AFTER_MS, shouldFallBack } from './rtc-choice';

/**
 * The clock of a WebRTC attempt's fallback to HLS (rtc-choice.ts): no frame within
 * FALLBACK_AFTER_MS of the attempt — or of the tile being shown again — calls `fallBack`.
 * A paused consumer sends nothing: time the tile spent hidden does not count towards the fallback.
 */

/** What the clock reads of the slot it watches. */
export interface FallbackTile {
  frameSeen(): boolean;
  /** The tile is covered by a maximised one (its consumer paused). */
  hidden(): boolean;
  /** When the tile was last shown again (epoch ms). */
  shownAt(): number;
}

export class RtcFallbackClock {
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Armed at once; `startedAt`: when the attempt began (epoch ms). */
  constructor(
    private readonly startedAt: number,
    private readonly tile: FallbackTile,
    private readonly fallBack: () => void,
  ) {
    this.arm(FALLBACK_AFTER_MS);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(delay: number): void {
    this.timer = setTimeout(() => {
      const tile = this.tile;
      if (tile.frameSeen()) return;
      if (tile.hidden()) return this.arm(FALLBACK_AFTER_MS);
      const since = Math.max(this.startedAt, tile.shownAt());
      if (shouldFallBack(since, tile.frameSeen(), Date.now())) this.fallBack();
      else this.arm(since + FALLBACK_AFTER_MS - Date.now());
    }, delay);
  }
}
