import { describe, expect, it } from 'vitest';
import { RECONNECT, reconnectBaseMs, reconnectDelayMs } from '../../renderer/src/wall/reconnect';

// Issue 5 item 5: first retry ≤ 2 s, exponential backoff capped at 15 s, forever.
const RANDOMS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999_999];

describe('reconnect schedule', () => {
  it('retries first within 2 s, whatever the jitter', () => {
    for (const r of RANDOMS) {
      const first = reconnectDelayMs(0, r);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(2000);
    }
    expect(reconnectBaseMs(0)).toBe(1000);
  });

  it('doubles up to the 15 s cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(reconnectBaseMs)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });

  it('never exceeds the cap nor goes below 90 % of it once there, for any jitter', () => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      for (const r of RANDOMS) {
        const delay = reconnectDelayMs(attempt, r);
        expect(delay).toBeLessThanOrEqual(RECONNECT.capMs);
        expect(delay).toBeGreaterThanOrEqual(reconnectBaseMs(attempt) * (1 - RECONNECT.jitter) - 1);
      }
    }
  });

  it('never shrinks from one attempt to the next, even with the worst jitter pair', () => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const longestNow = Math.max(...RANDOMS.map((r) => reconnectDelayMs(attempt, r)));
      const shortestNext = Math.min(...RANDOMS.map((r) => reconnectDelayMs(attempt + 1, r)));
      if (reconnectBaseMs(attempt) < RECONNECT.capMs) expect(shortestNext).toBeGreaterThan(longestNow);
      else expect(shortestNext).toBeGreaterThanOrEqual(RECONNECT.capMs * (1 - RECONNECT.jitter) - 1);
    }
  });

  it('is strictly increasing up to the cap for the same jitter', () => {
    for (const r of RANDOMS) {
      const delays = [0, 1, 2, 3, 4].map((a) => reconnectDelayMs(a, r));
      for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    }
  });

  it('goes on forever: huge attempt counts still give a bounded, finite delay', () => {
    for (const attempt of [1000, 1e6, Number.MAX_SAFE_INTEGER, Infinity]) {
      const delay = reconnectDelayMs(attempt, 0.5);
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBe(RECONNECT.capMs);
    }
    // A 72-hour outage: every retry is still scheduled, at most 15 s apart.
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 72 * 3600_000) elapsed += reconnectDelayMs(attempts++, Math.random());
    expect(attempts).toBeGreaterThan((72 * 3600_000) / RECONNECT.capMs);
  });

  it('tolerates odd inputs (negative, fractional, NaN jitter) without leaving the bounds', () => {
    expect(reconnectDelayMs(-3, 0.5)).toBe(1000);
    expect(reconnectDelayMs(1.7, 0.5)).toBe(2000);
    expect(reconnectDelayMs(0, Number.NaN)).toBe(1000);
    expect(reconnectDelayMs(10, 7)).toBeLessThanOrEqual(RECONNECT.capMs);
    expect(reconnectDelayMs(0, -1)).toBeGreaterThanOrEqual(900);
  });

  it('jitter spreads tiles that failed together', () => {
    const delays = new Set(RANDOMS.map((r) => reconnectDelayMs(2, r)));
    expect(delays.size).toBeGreaterThan(3);
  });
});
