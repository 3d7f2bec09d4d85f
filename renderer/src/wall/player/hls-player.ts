import { FrameRate } from './frame-rate';
import { gatewayFailure, type Gateway } from './gateway';
import {
  initialHealth,
  nextHealth,
  type HealthEffect,
  type HealthEvent,
  type HealthMachine,
  type Reason,
} from './health-machine';
import type { Failure } from './hls-errors';
import { PlaylistProbe } from './playlist-probe';
import { newestShown, showsNewMedia } from './replay-mark';
import { slotStats } from './slot-stats';
import { snapshotVideo } from './snapshot';
import { StreamSlot, type SlotEvents, type SlotRtc } from './stream-slot';
import { createWallVideo } from './wall-video';
import { PlayerError, RELEASED, sameSource, SUPERSEDED, SwitchWaiters } from './switch-waiters';
import { onTick } from './ticker';
import type { StreamState } from '../../../../common/contract/media';
import type { Player, PlayerSource, PlayerStats, TileHealth } from './types';

/**
 * A Player on hls.js (types.ts), its health driven by health-machine.ts.
 *
 * The picture is never blanked while the player works on its stream: a reconnect or a switch
 * (sub ↔ main) loads into a second, hidden <video>; on that element's first frame it takes the old
 * element's place in the document (replaceWith, keeping the tile's attributes and styles), and only
 * then is the old one emptied. So `player.video` is the element on screen *now*: read it when you
 * need it instead of keeping it. Only before anything has shown (first connect) does the player
 * reload in place.
 *
 * Every callback runs contained: a broken or hostile stream can fail this player, never the wall.
 */

function sameHealth(a: TileHealth, b: TileHealth): boolean {
  return (
    a.state === b.state &&
    a.since === b.since &&
    a.retryAt === b.retryAt &&
    a.attempts === b.attempts &&
    a.reason?.zh === b.reason?.zh &&
    a.reason?.en === b.reason?.en
  );
}

/** The tile's presentation (class, style, data-*) moves with the picture to the new element. */
function copyPresentation(from: HTMLVideoElement, to: HTMLVideoElement): void {
  for (const { name, value } of Array.from(from.attributes)) {
    if (name !== 'src') to.setAttribute(name, value);
  }
}

/** A Player the manager can free. */
export interface DisposablePlayer extends Player {
  destroy(): void;
}

export class HlsPlayer implements DisposablePlayer {
  /** The slot on screen. */
  private current: StreamSlot;
  /** The hidden slot being prepared (reconnect or switch), swapped in on its first frame. */
  private next: StreamSlot | null = null;
  /** The slot of the connection attempt in flight: `next`, or `current` when reloading in place. */
  private attemptSlot: StreamSlot | null = null;
  /** The source attempts connect to; source() answers it. */
  private wanted: PlayerSource;
  /** The source of what `current` shows; null until something has. */
  private shown: PlayerSource | null = null;
  private machine: HealthMachine;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(health: TileHealth) => void>();
  private readonly waiters = new SwitchWaiters();
  private lastTime = -1;
  private lastFrames = 0;
  private readonly frameRate = new FrameRate();
  /** The newest HLS fragment shown of the source on screen: what a reconnect replays is not new. */
  private newestSn: number | null = null;
  private readonly stopTick: () => void;
  private released = false;
  /** The tile is covered by a maximised one (setHidden). */
  private hidden = false;
  private readonly stopGatewayWatch: (() => void) | null;
  /** Probes the playlist while the tile is offline (playlist-probe.ts). */
  private readonly probe = new PlaylistProbe(
    () => this.probeUrl(),
    () => {
      if (!this.machine.attempt && this.machine.health.retryAt !== null) this.dispatch({ type: 'retryDue' });
    },
    (run) => this.contain(run),
  );
  private readonly slotEvents: SlotEvents = {
    firstFrame: (slot) => this.contain(() => this.onFirstFrame(slot)),
    failure: (slot, failure) => this.contain(() => this.onFailure(slot, failure)),
  };

  constructor(
    readonly key: string,
    source: PlayerSource,
    private readonly now: () => number = Date.now,
    private readonly gateway: Gateway | null = null,
    private readonly rtc: SlotRtc | null = null,
  ) {
    this.wanted = source;
    this.current = new StreamSlot(createWallVideo(key), this.slotEvents, gateway, rtc);
    this.machine = initialHealth(now());
    this.stopTick = onTick(() => this.contain(() => this.tick()));
    this.stopGatewayWatch = gateway ? gateway.onState((state) => this.contain(() => this.onGatewayState(state))) : null;
    this.dispatch({ type: 'start' });
  }

  get video(): HTMLVideoElement {
    return this.current.video;
  }

  source(): PlayerSource {
    return this.wanted;
  }

  health(): TileHealth {
    return this.machine.health;
  }

  onHealth(listener: (health: TileHealth) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): PlayerStats {
    return slotStats(this.current, this.frameRate.fps);
  }

  switchTo(source: PlayerSource): Promise<void> {
    if (this.released) return Promise.reject(new PlayerError(RELEASED));
    const settled = this.machine.health.state === 'playing' && !this.machine.attempt;
    if (settled && this.shown && sameSource(source, this.shown) && sameSource(source, this.wanted)) {
      return Promise.resolve();
    }
    // Whoever waited for another stream will not get it now.
    const done = this.waiters.wait(source);
    if (!sameSource(source, this.wanted)) {
      this.wanted = source;
      this.dispatch({ type: 'switch' });
    }
    return done;
  }

  /** Covered tiles pause their WebRTC consumer (StreamSlot.setHidden) and are not judged stalled. */
  setHidden(hidden: boolean): void {
    if (this.hidden === hidden) return;
    this.hidden = hidden;
    this.current.setHidden(hidden);
    this.next?.setHidden(hidden);
  }

  snapshot(): Promise<Blob> {
    return snapshotVideo(this.current.video);
  }

  /** Frees hls.js, the MSE buffers and the elements (PlayerManager.release). */
  destroy(): void {
    if (this.released) return;
    this.dispatch({ type: 'stop' });
    this.released = true;
    this.stopTick();
    this.stopGatewayWatch?.();
    this.probe.stop();
    this.clearRetry();
    this.next?.destroy();
    this.next = null;
    this.attemptSlot = null;
    this.current.destroy();
    this.waiters.settle(null, RELEASED);
    this.listeners.clear();
  }

  private contain(run: () => void): void {
    try {
      run();
    } catch (error) {
      console.error(`[wall] player ${this.key}`, error);
    }
  }

  private dispatch(event: HealthEvent): void {
    if (this.released) return;
    const before = this.machine.health;
    const { machine, effects } = nextHealth(this.machine, event, this.now());
    this.machine = sameHealth(before, machine.health) ? { ...machine, health: before } : machine;
    let switchFailure: Reason | null = null;
    for (const effect of effects) {
      if (effect.type === 'switchFailed') switchFailure = effect.reason;
      this.apply(effect);
    }
    this.settle(switchFailure);
    if (this.machine.health !== before) {
      this.updateProbe();
      this.notify();
    }
  }

  /** Probes the playlist while the tile is offline (playlist-probe.ts). */
  private updateProbe(): void {
    this.probe.update(!this.released && this.machine.health.state === 'offline');
  }

  /**
   * The playlist to probe: a plain HLS URL, or the signed path the gateway answered for a stream
   * it does not ingest (demo). An ingested stream (RTSP) is watched through media.state instead.
   */
  private probeUrl(): string | null {
    if (!this.wanted.gateway) return this.wanted.url;
    return this.current.playlistOf(this.wanted);
  }

  private apply(effect: HealthEffect): void {
    switch (effect.type) {
      case 'attempt':
        this.attempt();
        return;
      case 'abortAttempt':
        this.dropAttemptSlot();
        return;
      case 'scheduleRetry':
        this.clearRetry();
        this.retryTimer = setTimeout(
          () => this.contain(() => this.dispatch({ type: 'retryDue' })),
          Math.max(0, effect.at - this.now()),
        );
        return;
      case 'cancelRetry':
        this.clearRetry();
        return;
      case 'switchFailed':
        // The old stream plays on; settle() makes it the wanted one again.
        return;
    }
  }

  private attempt(): void {
    this.dropAttemptSlot();
    // Media of the source on screen up to what was shown is a replay; another source's is all new.
    const bound = this.shown && sameSource(this.shown, this.wanted) ? this.newestSn : null;
    if (this.current.hasFrame) {
      // Keep the picture: prepare the stream off screen (an element outside the document still
      // decodes and reports its frames) and swap it in on its first frame.
      this.next = new StreamSlot(createWallVideo(this.key), this.slotEvents, this.gateway, this.rtc);
      this.next.setHidden(this.hidden);
      this.next.replayBound = bound;
      this.next.load(this.wanted);
      this.attemptSlot = this.next;
    } else {
      this.current.replayBound = bound;
      this.current.load(this.wanted);
      this.attemptSlot = this.current;
      this.restartMeters();
    }
  }

  private dropAttemptSlot(): void {
    const slot = this.attemptSlot;
    this.attemptSlot = null;
    if (slot && slot === this.next) {
      slot.destroy();
      this.next = null;
    } else if (slot === this.current) {
      // Nothing was on screen (in-place attempts only happen then): empty the element.
      slot.unload();
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Once no attempt is in flight, switchTo's callers learn whether they got their stream. */
  private settle(switchFailure: Reason | null): void {
    if (this.machine.attempt) return;
    const playing = this.machine.health.state === 'playing';
    // Playing with nothing in flight (a switch failed, or the stream on screen recovered before
    // the attempt to replace it finished): the player wants what it shows.
    if (playing && this.shown) this.wanted = this.shown;
    if (this.waiters.empty) return;
    this.waiters.settle(playing ? this.shown : null, switchFailure ?? this.machine.health.reason ?? SUPERSEDED);
  }

  private notify(): void {
    const health = this.machine.health;
    for (const listener of [...this.listeners]) {
      try {
        listener(health);
      } catch (error) {
        console.error(`[wall] health listener of ${this.key}`, error);
      }
    }
  }

  private onFirstFrame(slot: StreamSlot): void {
    if (slot !== this.attemptSlot) return;
    if (slot === this.next) this.swapIn(slot);
    this.attemptSlot = null;
    if (!this.shown || !sameSource(this.shown, this.wanted)) this.newestSn = null;
    this.shown = this.wanted;
    const fresh = showsNewMedia(slot.position);
    if (fresh) this.newestSn = newestShown(this.newestSn, slot.position);
    this.dispatch({ type: 'firstFrame', stale: !fresh });
  }

  private swapIn(next: StreamSlot): void {
    const old = this.current;
    copyPresentation(old.video, next.video);
    // In the tile's container, in the old element's place: the tile does nothing.
    if (old.video.parentNode) old.video.replaceWith(next.video);
    this.current = next;
    this.next = null;
    old.destroy();
    this.restartMeters();
  }

  private onFailure(slot: StreamSlot, failure: Failure): void {
    const from = slot === this.attemptSlot ? 'attempt' : slot === this.current ? 'screen' : null;
    if (!from) return;
    // The failed stream's last frame stays up; it just stops fetching.
    if (from === 'screen') slot.stopLoading();
    this.dispatch({ type: 'failure', from, kind: failure.kind, reason: failure.reason });
  }

  /**
   * The gateway's word on the stream this tile plays: an ingest gone offline shows its reason at
   * once (not 3 s later as a stall), and one back live is reconnected to now rather than at the
   * back-off's next retry.
   */
  private onGatewayState(state: StreamState): void {
    const wanted = this.wanted;
    if (!wanted.gateway || state.cameraId !== wanted.cameraId || state.stream !== wanted.stream) return;
    const { health, attempt } = this.machine;
    if (state.state === 'offline' && !attempt && (health.state === 'playing' || health.state === 'stalled')) {
      this.current.stopLoading();
      const failure = gatewayFailure(state);
      this.dispatch({ type: 'failure', from: 'screen', kind: failure.kind, reason: failure.reason });
    } else if (state.state === 'live' && health.retryAt !== null) {
      this.dispatch({ type: 'retryDue' });
    }
  }

  private restartMeters(): void {
    this.lastTime = this.current.video.currentTime;
    this.lastFrames = this.current.video.getVideoPlaybackQuality().totalVideoFrames;
    this.frameRate.reset();
  }

  private tick(): void {
    this.attemptSlot?.skipGap();
    this.attemptSlot?.checkFrame();
    if (this.current !== this.attemptSlot) this.current.skipGap();
    if (this.released) return;
    const video = this.current.video;
    const time = video.currentTime;
    const frames = video.getVideoPlaybackQuality().totalVideoFrames;
    // Progress is the picture moving: new frames decoded *and* the playhead advancing. Either
    // alone misleads — a stuck stream's playhead is moved by hls.js (nudges over holes, jumps to
    // the live edge every few seconds) without a single new frame.
    // And new: frames of a window already shown (a reconnect to a frozen source) are no progress.
    if (frames > this.lastFrames && time !== this.lastTime && showsNewMedia(this.current.position)) {
      this.newestSn = newestShown(this.newestSn, this.current.position);
      this.dispatch({ type: 'progress' });
    }
    this.lastTime = time;
    this.lastFrames = frames;
    // A covered tile (its consumer paused) is as unseen as a hidden page: no stall, no timeout.
    const visible = document.visibilityState !== 'hidden' && !this.hidden;
    this.dispatch({ type: 'tick', visible, supervised: this.current.supervised });
    this.current.play();
    this.next?.play();
    this.frameRate.sample(this.now(), frames);
  }
}
