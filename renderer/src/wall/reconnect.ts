/**
 * When a wall tile tries its stream again after it went offline, stalled or failed (docs/wall-player.md#health-machine):
 * the first retry within 2 s, then exponential backoff ×2 capped at 15 s, forever.
 *
 * Jitter (±10 %) keeps a wall of tiles that lost the same server at once from hammering it back in
 * lockstep when it returns. It never breaks the bounds: the first delay stays ≤ 2 s, no delay
 * exceeds the cap, and delays never shrink from one attempt to the next (1.8 × base > 1.1 × base).
 */

export const RECONNECT = {
  /** Delay before the first retry (ms). */
  firstMs: 1000,
  /** Growth per failed attempt. */
  factor: 2,
  /** Longest delay between attempts (ms). */
  capMs: 15_000,
  /** Relative jitter: the delay is base × (1 ± jitter), then clamped to the cap. */
  jitter: 0.1,
} as const;

/** The delay without jitter before retry number `attempt` (0 = the first retry after a failure). */
export function reconnectBaseMs(attempt: number): number {
  const n = Math.max(0, Math.floor(Number.isNaN(attempt) ? 0 : attempt));
  // 2^n overflows to Infinity for large n, which min() caps: the schedule runs forever.
  return Math.min(RECONNECT.firstMs * RECONNECT.factor ** n, RECONNECT.capMs);
}

/**
 * The delay before retry number `attempt`, with jitter from `random` (a number in [0, 1), as
 * Math.random gives; injected so the schedule is testable).
 */
export function reconnectDelayMs(attempt: number, random: number = Math.random()): number {
  const base = reconnectBaseMs(attempt);
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0.5;
  const delay = base * (1 + RECONNECT.jitter * (2 * r - 1));
  return Math.round(Math.min(delay, RECONNECT.capMs));
}
