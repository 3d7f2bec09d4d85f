import { useSyncExternalStore } from 'react';

interface Ticker {
  subscribe: (notify: () => void) => () => void;
  getSnapshot: () => number;
}

const tickers = new Map<number, Ticker>();

/**
 * One shared interval per period. The snapshot only changes on a tick, so every subscriber
 * renders the same instant and nothing reads the clock during render.
 */
function tickerFor(periodMs: number): Ticker {
  const existing = tickers.get(periodMs);
  if (existing) return existing;
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  const listeners = new Set<() => void>();
  const tick = () => {
    now = Date.now();
    for (const notify of [...listeners]) notify();
  };
  const ticker: Ticker = {
    subscribe: (notify) => {
      listeners.add(notify);
      if (listeners.size === 1) {
        now = Date.now();
        // Align to the period boundary so a seconds display flips when the second does.
        timer = setTimeout(
          () => {
            tick();
            timer = setInterval(tick, periodMs);
          },
          periodMs - (now % periodMs),
        );
      }
      return () => {
        listeners.delete(notify);
        if (listeners.size === 0) {
          clearTimeout(timer);
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    getSnapshot: () => now,
  };
  tickers.set(periodMs, ticker);
  return ticker;
}

/** The current time in epoch ms, refreshed every `periodMs`. */
export function useNow(periodMs = 1000): number {
  const ticker = tickerFor(periodMs);
  return useSyncExternalStore(ticker.subscribe, ticker.getSnapshot);
}
