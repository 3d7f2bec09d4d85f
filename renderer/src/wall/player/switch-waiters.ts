import type { Reason } from './health-machine';
import type { PlayerSource } from './types';

/**
 * The callers of a player's switchTo() waiting for their stream: each learns whether it got it
 * once no connection attempt is in flight (hls-player.ts settle()), or is told it was superseded
 * by a switch to another stream, or that the player was released.
 */

export class PlayerError extends Error {
  constructor(readonly reason: Reason) {
    super(`${reason.en} / ${reason.zh}`);
    this.name = 'PlayerError';
  }
}

export const SUPERSEDED: Reason = { zh: '已被新的请求取代', en: 'superseded' };
export const RELEASED: Reason = { zh: '播放器已释放', en: 'player released' };

export function sameSource(a: PlayerSource, b: PlayerSource): boolean {
  return a.url === b.url && a.stream === b.stream && a.cameraId === b.cameraId;
}

interface Waiter {
  source: PlayerSource;
  resolve(): void;
  reject(error: Error): void;
}

export class SwitchWaiters {
  private waiters: Waiter[] = [];

  get empty(): boolean {
    return this.waiters.length === 0;
  }

  /** Waits for `source`; whoever waited for another stream will not get it now. */
  wait(source: PlayerSource): Promise<void> {
    const superseded = this.waiters.filter((w) => !sameSource(w.source, source));
    this.waiters = this.waiters.filter((w) => sameSource(w.source, source));
    for (const waiter of superseded) waiter.reject(new PlayerError(SUPERSEDED));
    return new Promise<void>((resolve, reject) => this.waiters.push({ source, resolve, reject }));
  }

  /** Resolves the waiters of `playing` (the stream now playing, if any); rejects the others with `reason`. */
  settle(playing: PlayerSource | null, reason: Reason): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      if (playing && sameSource(playing, waiter.source)) waiter.resolve();
      else waiter.reject(new PlayerError(reason));
    }
  }
}
