/**
 * When a consumer may be sent its producer's cached keyframe again. A browser asks (PLI) whenever
 * it cannot decode, so replays are spaced out; but a replay the browser could not receive must not
 * hold back the next one.
 */
export class ReplayThrottle {
  private readonly last = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  /**
   * The consumer started with a replay. When its transport has just connected, the browser's
   * receiver exists and gets that burst: it counts, so the PLI sent while it waits for that very
   * keyframe does not replay it twice. On a transport already up, the replay goes out with the
   * consume answer, before the browser has made the receiver, and is lost: the browser's first
   * PLI is then answered at once instead of a second later (first frame of a tile added to an open
   * wall).
   */
  started(consumerId: string, now: number, receiverReady: boolean): void {
    if (receiverReady) this.last.set(consumerId, now);
    else this.last.delete(consumerId);
  }

  /** Whether to replay now (a resume always may); records the replay when it does. */
  allow(consumerId: string, now: number, force: boolean): boolean {
    const last = this.last.get(consumerId);
    if (!force && last !== undefined && now - last < this.intervalMs) return false;
    this.last.set(consumerId, now);
    return true;
  }

  forget(consumerId: string): void {
    this.last.delete(consumerId);
  }
}
