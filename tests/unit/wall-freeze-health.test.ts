import { describe, expect, it } from 'vitest';
import {
  initialHealth,
  nextHealth,
  type HealthEvent,
  type HealthMachine,
} from '../../renderer/src/wall/player/health-machine';
import { newestShown, showsNewMedia, type MediaPosition } from '../../renderer/src/wall/player/replay-mark';

// A frozen live HLS source reads as stalled for the whole freeze: the player of
// hls-player.ts replayed here on an injectable clock — its 500 ms tick, its reconnects into a new
// slot that starts 3 segments behind the live edge, and replay-mark.ts deciding which frames are new.

const T0 = 1_900_000_000_000;
const SEGMENT_MS = 1000;
const BEHIND = 3;

/** A live source publishing one 1-s segment per second, frozen from `freezeAt` for `freezeMs`. */
class Source {
  constructor(
    private readonly freezeAt: number,
    private readonly freezeMs: number,
    private readonly restartsAfterFreeze = false,
  ) {}

  /** The last published sn at `now`. */
  edge(now: number): number {
    const frozen = Math.max(0, Math.min(now, this.freezeAt + this.freezeMs) - this.freezeAt);
    const edge = 100 + Math.floor((now - T0 - frozen) / SEGMENT_MS);
    // A source that restarts its numbering (an encoder restart) after the freeze.
    if (this.restartsAfterFreeze && now >= this.freezeAt + this.freezeMs) {
      return Math.floor((now - this.freezeAt - this.freezeMs) / SEGMENT_MS) + BEHIND;
    }
    return edge;
  }
}

/** One hls.js slot: plays from BEHIND segments before the edge, in real time, never past the edge. */
class Slot {
  playhead: number;
  constructor(
    readonly source: Source,
    readonly replayBound: number | null,
    now: number,
  ) {
    this.playhead = source.edge(now) + 1 - BEHIND;
  }

  /** Advances the playhead by one tick if media is there; answers whether frames advanced. */
  advance(now: number, ms: number): boolean {
    const edge = this.source.edge(now);
    if (this.playhead >= edge + 1 - ms / SEGMENT_MS) return false;
    this.playhead = Math.min(this.playhead + ms / SEGMENT_MS, edge + 1);
    return true;
  }

  position(now: number): MediaPosition {
    return {
      webrtc: false,
      replayBound: this.replayBound,
      edgeSn: this.source.edge(now),
      playingSn: Math.floor(this.playhead),
    };
  }
}

function runFreeze(freezeMs: number, restarts = false, tailMs = 8000) {
  const freezeAt = T0 + 10_000;
  const source = new Source(freezeAt, freezeMs, restarts);
  let machine: HealthMachine = initialHealth(T0);
  let now = T0;
  let newest: number | null = null;
  // Set by the effects inside send(): fields, so the loop below reads them afresh.
  const player: { current: Slot | null; attempt: Slot | null; retryAt: number | null } = {
    current: null,
    attempt: null,
    retryAt: null,
  };
  const shown: { state: string; at: number }[] = [];
  const progressAt: number[] = [];
  let retries = 0;
  const send = (event: HealthEvent): void => {
    const before = machine.health.state;
    const result = nextHealth(machine, event, now, 0.5);
    machine = result.machine;
    if (machine.health.state !== before) shown.push({ state: machine.health.state, at: now });
    for (const effect of result.effects) {
      if (effect.type === 'attempt') player.attempt = new Slot(source, player.current ? newest : null, now);
      if (effect.type === 'abortAttempt') player.attempt = null;
      if (effect.type === 'scheduleRetry') player.retryAt = effect.at;
      if (effect.type === 'cancelRetry') player.retryAt = null;
    }
  };
  send({ type: 'start' });
  const end = freezeAt + freezeMs + tailMs;
  while (now < end) {
    now += 500;
    if (player.retryAt !== null && now >= player.retryAt) {
      player.retryAt = null;
      retries += 1;
      send({ type: 'retryDue' });
    }
    // The attempt's first frame, ~a tick after it started: swapped in, fresh or a replay.
    const slot = player.attempt;
    if (slot) {
      player.attempt = null;
      player.current = slot;
      const fresh = showsNewMedia(slot.position(now));
      if (fresh) newest = newestShown(newest, slot.position(now));
      send({ type: 'firstFrame', stale: !fresh });
      continue;
    }
    const current = player.current;
    if (current?.advance(now, 500) && showsNewMedia(current.position(now))) {
      newest = newestShown(newest, current.position(now));
      progressAt.push(now);
      send({ type: 'progress' });
    }
    send({ type: 'tick', visible: true });
  }
  /** Milliseconds shown as `state` within [from, to). */
  const shownAs = (state: string, from: number, to: number): number => {
    let total = 0;
    for (let i = 0; i < shown.length; i += 1) {
      const entry = shown[i]!;
      const until = shown[i + 1]?.at ?? end;
      if (entry.state !== state) continue;
      total += Math.max(0, Math.min(until, to) - Math.max(entry.at, from));
    }
    return total;
  };
  return { shownAs, freezeAt, shown, machine, progressAt, retries };
}

describe('a frozen source reads stalled for the whole freeze', () => {
  it('a 20 s freeze: stalled from ≤ 2.5 s after the last new frame until new frames come, through every reconnect', () => {
    const { shownAs, freezeAt, progressAt, machine, retries } = runFreeze(20_000);
    // The tile plays 3 s behind the live edge: those 3 s are new frames, then the picture stops.
    const lastNew = Math.max(...progressAt.filter((t) => t < freezeAt + 20_000));
    const firstNew = Math.min(...progressAt.filter((t) => t > lastNew));
    expect(lastNew - freezeAt).toBeLessThanOrEqual(3500);
    expect(shownAs('stalled', lastNew + 2500, firstNew)).toBe(firstNew - lastNew - 2500);
    expect(shownAs('stalled', freezeAt, freezeAt + 20_000)).toBeGreaterThanOrEqual(15_000);
    // It did reconnect meanwhile (each replaying the frozen window), and none of that read as playing.
    expect(retries).toBeGreaterThanOrEqual(3);
    expect(shownAs('playing', lastNew + 2500, firstNew)).toBe(0);
    // And it plays again once new frames come, by itself (a reconnect just then replays ≤ 2 s first).
    expect(firstNew - (freezeAt + 20_000)).toBeLessThanOrEqual(3500);
    expect(machine.health.state).toBe('playing');
  });

  it('a 5 s freeze (≈ 3 s without new frames on the tile) shows as stalled', () => {
    const { shownAs, freezeAt } = runFreeze(5000);
    expect(shownAs('stalled', freezeAt, freezeAt + 8000)).toBeGreaterThan(0);
  });

  it('a source that restarts its numbering after the freeze plays again (its media counts as new)', () => {
    const { machine, shown, freezeAt } = runFreeze(12_000, true, 20_000);
    expect(machine.health.state).toBe('playing');
    expect(shown.some((s) => s.state === 'playing' && s.at >= freezeAt + 12_000)).toBe(true);
  });
});

describe('replay-mark', () => {
  const at = (p: Partial<MediaPosition>): MediaPosition => ({
    webrtc: false,
    replayBound: 50,
    edgeSn: 55,
    playingSn: 50,
    ...p,
  });
  it('a fragment up to the bound is a replay, past it is new', () => {
    expect(showsNewMedia(at({ playingSn: 48 }))).toBe(false);
    expect(showsNewMedia(at({ playingSn: 50 }))).toBe(false);
    expect(showsNewMedia(at({ playingSn: 51 }))).toBe(true);
    expect(showsNewMedia(at({ playingSn: null }))).toBe(false);
  });
  it('no bound (first connect, another source) or WebRTC: new', () => {
    expect(showsNewMedia(at({ replayBound: null, playingSn: null }))).toBe(true);
    expect(showsNewMedia(at({ webrtc: true, playingSn: null }))).toBe(true);
  });
  it('numbering that went back (a restarted source) is new, and moves the mark back', () => {
    expect(showsNewMedia(at({ edgeSn: 7, playingSn: 4 }))).toBe(true);
    expect(newestShown(50, at({ edgeSn: 7, playingSn: 4 }))).toBe(4);
    expect(newestShown(50, at({ playingSn: 49 }))).toBe(50);
    expect(newestShown(50, at({ playingSn: 52 }))).toBe(52);
    expect(newestShown(null, at({ playingSn: null }))).toBeNull();
  });
});
