/** Capped exponential back-off: initial, 2×, 4× … up to the cap, forever. */
export interface BackoffOptions {
  /** The first delay; the first retry of a camera that just failed comes this soon. */
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 15_000 };

/** The delay before retry number `attempt` (1 = the first retry after a failure). */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(options.initialMs * 2 ** exponent, options.maxMs);
}
