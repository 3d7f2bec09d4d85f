/**
 * Frames per second from the video's decoded-frame counter (getVideoPlaybackQuality) sampled on
 * the player's tick: the rate the tile actually shows, not what the stream promises.
 */

/** Samples kept: ~2 s at one per 500 ms tick, smooth enough to read and quick to follow a change. */
const SAMPLES = 5;

export class FrameRate {
  private samples: { at: number; frames: number }[] = [];

  /** Records the frame counter at `at` (ms). */
  sample(at: number, frames: number): void {
    const last = this.samples[this.samples.length - 1];
    // A new element (after a swap) counts from zero again: start over rather than go negative.
    if (last && frames < last.frames) this.samples = [];
    this.samples.push({ at, frames });
    if (this.samples.length > SAMPLES) this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  /** Frames per second over the samples; null until two samples span some time. */
  get fps(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return null;
    return ((last.frames - first.frames) * 1000) / (last.at - first.at);
  }
}
