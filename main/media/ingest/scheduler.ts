/**
 * Time for the ingest supervisor: the clock and one-shot timers, injected so tests move time by
 * hand (back-off, idle stop, stall watchdog) instead of sleeping.
 */
export interface Scheduler {
  now(): number;
  /** Runs fn once after ms; the returned function cancels it (a no-op once it ran). */
  after(ms: number, fn: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    // A pending retry or idle stop must not keep the hub's process alive on shutdown.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
