import type { Consumer } from 'mediasoup-client/types';
import type { RtcCall, RtcConsumer } from './rtc-session';

/**
 * The consumers of a window's WebRTC session (rtc-session.ts): each paused, here and on the hub,
 * while its tile is hidden or — in the console window only — while the page is hidden; closed here
 * and on the hub; told when the transport under it failed.
 */

interface Entry {
  consumer: Consumer;
  transportId: string;
  failed: Set<() => void>;
  /** The tile's own hidden flag. */
  hidden: boolean;
  /** Whether the consumer is paused now (here and, asked, on the hub). */
  paused: boolean;
}

export class RtcConsumers {
  private readonly live = new Map<string, Entry>();
  private readonly onVisibility = (): void => {
    for (const entry of this.live.values()) this.apply(entry);
  };

  constructor(
    private readonly call: RtcCall,
    /** A wall window ignores page visibility: it is watched on a screen whatever the browser thinks. */
    private readonly wallWindow: boolean,
  ) {
    if (!wallWindow) document.addEventListener('visibilitychange', this.onVisibility);
  }

  /**
   * Takes a consumer the hub made paused: resumed now unless its tile or the page is hidden.
   * `closed` is told once, when the tile closes it.
   */
  add(consumer: Consumer, transportId: string, hidden: boolean, closed: () => void = () => undefined): RtcConsumer {
    const failed = new Set<() => void>();
    const entry: Entry = {
      consumer,
      transportId,
      failed,
      hidden,
      // As the hub made it: apply() resumes it now unless the tile or the page is hidden.
      paused: true,
    };
    this.live.set(consumer.id, entry);
    // Paused here too while hidden (a local pause costs a renegotiation: not for a tile shown now).
    if (entry.hidden || this.pageHidden()) consumer.pause();
    this.apply(entry);
    const { live, call } = this;
    return {
      track: consumer.track,
      getStats: () => consumer.getStats(),
      close() {
        if (!live.delete(consumer.id)) return;
        consumer.close();
        call('media.rtc.closeConsumer', { consumerId: consumer.id }).catch(() => undefined);
        closed();
      },
      onFailed(listener) {
        failed.add(listener);
      },
      setHidden: (tileHidden) => {
        entry.hidden = tileHidden;
        this.apply(entry);
      },
    };
  }

  /** The transport failed or closed: every tile on it is told (and reconnects). */
  transportFailed(transportId: string): void {
    for (const entry of [...this.live.values()]) {
      if (entry.transportId !== transportId) continue;
      for (const listener of entry.failed) listener();
      entry.failed.clear();
    }
  }

  /** Closes every consumer here (the hub drops them with the transport). */
  close(): void {
    if (!this.wallWindow) document.removeEventListener('visibilitychange', this.onVisibility);
    for (const { consumer } of this.live.values()) consumer.close();
    this.live.clear();
  }

  private pageHidden(): boolean {
    return !this.wallWindow && document.visibilityState === 'hidden';
  }

  /** Pauses or resumes the consumer as its tile and the page say; tells the hub only on a change. */
  private apply(entry: Entry): void {
    const paused = entry.hidden || this.pageHidden();
    if (paused === entry.paused || !this.live.has(entry.consumer.id)) return;
    entry.paused = paused;
    const { consumer } = entry;
    if (paused) consumer.pause();
    else consumer.resume();
    this.call(paused ? 'media.rtc.pause' : 'media.rtc.resume', { consumerId: consumer.id }).catch(() => undefined);
  }
}
