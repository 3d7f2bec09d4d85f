import type { RtcConsumer } from './rtc-session';
import { rtcFigures, type RtcFigures } from './rtc-stats';

/**
 * One WebRTC consumer feeding a slot's <video> (stream-slot.ts), and the stats overlay's figures
 * read from its getStats() every second (rtc-stats.ts). A slot makes one per consumer it plays.
 */

const RTC_STATS_MS = 1000;

export class RtcFeed {
  private figuresNow: RtcFigures | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(readonly consumer: RtcConsumer) {}

  /** The figures of the last getStats() (null before the first one). */
  get figures(): RtcFigures | null {
    return this.figuresNow;
  }

  /** Shows the consumer's track in `video`; `lost` is told when the track or its transport ends. */
  attach(video: HTMLVideoElement, hidden: boolean, lost: () => void): void {
    const consumer = this.consumer;
    // Hidden or shown while the hub answered.
    consumer.setHidden(hidden);
    consumer.onFailed(lost);
    consumer.track.addEventListener('ended', lost);
    video.srcObject = new MediaStream([consumer.track]);
  }

  /** Reads the consumer's stats every second until close(). */
  pollStats(): void {
    this.statsTimer = setInterval(() => {
      this.consumer
        .getStats()
        .then((report) => {
          if (this.closed) return;
          const entries = [...report.values()] as Record<string, unknown>[];
          this.figuresNow = rtcFigures(entries, this.figuresNow?.sample ?? null, Date.now());
        })
        .catch(() => undefined);
    }, RTC_STATS_MS);
  }

  /** Stops the stats and closes the consumer (here and on the hub). */
  close(): void {
    if (this.statsTimer !== null) clearInterval(this.statsTimer);
    this.statsTimer = null;
    this.figuresNow = null;
    this.closed = true;
    this.consumer.close();
  }
}
