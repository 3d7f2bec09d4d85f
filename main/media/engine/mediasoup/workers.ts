import type { Json } from '../types';
import type { MediasoupModule, MsRouter, MsWorker, MsWorkerSettings } from './api';

/** One worker process and its one router. Empty while the worker restarts. */
export interface Slot {
  readonly index: number;
  worker: MsWorker | undefined;
  router: MsRouter | undefined;
}

export interface PoolOptions {
  workers: number;
  settings: MsWorkerSettings;
  mediaCodecs: Json[];
  log: (line: string) => void;
  /** The first restart's delay after a worker died; doubled per failed attempt, at most 30 s. */
  restartDelayMs?: number;
  /** A dead worker's slot has a new worker and router. */
  onRestarted: (slot: Slot) => void;
}

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * A worker per core and a router per worker. A worker that dies is logged and replaced, forever
 * (with a capped back-off): mediasoup has already closed its router and everything on it, which
 * the engine sees through the transports' and consumers' close events.
 */
export class WorkerPool {
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly ms: MediasoupModule,
    private readonly options: PoolOptions,
    readonly slots: readonly Slot[],
  ) {}

  static async start(ms: MediasoupModule, options: PoolOptions): Promise<WorkerPool> {
    const slots: Slot[] = Array.from({ length: Math.max(1, options.workers) }, (_, index) => ({
      index,
      worker: undefined,
      router: undefined,
    }));
    const pool = new WorkerPool(ms, options, slots);
    try {
      await Promise.all(slots.map((slot) => pool.fill(slot)));
    } catch (error) {
      pool.close();
      throw error;
    }
    return pool;
  }

  /** Slots whose router can take transports now. */
  live(): Slot[] {
    return this.slots.filter((s) => s.router !== undefined && !s.router.closed);
  }

  /** The live slot with the least load (ties: the lowest index). */
  leastLoaded(load: (slot: Slot) => number): Slot | undefined {
    let best: { slot: Slot; load: number } | undefined;
    for (const slot of this.live()) {
      const l = load(slot);
      if (!best || l < best.load) best = { slot, load: l };
    }
    return best?.slot;
  }

  private async fill(slot: Slot): Promise<void> {
    const worker = await this.ms.createWorker(this.options.settings);
    let router: MsRouter;
    try {
      router = await worker.createRouter({ mediaCodecs: this.options.mediaCodecs });
    } catch (error) {
      worker.close();
      throw error;
    }
    if (this.closed) {
      worker.close();
      return;
    }
    slot.worker = worker;
    slot.router = router;
    worker.on('died', (error) => this.died(slot, worker, error));
  }

  private died(slot: Slot, worker: MsWorker, error: Error): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    slot.router = undefined;
    if (this.closed) return;
    this.options.log(`mediasoup worker ${slot.index} (pid ${worker.pid}) died: ${error.message}; restarting it`);
    this.restart(slot, this.options.restartDelayMs ?? 1000);
  }

  private restart(slot: Slot, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.closed) return;
      this.fill(slot).then(
        () => {
          if (this.closed || !slot.router) return;
          this.options.log(`mediasoup worker ${slot.index} restarted (pid ${slot.worker?.pid ?? '?'})`);
          this.options.onRestarted(slot);
        },
        (error: unknown) => {
          const next = Math.min(MAX_RESTART_DELAY_MS, Math.max(1000, delayMs * 2));
          this.options.log(`mediasoup worker ${slot.index} could not restart (${String(error)}); again in ${next} ms`);
          this.restart(slot, next);
        },
      );
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const slot of this.slots) {
      slot.worker?.close();
      slot.worker = undefined;
      slot.router = undefined;
    }
  }
}
