import { describe, expect, it } from 'vitest';
import {
  CONNECT_TIMEOUT_MS,
  initialHealth,
  nextHealth,
  STALL_AFTER_MS,
  SUPERVISED_STALL_RETRY_MS,
  type HealthEffect,
  type HealthEvent,
  type HealthMachine,
} from '../../renderer/src/wall/player/health-machine';
import { reconnectDelayMs } from '../../renderer/src/wall/reconnect';

// The tile health state machine (docs/wall-player.md#health-machine), driven as the player drives it:
// events in, state and effects out, on a fake clock with a 500 ms tick.

const OFFLINE = { zh: '摄像机离线（HTTP 503）', en: 'camera offline (HTTP 503)' };
const MALFORMED = { zh: '码流格式错误', en: 'malformed playlist' };
const T0 = 1_800_000_000_000;
const JITTER = 0.5; // no jitter: delays are exactly the base schedule

class Tile {
  machine: HealthMachine = initialHealth(T0);
  now = T0;
  effects: HealthEffect[] = [];
  /** Every state the tile showed, with when. */
  states: { state: string; at: number }[] = [];

  send(event: HealthEvent): HealthEffect[] {
    const { machine, effects } = nextHealth(this.machine, event, this.now, JITTER);
    if (machine.health.state !== this.machine.health.state)
      this.states.push({ state: machine.health.state, at: this.now });
    this.machine = machine;
    this.effects.push(...effects);
    return effects;
  }

  get health() {
    return this.machine.health;
  }

  /** Lets `ms` pass in 500 ms ticks; `progress` says whether the video advances meanwhile. */
  run(ms: number, progress: boolean, visible = true): void {
    const end = this.now + ms;
    while (this.now < end) {
      this.now += 500;
      if (progress) this.send({ type: 'progress' });
      this.send({ type: 'tick', visible });
    }
  }

  /** The player's side: when a retry is due, fire it. */
  fireRetry(): HealthEffect[] {
    const at = this.health.retryAt;
    if (at === null) throw new Error('no retry scheduled');
    this.now = Math.max(this.now, at);
    return this.send({ type: 'retryDue' });
  }

  playing(): void {
    this.send({ type: 'start' });
    this.now += 300;
    this.send({ type: 'firstFrame' });
  }
}

const types = (effects: HealthEffect[]) => effects.map((e) => e.type);

describe('tile health: connecting → playing', () => {
  it('starts idle, connects on start, plays on the first frame', () => {
    const tile = new Tile();
    expect(tile.health.state).toBe('idle');
    expect(types(tile.send({ type: 'start' }))).toEqual(['attempt']);
    expect(tile.health).toMatchObject({ state: 'connecting', reason: null, retryAt: null, attempts: 0 });
    tile.now += 700;
    expect(tile.send({ type: 'firstFrame' })).toEqual([]);
    expect(tile.health).toMatchObject({ state: 'playing', since: T0 + 700, attempts: 0 });
    expect(tile.machine.attempt).toBeNull();
  });

  it('ignores a first frame nobody waits for (a late callback of an aborted attempt)', () => {
    const tile = new Tile();
    tile.playing();
    const before = tile.machine;
    tile.send({ type: 'firstFrame' });
    expect(tile.machine).toBe(before);
  });

  it('times out a connection without a first frame after 10 s → offline, retry scheduled', () => {
    const tile = new Tile();
    tile.send({ type: 'start' });
    tile.run(CONNECT_TIMEOUT_MS - 500, false);
    expect(tile.health.state).toBe('connecting');
    tile.run(500, false);
    expect(tile.health).toMatchObject({ state: 'offline', reason: { en: 'connection timed out' } });
    expect(types(tile.effects.slice(-2))).toEqual(['abortAttempt', 'scheduleRetry']);
    expect(tile.health.retryAt).toBe(tile.now + 1000);
  });

  it('does not count time the page is hidden against the connection or the stall clock', () => {
    const tile = new Tile();
    tile.send({ type: 'start' });
    tile.run(60_000, false, false);
    expect(tile.health.state).toBe('connecting');
    tile.send({ type: 'firstFrame' });
    tile.run(60_000, false, false);
    expect(tile.health.state).toBe('playing');
  });
});

describe('tile health: stalled', () => {
  it('says stalled within a tick of 2 s without new frames, and recovers by itself', () => {
    const tile = new Tile();
    tile.playing();
    tile.run(5000, true);
    const lastProgress = tile.now;
    tile.run(STALL_AFTER_MS + 500, false);
    const stalled = tile.states.find((s) => s.state === 'stalled');
    expect(stalled).toBeDefined();
    expect(stalled!.at - lastProgress).toBeGreaterThanOrEqual(STALL_AFTER_MS);
    expect(stalled!.at - lastProgress).toBeLessThanOrEqual(STALL_AFTER_MS + 1000);
    expect(tile.health.reason?.zh).toBe('画面停滞');
    expect(tile.health.retryAt).not.toBeNull();

    // The stream moves again before the retry: playing, retry cancelled.
    tile.send({ type: 'progress' });
    expect(tile.health).toMatchObject({ state: 'playing', retryAt: null, reason: null });
    expect(types(tile.effects).at(-1)).toBe('cancelRetry');
  });

  it('reconnects a stalled stream, keeping the stall state, and aborts the attempt if the old one recovers', () => {
    const tile = new Tile();
    tile.playing();
    tile.run(STALL_AFTER_MS + 500, false);
    expect(tile.health.state).toBe('stalled');
    expect(types(tile.fireRetry())).toEqual(['attempt']);
    expect(tile.health).toMatchObject({ state: 'stalled', attempts: 1, retryAt: null });
    expect(types(tile.send({ type: 'progress' }))).toEqual(['abortAttempt']);
    expect(tile.health).toMatchObject({ state: 'playing', attempts: 0 });
  });

  it('the reconnect of a stalled stream plays on its first frame', () => {
    const tile = new Tile();
    tile.playing();
    tile.run(STALL_AFTER_MS + 500, false);
    tile.fireRetry();
    tile.now += 400;
    tile.send({ type: 'firstFrame' });
    expect(tile.health).toMatchObject({ state: 'playing', attempts: 0, retryAt: null });
  });

  it('a reconnect whose first frame is old media (a frozen window replayed) keeps the tile stalled', () => {
    const tile = new Tile();
    tile.playing();
    tile.run(STALL_AFTER_MS + 500, false);
    tile.fireRetry();
    tile.now += 400;
    expect(types(tile.send({ type: 'firstFrame', stale: true }))).toEqual(['scheduleRetry']);
    expect(tile.health).toMatchObject({ state: 'stalled', attempts: 1, reason: { zh: '画面停滞' } });
    expect(tile.machine.attempt).toBeNull();
    // The next retry follows the back-off (2 s after the first), not at once.
    expect(tile.health.retryAt).toBe(tile.now + 2000);
    tile.send({ type: 'progress' });
    expect(tile.health).toMatchObject({ state: 'playing', attempts: 0, retryAt: null });
  });

  it('an offline tile whose reconnect shows only old media reads stalled, not playing', () => {
    const tile = new Tile();
    tile.playing();
    tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE });
    tile.fireRetry();
    tile.send({ type: 'firstFrame', stale: true });
    expect(tile.health.state).toBe('stalled');
  });

  it('a switch to the other stream plays on its first frame, stale or not (nothing of it was shown)', () => {
    const tile = new Tile();
    tile.playing();
    tile.send({ type: 'switch' });
    tile.send({ type: 'firstFrame', stale: true });
    expect(tile.health.state).toBe('playing');
  });

  it('a stalled stream the gateway supervises is reconnected no sooner than its watchdog has had its say', () => {
    const tile = new Tile();
    tile.playing();
    const end = tile.now + STALL_AFTER_MS + 500;
    while (tile.now < end) {
      tile.now += 500;
      tile.send({ type: 'tick', visible: true, supervised: true });
    }
    expect(tile.health.state).toBe('stalled');
    const stalledAt = tile.states.find((s) => s.state === 'stalled')!.at;
    expect(tile.health.retryAt).toBe(stalledAt + SUPERVISED_STALL_RETRY_MS);
  });

  it('a stalled stream whose playlist then fails turns offline without a second schedule', () => {
    const tile = new Tile();
    tile.playing();
    tile.run(STALL_AFTER_MS + 500, false);
    const retryAt = tile.health.retryAt;
    expect(tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE })).toEqual([]);
    expect(tile.health).toMatchObject({ state: 'offline', reason: OFFLINE, retryAt });
  });
});

describe('tile health: offline and error, reconnect forever', () => {
  it('goes offline at once on a network failure of the stream on screen', () => {
    const tile = new Tile();
    tile.playing();
    tile.run(2000, true);
    const effects = tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE });
    expect(tile.health).toMatchObject({ state: 'offline', reason: OFFLINE, since: tile.now });
    expect(effects).toEqual([{ type: 'scheduleRetry', at: tile.now + 1000 }]);
  });

  it('retries with backoff 1, 2, 4, 8, 15, 15 … s, staying offline through the attempts, then plays', () => {
    const tile = new Tile();
    tile.playing();
    tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE });
    const since = tile.health.since;
    const gaps: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const failedAt = tile.now;
      const retryAt = tile.health.retryAt!;
      gaps.push(retryAt - failedAt);
      tile.fireRetry();
      expect(tile.health.state).toBe('offline');
      tile.now += 200;
      tile.send({ type: 'failure', from: 'attempt', kind: 'offline', reason: OFFLINE });
    }
    expect(gaps.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    expect(Math.max(...gaps)).toBe(15_000);
    expect(tile.health).toMatchObject({ state: 'offline', attempts: 30, since });
    expect(tile.states.filter((s) => s.state === 'connecting')).toHaveLength(1); // only the first connect

    tile.fireRetry();
    tile.now += 500;
    tile.send({ type: 'firstFrame' });
    expect(tile.health).toMatchObject({ state: 'playing', attempts: 0, reason: null, retryAt: null });
  });

  it('an initial connection that fails goes offline and retries within 2 s', () => {
    const tile = new Tile();
    tile.send({ type: 'start' });
    tile.now += 300;
    const effects = tile.send({ type: 'failure', from: 'attempt', kind: 'offline', reason: OFFLINE });
    expect(types(effects)).toEqual(['abortAttempt', 'scheduleRetry']);
    expect(tile.health.retryAt! - tile.now).toBeLessThanOrEqual(2000);
  });

  it('a malformed playlist is an error with its reason, retried like offline', () => {
    const tile = new Tile();
    tile.send({ type: 'start' });
    tile.send({ type: 'failure', from: 'attempt', kind: 'error', reason: MALFORMED });
    expect(tile.health).toMatchObject({ state: 'error', reason: { zh: '码流格式错误', en: 'malformed playlist' } });
    tile.fireRetry();
    tile.send({ type: 'failure', from: 'attempt', kind: 'error', reason: MALFORMED });
    expect(tile.health).toMatchObject({ state: 'error', attempts: 1 });
    expect(tile.health.retryAt! - tile.now).toBe(reconnectDelayMs(1, JITTER));
  });

  it('ignores failures of an attempt already over, and of anything before start or after stop', () => {
    const tile = new Tile();
    const idle = tile.machine;
    tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE });
    expect(tile.machine).toBe(idle);
    tile.playing();
    const playing = tile.machine;
    tile.send({ type: 'failure', from: 'attempt', kind: 'offline', reason: OFFLINE });
    expect(tile.machine).toBe(playing);
    tile.send({ type: 'retryDue' }); // a stale timer
    expect(tile.machine).toBe(playing);
  });

  it('while a reconnect is in flight, a failure of the old stream only updates the reason', () => {
    const tile = new Tile();
    tile.playing();
    tile.run(STALL_AFTER_MS + 500, false);
    tile.fireRetry();
    expect(tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE })).toEqual([]);
    expect(tile.health.state).toBe('offline');
    expect(tile.machine.attempt).not.toBeNull();
  });

  it('stop frees the attempt and the timer and goes idle', () => {
    const tile = new Tile();
    tile.send({ type: 'start' });
    expect(types(tile.send({ type: 'stop' }))).toEqual(['abortAttempt']);
    expect(tile.health.state).toBe('idle');
    tile.playing();
    tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE });
    expect(types(tile.send({ type: 'stop' }))).toEqual(['cancelRetry']);
    tile.run(20_000, false);
    expect(tile.health.state).toBe('idle');
  });
});

describe('tile health: switching stream (sub ↔ main)', () => {
  it('a switch of a playing tile keeps it playing, and its failure leaves the old stream on', () => {
    const tile = new Tile();
    tile.playing();
    expect(types(tile.send({ type: 'switch' }))).toEqual(['attempt']);
    expect(tile.health.state).toBe('playing');
    const effects = tile.send({ type: 'failure', from: 'attempt', kind: 'offline', reason: OFFLINE });
    expect(effects).toEqual([{ type: 'abortAttempt' }, { type: 'switchFailed', reason: OFFLINE }]);
    expect(tile.health).toMatchObject({ state: 'playing', retryAt: null });
  });

  it('a switch succeeds on the new stream’s first frame', () => {
    const tile = new Tile();
    tile.playing();
    tile.send({ type: 'switch' });
    tile.run(1000, true);
    tile.send({ type: 'firstFrame' });
    expect(tile.health.state).toBe('playing');
    expect(tile.machine.attempt).toBeNull();
  });

  it('switching an offline tile reconnects at once to the new stream', () => {
    const tile = new Tile();
    tile.playing();
    tile.send({ type: 'failure', from: 'screen', kind: 'offline', reason: OFFLINE });
    expect(types(tile.send({ type: 'switch' }))).toEqual(['cancelRetry', 'attempt']);
    expect(tile.health).toMatchObject({ state: 'offline', retryAt: null });
    tile.send({ type: 'failure', from: 'attempt', kind: 'offline', reason: OFFLINE });
    expect(tile.health.retryAt).not.toBeNull(); // and keeps retrying
  });

  it('switching while still connecting starts over', () => {
    const tile = new Tile();
    tile.send({ type: 'start' });
    expect(types(tile.send({ type: 'switch' }))).toEqual(['abortAttempt', 'attempt']);
    expect(tile.health.state).toBe('connecting');
  });

  it('a switch whose old stream stalls meanwhile becomes the reconnect', () => {
    const tile = new Tile();
    tile.playing();
    tile.send({ type: 'switch' });
    tile.run(STALL_AFTER_MS + 500, false);
    expect(tile.health.state).toBe('stalled');
    expect(tile.machine.attempt).toMatchObject({ switch: false });
    tile.send({ type: 'failure', from: 'attempt', kind: 'offline', reason: OFFLINE });
    expect(tile.health.state).toBe('offline');
    expect(tile.health.retryAt).not.toBeNull();
  });
});
