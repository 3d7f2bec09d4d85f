/** Milliseconds since the epoch. Injected so tests can move time (session expiry, lockout). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock a test may move forward: real time plus an offset (main/shell-web/test-clock.ts). */
export interface OffsetClock extends Clock {
  /** Moves the clock forward by `ms` (> 0); returns the new time. */
  advance(ms: number): number;
  /** How far ahead of `base` the clock has been moved, in ms. */
  offset(): number;
}

/**
 * `base` plus an offset that only grows. Never answers less than it answered before, so a base that
 * steps back (NTP) cannot make the hub's records go back in time either.
 */
export function offsetClock(base: Clock = systemClock): OffsetClock {
  let offsetMs = 0;
  let last = -Infinity;
  const clock = () => (last = Math.max(last, base() + offsetMs));
  return Object.assign(clock, {
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`a clock moves forward only (got ${ms} ms)`);
      offsetMs += ms;
      return clock();
    },
    offset: () => offsetMs,
  });
}
