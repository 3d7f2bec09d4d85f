import { reconnectDelayMs } from '../reconnect';
import type { TileHealth, TileState } from './types';

/**
 * The health of one wall tile as a pure reducer (docs/wall-player.md#health-machine): events in, state and effects out.
 * The player feeds it what it observes (first frame, progress, errors, a 500 ms tick) and carries
 * out the effects (connect, abort, schedule a retry); every rule about states, timeouts and the
 * reconnect schedule lives here, where it is unit-tested without a browser.
 *
 *   idle ─start→ connecting ─firstFrame→ playing ─no new frame 2 s→ stalled ─progress→ playing
 *   any ─failure→ offline | error ─retry due→ (attempt) ─firstFrame→ playing
 *   (attempt) ─firstFrame of old media→ stalled ─progress→ playing
 *
 * "Progress" and a fresh first frame are *new* media: a reconnect to a frozen
 * source replays the window already shown, and the player says so (`stale`), so a freeze reads as
 * stalled from ~2 s after the last new frame until frames really advance again.
 *
 * While reconnecting the tile keeps its failure state (offline stays offline through every retry,
 * with attempts and retryAt for the tile to show) instead of flickering back to connecting.
 */

export interface Reason {
  zh: string;
  en: string;
}

/** No new frame for this long while the video should play → stalled (shown within one 500 ms tick). */
export const STALL_AFTER_MS = 2000;
/**
 * A stalled stream the hub's gateway supervises (it restarts a frozen ingest after 8 s and says so
 * through media.state) is reconnected by the player no sooner than this: its replay would only show
 * the frozen window again.
 */
export const SUPERVISED_STALL_RETRY_MS = 10_000;
/** A connection attempt without a first frame for this long → offline (timeout). */
export const CONNECT_TIMEOUT_MS = 10_000;

export const STALLED_REASON: Reason = { zh: '画面停滞', en: 'no new frames' };
export const TIMEOUT_REASON: Reason = { zh: '连接超时', en: 'connection timed out' };

export interface Attempt {
  /** When the attempt started, less any time the page was hidden (that time does not count). */
  startedAt: number;
  /** A switch (sub ↔ main) of a playing tile: its failure leaves the old stream playing. */
  switch: boolean;
}

export interface HealthMachine {
  health: TileHealth;
  /** When the video on screen last advanced (time the page was hidden does not count). */
  lastProgressAt: number;
  /** The connection attempt in flight, if any. */
  attempt: Attempt | null;
}

export type FailureKind = 'offline' | 'error';

export type HealthEvent =
  /** Connect to the source from scratch: nothing on screen is worth keeping. */
  | { type: 'start' }
  /** Connect to another source of the same camera (sub ↔ main), keeping the picture meanwhile. */
  | { type: 'switch' }
  /**
   * The attempt in flight showed its first frame and is now on screen. `stale`: that frame is
   * media the tile already showed (a frozen source's window, replayed by the reconnect).
   */
  | { type: 'firstFrame'; stale?: boolean }
  /** The video on screen advanced to new media since the last tick. */
  | { type: 'progress' }
  /**
   * The periodic check (~500 ms). `visible`: the page is visible, so the video should advance.
   * `supervised`: the gateway watches this stream's source (see SUPERVISED_STALL_RETRY_MS).
   */
  | { type: 'tick'; visible: boolean; supervised?: boolean }
  /** A stream failed: the attempt in flight, or the one on screen. */
  | { type: 'failure'; from: 'attempt' | 'screen'; kind: FailureKind; reason: Reason }
  /** The scheduled retry is due. */
  | { type: 'retryDue' }
  /** The player was released. */
  | { type: 'stop' };

export type HealthEffect =
  /** Connect to the wanted source now (into a fresh hidden video when a frame is worth keeping). */
  | { type: 'attempt' }
  /** Drop the attempt in flight. */
  | { type: 'abortAttempt' }
  | { type: 'scheduleRetry'; at: number }
  | { type: 'cancelRetry' }
  /** A switch failed: the old stream stays on screen; the caller of switchTo learns why. */
  | { type: 'switchFailed'; reason: Reason };

export interface HealthStep {
  machine: HealthMachine;
  effects: HealthEffect[];
}

export function initialHealth(now: number): HealthMachine {
  return {
    health: { state: 'idle', reason: null, since: now, retryAt: null, attempts: 0 },
    lastProgressAt: now,
    attempt: null,
  };
}

function withState(
  health: TileHealth,
  state: TileState,
  reason: Reason | null,
  now: number,
  patch: Partial<TileHealth> = {},
): TileHealth {
  const changed = state !== health.state || reason?.en !== health.reason?.en;
  return { ...health, state, reason, since: changed ? now : health.since, ...patch };
}

const step = (machine: HealthMachine, effects: HealthEffect[] = []): HealthStep => ({ machine, effects });

/** Ends the attempt in flight / the retry schedule, as effects the player carries out. */
function clearing(m: HealthMachine): HealthEffect[] {
  const effects: HealthEffect[] = [];
  if (m.attempt) effects.push({ type: 'abortAttempt' });
  if (m.health.retryAt !== null) effects.push({ type: 'cancelRetry' });
  return effects;
}

function start(m: HealthMachine, now: number): HealthStep {
  const health: TileHealth = { state: 'connecting', reason: null, since: now, retryAt: null, attempts: 0 };
  return step({ health, lastProgressAt: now, attempt: { startedAt: now, switch: false } }, [
    ...clearing(m),
    { type: 'attempt' },
  ]);
}

function switchSource(m: HealthMachine, now: number): HealthStep {
  const { state } = m.health;
  // Nothing on screen yet: connecting to the other source from scratch loses nothing.
  if (state === 'idle' || state === 'connecting') return start(m, now);
  const effects: HealthEffect[] = [...clearing(m), { type: 'attempt' }];
  if (state === 'playing') {
    return step({ ...m, attempt: { startedAt: now, switch: true } }, effects);
  }
  // Stalled/offline/error: the switch is the next reconnect attempt, at once and to the new source.
  return step({ ...m, health: { ...m.health, retryAt: null }, attempt: { startedAt: now, switch: false } }, effects);
}

function playing(m: HealthMachine, now: number): HealthMachine {
  return {
    health: withState(m.health, 'playing', null, now, { retryAt: null, attempts: 0 }),
    lastProgressAt: now,
    attempt: null,
  };
}

/** The retry of a stalled stream: the back-off, and not before the gateway had its say. */
function stallRetryAt(m: HealthMachine, now: number, random: number, supervised: boolean): number {
  const delay = reconnectDelayMs(m.health.attempts, random);
  return now + (supervised ? Math.max(delay, SUPERVISED_STALL_RETRY_MS) : delay);
}

/**
 * The reconnect's first frame is old media: it is on screen now (the same picture), the attempt is
 * over, and the tile stays — or becomes — stalled until new frames come, retrying on the back-off.
 */
function staleFrame(m: HealthMachine, now: number, random: number): HealthStep {
  const at = stallRetryAt(m, now, random, false);
  const health = withState(m.health, 'stalled', STALLED_REASON, now, { retryAt: at });
  return step({ ...m, attempt: null, health }, [{ type: 'scheduleRetry', at }]);
}

function failure(m: HealthMachine, now: number, random: number, kind: FailureKind, reason: Reason): HealthStep {
  const { attempt, health } = m;
  if (attempt?.switch) {
    // The old stream still plays: keep it, and tell whoever asked for the switch.
    return step({ ...m, attempt: null }, [{ type: 'abortAttempt' }, { type: 'switchFailed', reason }]);
  }
  if (attempt) {
    const at = now + reconnectDelayMs(health.attempts, random);
    return step({ ...m, attempt: null, health: withState(health, kind, reason, now, { retryAt: at }) }, [
      { type: 'abortAttempt' },
      { type: 'scheduleRetry', at },
    ]);
  }
  // A retry is already on its way (e.g. the stream stalled, then its playlist failed): only say why.
  if (health.retryAt !== null) return step({ ...m, health: withState(health, kind, reason, now) });
  const at = now + reconnectDelayMs(health.attempts, random);
  return step({ ...m, health: withState(health, kind, reason, now, { retryAt: at }) }, [{ type: 'scheduleRetry', at }]);
}

function tick(m: HealthMachine, visible: boolean, supervised: boolean, now: number, random: number): HealthStep {
  if (!visible) {
    // A hidden page renders no frames: stop both clocks rather than call every tile stalled.
    return step({ ...m, lastProgressAt: now, attempt: m.attempt ? { ...m.attempt, startedAt: now } : null });
  }
  if (m.attempt && now - m.attempt.startedAt >= CONNECT_TIMEOUT_MS) {
    return failure(m, now, random, 'offline', TIMEOUT_REASON);
  }
  if (m.health.state === 'playing' && now - m.lastProgressAt >= STALL_AFTER_MS) {
    // A switch in flight becomes the reconnect attempt: it is the stream the tile wants next.
    const attempt = m.attempt ? { ...m.attempt, switch: false } : null;
    if (attempt) return step({ ...m, attempt, health: withState(m.health, 'stalled', STALLED_REASON, now) });
    const at = stallRetryAt(m, now, random, supervised);
    return step({ ...m, health: withState(m.health, 'stalled', STALLED_REASON, now, { retryAt: at }) }, [
      { type: 'scheduleRetry', at },
    ]);
  }
  return step(m);
}

/**
 * The next state of a tile's health after `event` at `now` (epoch ms). `random` in [0, 1) feeds
 * the reconnect jitter (injected to keep this pure).
 */
export function nextHealth(m: HealthMachine, event: HealthEvent, now: number, random = Math.random()): HealthStep {
  const idle = m.health.state === 'idle';
  switch (event.type) {
    case 'start':
      return start(m, now);
    case 'switch':
      return switchSource(m, now);
    case 'stop':
      return step(initialHealth(now), clearing(m));
    case 'firstFrame':
      if (!m.attempt) return step(m);
      // A switch shows another stream: nothing of it was on screen before.
      return event.stale && !m.attempt.switch ? staleFrame(m, now, random) : step(playing(m, now));
    case 'progress':
      if (m.health.state === 'stalled') return step(playing(m, now), clearing(m));
      return step({ ...m, lastProgressAt: now });
    case 'tick':
      return idle ? step(m) : tick(m, event.visible, event.supervised ?? false, now, random);
    case 'failure':
      if (idle || (event.from === 'attempt' && !m.attempt)) return step(m);
      if (event.from === 'screen' && m.attempt) {
        // The attempt in flight will replace the failed stream and decides what happens next; a
        // switch in flight becomes that reconnect, as the old stream it would have kept is gone.
        const attempt = { ...m.attempt, switch: false };
        return step({ ...m, attempt, health: withState(m.health, event.kind, event.reason, now) });
      }
      return failure(m, now, random, event.kind, event.reason);
    case 'retryDue':
      if (idle || m.attempt || m.health.retryAt === null) return step(m);
      return step(
        {
          ...m,
          health: { ...m.health, retryAt: null, attempts: m.health.attempts + 1 },
          attempt: { startedAt: now, switch: false },
        },
        [{ type: 'attempt' }],
      );
  }
}
