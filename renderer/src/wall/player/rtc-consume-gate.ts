/**
 * Holds the hub's consume answers on one transport until every consume asked meanwhile has been
 * answered (or `maxWaitMs` after the first held one), then lets them all through in one task.
 * mediasoup-client makes the consumers that reach `transport.consume()` in the same task with one
 * SDP renegotiation; answers let through one by one made a wall of 16 renegotiate in two or three
 * rounds of ≈ 80 ms each, one after the other, before its first frames (bench:rtc -- --trace).
 */
export class ConsumeGate {
  private inFlight = 0;
  private held: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly maxWaitMs = 60) {}

  /** `asked`'s outcome, let through with the other answers of its round. */
  through<T>(asked: Promise<T>): Promise<T> {
    this.inFlight += 1;
    return new Promise<T>((resolve, reject) => {
      asked.then(
        (value) => this.hold(() => resolve(value)),
        (error: unknown) => this.hold(() => reject(error instanceof Error ? error : new Error(String(error)))),
      );
    });
  }

  private hold(release: () => void): void {
    this.inFlight -= 1;
    this.held.push(release);
    if (this.inFlight === 0) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const held = this.held;
    this.held = [];
    for (const release of held) release();
  }
}
