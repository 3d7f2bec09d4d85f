/**
 * The soak's operator, at many times a person's rate: shows views of different sizes, switches
 * layouts (Alt+digit), swaps tiles by dragging one onto another, maximises and restores a tile
 * (digit + Enter, Esc), starts and stops a tour, and takes demo cameras off the air and back a few
 * seconds later through the hub's API (demo.setRunning). A failed action is counted, not fatal:
 * the soak is about what the wall keeps, not whether each gesture landed.
 */
import type { HubSession } from './bench-console';
import type { CdpPage } from './soak-cdp';
import { drag, press, showView, startTour, stopTour } from './soak-page';

export const ACTIONS = ['view', 'layout', 'swap', 'maximise', 'tour', 'outage'] as const;
export type Action = (typeof ACTIONS)[number];
/** How often each action comes up, relative to the others. */
const WEIGHTS: Record<Action, number> = { view: 3, layout: 3, swap: 3, maximise: 2, tour: 1, outage: 1 };
/** At most this many demo streams off the air at once (the rest keep the wall busy). */
const MAX_DOWN = 2;

export interface SoakWorld {
  page: CdpPage;
  /** Signed in as an administrator: demo stream control. */
  admin: HubSession;
  /** Tile count → the monitor's saved view. */
  views: Map<number, number>;
  tourId: number;
  /** Demo cameras whose streams may go off the air. */
  cameras: string[];
}

export interface Tally {
  done: Record<Action, number>;
  failed: Record<Action, number>;
  /** The first few failures, for the report. */
  errors: string[];
}

/** Mulberry32: the same run of actions for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `--actions view,swap` (or `none`: an idle wall) as the operator's actions; all of them by default. */
export function parseActions(arg: string | undefined): Action[] {
  if (arg === undefined || arg === 'all') return [...ACTIONS];
  const names = arg.split(',').filter((a) => a !== '' && a !== 'none');
  const unknown = names.filter((a) => !(ACTIONS as readonly string[]).includes(a));
  if (unknown.length > 0)
    throw new Error(`unknown soak action(s): ${unknown.join(', ')} (known: ${ACTIONS.join(', ')})`);
  return names as Action[];
}

export function newTally(): Tally {
  const zero = () => Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  return { done: zero(), failed: zero(), errors: [] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SoakOperator {
  private readonly down = new Set<string>();
  private readonly recoveries = new Set<Promise<void>>();
  readonly tally = newTally();

  constructor(
    private readonly world: SoakWorld,
    private readonly rand: () => number,
    /** The actions this operator does (--actions, to tell which one makes the wall grow). */
    private readonly allowed: readonly Action[] = ACTIONS,
  ) {}

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.rand() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  }

  private nextAction(): Action {
    const total = this.allowed.reduce((sum, a) => sum + WEIGHTS[a], 0);
    let r = this.rand() * total;
    for (const a of this.allowed) {
      r -= WEIGHTS[a];
      if (r < 0) return a;
    }
    return this.allowed[0] ?? 'view';
  }

  /** One action, counted as done or failed; false when it did none (an idle wall, or waiting). */
  async step(): Promise<boolean> {
    if (this.allowed.length === 0) return false;
    const picked = this.nextAction();
    // With enough streams off the air already, the operator does something else instead (waits,
    // when outages are all it may do).
    if (picked === 'outage' && this.down.size >= MAX_DOWN && !this.allowed.includes('layout')) return false;
    const action = picked === 'outage' && this.down.size >= MAX_DOWN ? 'layout' : picked;
    try {
      await this.run(action);
      this.tally.done[action]++;
    } catch (e) {
      this.tally.failed[action]++;
      if (this.tally.errors.length < 5) this.tally.errors.push(`${action}: ${(e as Error).message}`);
    }
    return true;
  }

  private async run(action: Action): Promise<void> {
    const { page } = this.world;
    switch (action) {
      case 'view':
        return showView(page, this.pick([...this.world.views.values()]));
      case 'layout':
        return press(page, String(1 + Math.floor(this.rand() * 9)), true);
      case 'swap':
        return this.swap();
      case 'maximise':
        await press(page, String(1 + Math.floor(this.rand() * 4)));
        await press(page, 'Enter');
        await sleep(150);
        return press(page, 'Escape');
      case 'tour':
        return this.tour();
      case 'outage':
        return this.outage();
    }
  }

  private async swap(): Promise<void> {
    const slots = await this.world.page.evaluate<number[]>(`[...document.querySelectorAll(
      '[data-testid="wall-tile"][draggable="true"]')].map((t) => Number(t.getAttribute('data-slot')))`);
    if (slots.length < 2) throw new Error('fewer than two tiles with a camera');
    const from = this.pick(slots);
    const to = this.pick(slots.filter((s) => s !== from));
    const tile = (slot: number) => `[data-testid="wall-tile"][data-slot="${slot}"]`;
    await drag(this.world.page, tile(from), tile(to));
  }

  private async tour(): Promise<void> {
    const running = await this.world.page.evaluate<boolean>(
      `!!document.querySelector('[data-testid="wall-tour-bar"]')`,
    );
    if (running) return stopTour(this.world.page);
    await startTour(this.world.page, this.world.tourId);
  }

  private async outage(): Promise<void> {
    const up = this.world.cameras.filter((c) => !this.down.has(c));
    if (up.length === 0) throw new Error('every demo stream is off the air already');
    const cameraId = this.pick(up);
    await this.world.admin.call('demo.setRunning', { cameraId, running: false });
    this.down.add(cameraId);
    const back = sleep(2000 + this.rand() * 4000)
      .then(() => this.world.admin.call('demo.setRunning', { cameraId, running: true }))
      .then(
        () => undefined,
        (e: unknown) => {
          this.tally.errors.push(`recovery of ${cameraId}: ${(e as Error).message}`);
        },
      )
      .finally(() => {
        this.down.delete(cameraId);
        this.recoveries.delete(back);
      });
    this.recoveries.add(back);
  }

  /** Waits for every camera taken off the air to be back; stops a running tour. */
  async settle(): Promise<void> {
    await Promise.all([...this.recoveries]);
    await stopTour(this.world.page).catch(() => undefined);
  }
}
