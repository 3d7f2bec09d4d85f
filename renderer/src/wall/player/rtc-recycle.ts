/**
 * When a window's receive transport is replaced by a fresh one (rtc-session.ts). Chromium frees
 * the native memory of a closed consumer's receiver (its m-section is recycled, but not what the
 * peer connection kept for it) only with the peer connection: on one transport living as long as
 * the window, a wall whose tiles come and go grew ≈ 17–42 MB a minute at the soak's rate while its
 * JS heap, DOM and transceiver count stayed flat (README → Benchmarks → Wall soak). So after
 * RECYCLE_AFTER_CLOSED closed consumers the transport is worn: new tiles consume on a new one, the
 * tiles still playing on the old one keep playing, and the old one is closed once its last
 * consumer has gone — no tile reconnects. The hub drops the closed one when the browser falls
 * silent on it (its idle sweep) or when the connection's transport quota needs room.
 */

/** Closed consumers after which a transport takes no new ones (a wall of 16 changing view twice). */
export const RECYCLE_AFTER_CLOSED = 32;

export class TransportUse {
  /** Consumes started on the transport and not yet failed or closed. */
  private outstanding = 0;
  private closedConsumers = 0;
  private retired = false;
  private ended = false;

  constructor(
    /** Closes the transport (called once, when retired and nothing is left on it). */
    private readonly closeTransport: () => void,
    private readonly limit: number = RECYCLE_AFTER_CLOSED,
  ) {}

  /** Enough consumers have closed on it: new ones go to a new transport. */
  get worn(): boolean {
    return this.closedConsumers >= this.limit;
  }

  /** Retired and closed (its last consumer gone). */
  get closed(): boolean {
    return this.ended;
  }

  /** A consume starts on the transport. */
  begin(): void {
    this.outstanding += 1;
  }

  /** A consume on it failed (`made` false) or its consumer closed (`made` true). */
  end(made: boolean): void {
    this.outstanding = Math.max(0, this.outstanding - 1);
    if (made) this.closedConsumers += 1;
    this.closeIfDrained();
  }

  /** No new consumers: closed now if nothing plays on it, else when its last consumer closes. */
  retire(): void {
    this.retired = true;
    this.closeIfDrained();
  }

  private closeIfDrained(): void {
    if (!this.retired || this.outstanding > 0 || this.ended) return;
    this.ended = true;
    this.closeTransport();
  }
}
