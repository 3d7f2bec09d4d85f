/**
 * One shared 500 ms clock for every player in the window. A wall of 36 tiles polls its health
 * (progress, stall, stats) from a single timer instead of 36 interval timers waking the renderer
 * at unrelated moments; the timer runs only while some player listens.
 */

/** Health is polled this often, so a change shows on the tile within one second. */
export const TICK_MS = 500;

type TickListener = (now: number) => void;

const listeners = new Set<TickListener>();
let timer: ReturnType<typeof setInterval> | null = null;

function fire(): void {
  const now = Date.now();
  for (const listener of [...listeners]) {
    // One broken tile must not stop the clock of the others.
    try {
      listener(now);
    } catch (error) {
      console.error('[wall] player tick failed', error);
    }
  }
}

/** Calls `listener` every TICK_MS until the returned function is called. */
export function onTick(listener: TickListener): () => void {
  listeners.add(listener);
  timer ??= setInterval(fire, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}
