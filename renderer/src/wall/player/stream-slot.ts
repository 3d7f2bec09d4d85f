import Hls from 'hls.js';
import { GatewayFailure, type Gateway, type Opened } from './gateway';
import { skipGopGap } from './gop-gap';
import { HlsFeed } from './hls-feed';
import { classifyMediaError, REASONS, type Failure } from './hls-errors';
import {
  afterRtcFailure,
  chooseProtocol,
  consumeEarly,
  RTC_ONLY_NO_FRAME,
  RTC_ONLY_UNAVAILABLE,
  type Protocol,
} from './rtc-choice';
import type { MediaPosition } from './replay-mark';
import type { RtcConsumer, RtcSession } from './rtc-session';
import { RtcFallbackClock } from './rtc-fallback';
import { RtcFeed } from './rtc-feed';
import type { RtcFigures } from './rtc-stats';
import type { PlayerSource } from './types';

/**
 * One hls.js instance (hls-feed.ts) or WebRTC consumer (rtc-feed.ts) feeding one <video>: the unit
 * a player swaps. A player shows one slot and, while it switches stream or reconnects, prepares the
 * next in a second, hidden slot, so the old picture stays on screen until the new stream has a frame.
 */

export interface SlotEvents {
  /** The slot's video has a frame to show (first one since load()). */
  firstFrame(slot: StreamSlot): void;
  /** The stream is over (fatal hls.js error or <video> error). */
  failure(slot: StreamSlot, failure: Failure): void;
}

const streamKey = (source: PlayerSource): string => `${source.cameraId}/${source.stream}`;

const GATEWAY_MISSING: Failure = { kind: 'error', reason: { zh: '无法连接视频网关', en: 'no camera gateway' } };
const GATEWAY_REFUSED: Failure = {
  kind: 'error',
  reason: { zh: '中枢拒绝播放此码流', en: 'the hub refused this stream' },
};

const RTC_LOST: Failure = { kind: 'offline', reason: { zh: 'WebRTC 连接中断', en: 'WebRTC connection lost' } };

/** The window's WebRTC side for the slots: the session and when each stream last fell back to HLS. */
export interface SlotRtc {
  session: RtcSession;
  fellBack: Map<string, number>;
  /** Per stream, whether the window's last media.open offered it over WebRTC (rtc-choice consumeEarly). */
  offered: Map<string, boolean>;
}

export class StreamSlot {
  private hlsFeed: HlsFeed | null = null;
  /** Bumped by every load()/unload(): callbacks of an earlier load are stale and ignored. */
  private generation = 0;
  private frameSeen = false;
  private destroyed = false;
  /** The gateway stream this slot holds (a gateway source's load() until unload()). */
  private held: PlayerSource | null = null;
  private protocolName: Protocol = 'hls';
  private rtcFeed: RtcFeed | null = null;
  private fallback: RtcFallbackClock | null = null;
  /** Kept across unload(): the probe runs while the slot has nothing loaded. */
  private probePlaylist: { key: string; url: string } | null = null;
  /**
   * The newest fragment the player had shown of this source when this slot was loaded: fragments up
   * to it are a replay (a reconnect to a frozen source gets the same window again). Null: none.
   */
  replayBound: number | null = null;
  /** The hub's gateway ingests this stream and tells its state (media.state). */
  private ingestedStream = false;
  /** The tile is covered by a maximised one: a WebRTC consumer is paused meanwhile. */
  private hidden = false;
  /** When the tile was last shown again (epoch ms). */
  private shownAt = 0;

  constructor(
    readonly video: HTMLVideoElement,
    private readonly events: SlotEvents,
    private readonly gateway: Gateway | null = null,
    private readonly rtc: SlotRtc | null = null,
  ) {
    video.addEventListener('error', this.onVideoError);
    // The wall never pauses; the browser does when the element leaves the document (a tile
    // moving it between containers, or unmounting before another tile adopts it): play on.
    video.addEventListener('pause', this.onPause);
  }

  /** This element has shown a frame since the last load(): worth keeping on screen. */
  get hasFrame(): boolean {
    return this.frameSeen;
  }

  get codec(): string | null {
    return this.protocolName === 'webrtc' ? (this.rtcFeed?.figures?.codec ?? null) : (this.hlsFeed?.codec ?? null);
  }

  /** The protocol the slot plays (or tries): WebRTC, or HLS directly or as the fallback. */
  get protocol(): Protocol {
    return this.protocolName;
  }

  /** The WebRTC figures of the last getStats() (null over HLS). */
  get rtcFigures(): RtcFigures | null {
    return this.protocolName === 'webrtc' ? (this.rtcFeed?.figures ?? null) : null;
  }

  /**
   * The signed playlist the gateway answered for `source` when it does not ingest it (a demo
   * stream), for the offline probe; null otherwise.
   */
  playlistOf(source: PlayerSource): string | null {
    const known = this.probePlaylist;
    return known && known.key === streamKey(source) ? known.url : null;
  }

  /** The gateway supervises this stream's source (an ingested camera stream). */
  get supervised(): boolean {
    return this.ingestedStream;
  }

  /** Where the slot's media is, for replay-mark.ts: is it new, or a replay of what was shown? */
  get position(): MediaPosition {
    return {
      webrtc: this.protocolName === 'webrtc',
      replayBound: this.replayBound,
      // Null over WebRTC and before hls.js has played a fragment or read a playlist.
      edgeSn: this.hlsFeed?.edgeSn ?? null,
      playingSn: this.hlsFeed?.playingSn ?? null,
    };
  }

  /** Something is loaded: hls.js or a WebRTC consumer. */
  private get active(): boolean {
    return this.hlsFeed !== null || this.rtcFeed !== null;
  }

  /** Kilobits per second of the stream (fragment bytes over their media duration). */
  get kbps(): number | null {
    if (this.protocolName === 'webrtc') return this.rtcFeed?.figures?.kbps ?? null;
    return this.hlsFeed?.kbps ?? null;
  }

  /** Seconds behind the live edge; null before the first playlist. */
  get latencySec(): number | null {
    if (this.protocolName === 'webrtc') return this.rtcFeed?.figures?.latencySec ?? null;
    return this.hlsFeed?.latencySec ?? null;
  }

  /** The tile is hidden (or shown again): its WebRTC consumer pauses (resumes); HLS plays on. */
  setHidden(hidden: boolean): void {
    if (this.hidden && !hidden) this.shownAt = Date.now();
    this.hidden = hidden;
    this.rtcFeed?.consumer.setHidden(hidden);
  }

  /** (Re)loads `source` into this slot's video. In place: whatever it showed is dropped. */
  load(source: PlayerSource): void {
    if (this.destroyed) return;
    this.unload();
    const generation = this.generation;
    if (!Hls.isSupported()) {
      // Told after the caller has recorded this attempt (a failure now would be ignored).
      queueMicrotask(() => {
        if (generation === this.generation) this.events.failure(this, { kind: 'error', reason: REASONS.noMse });
      });
      return;
    }
    if (source.gateway) {
      this.loadThroughGateway(source, generation);
      return;
    }
    this.loadUrl(source.url, generation);
  }

  /** Asks the hub for the stream (media.open) and plays the signed HLS path it answers. */
  private loadThroughGateway(source: PlayerSource, generation: number): void {
    const gateway = this.gateway;
    if (!gateway) {
      queueMicrotask(() => {
        if (generation === this.generation) this.events.failure(this, GATEWAY_MISSING);
      });
      return;
    }
    this.held = source;
    const key = streamKey(source);
    const rtc = this.rtc;
    // Asked together with media.open (the hub waits for the open before it consumes): see consumeEarly.
    const early =
      rtc &&
      consumeEarly({
        linked: rtc.session.linked(),
        playback: source.playback ?? null,
        offered: rtc.offered.get(key) ?? null,
        fellBackAt: rtc.fellBack.get(key) ?? null,
        now: Date.now(),
      })
        ? rtc.session.consume(source.cameraId, source.stream, { hidden: this.hidden })
        : null;
    const dropEarly = (): void => {
      early?.then(
        (consumer) => consumer.close(),
        () => undefined,
      );
    };
    gateway.open(source).then(
      (opened) => {
        if (generation !== this.generation || this.destroyed) return dropEarly();
        rtc?.offered.set(key, opened.webrtc && opened.playback !== 'hls');
        this.probePlaylist = opened.ingested ? null : { key, url: opened.hlsUrl };
        this.ingestedStream = opened.ingested;
        const protocol = chooseProtocol({
          playback: opened.playback,
          offered: opened.webrtc,
          capable: rtc !== null,
          fellBackAt: rtc?.fellBack.get(key) ?? null,
          now: Date.now(),
        });
        if (protocol !== 'webrtc') dropEarly();
        if (protocol === 'webrtc') this.loadRtc(source, opened, generation, early);
        else if (protocol === 'hls') this.loadUrl(opened.hlsUrl, generation, opened.ingested);
        else this.events.failure(this, RTC_ONLY_UNAVAILABLE);
      },
      (error: unknown) => {
        dropEarly();
        if (generation !== this.generation) return;
        this.events.failure(this, error instanceof GatewayFailure ? error.failure : GATEWAY_REFUSED);
      },
    );
  }

  /**
   * Consumes the stream over WebRTC into this slot's video; without a frame within
   * FALLBACK_AFTER_MS (or when consuming fails) the slot plays the signed HLS path instead.
   */
  private loadRtc(
    source: PlayerSource,
    { hlsUrl, playback, ingested }: Opened,
    generation: number,
    early: Promise<RtcConsumer> | null,
  ): void {
    const rtc = this.rtc;
    if (!rtc) return;
    this.protocolName = 'webrtc';
    const startedAt = Date.now();
    const fallBack = (): void => {
      // Once only: the timer and a late refused consume may both call it (a second HLS feed would leak).
      if (generation !== this.generation || this.destroyed || this.frameSeen || this.protocolName !== 'webrtc') return;
      if (afterRtcFailure(playback) === 'fail') return this.events.failure(this, RTC_ONLY_NO_FRAME);
      rtc.fellBack.set(streamKey(source), Date.now());
      this.dropRtc();
      this.loadUrl(hlsUrl, generation, ingested);
    };
    const tile = { frameSeen: () => this.frameSeen, hidden: () => this.hidden, shownAt: () => this.shownAt };
    this.fallback = new RtcFallbackClock(startedAt, tile, fallBack);
    // The early consumer, or (none, or it was refused: the stream had no producer yet) one asked now.
    const consuming = (early ?? Promise.reject(new Error('none'))).catch(() =>
      rtc.session.consume(source.cameraId, source.stream, { hidden: this.hidden }),
    );
    consuming.then(
      (consumer) => {
        if (generation !== this.generation || this.destroyed || this.protocolName !== 'webrtc') {
          consumer.close();
          return;
        }
        const feed = new RtcFeed(consumer);
        this.rtcFeed = feed;
        feed.attach(this.video, this.hidden, () => {
          if (generation === this.generation && this.rtcFeed === feed) this.events.failure(this, RTC_LOST);
        });
        this.play();
        this.watchFirstFrame(generation);
        feed.pollStats();
      },
      () => fallBack(),
    );
  }

  /** Ends the WebRTC side of this slot (consumer closed here and on the hub). */
  private dropRtc(): void {
    this.fallback?.cancel();
    this.fallback = null;
    const feed = this.rtcFeed;
    this.rtcFeed = null;
    feed?.close();
    if (this.video.srcObject) this.video.srcObject = null;
    this.protocolName = 'hls';
  }

  /** `ingested`: the playlist is the hub's own ingest, played closer to its live edge (hls-config.ts). */
  private loadUrl(url: string, generation: number, ingested = false): void {
    const feed = new HlsFeed(
      this.video,
      {
        current: () => generation === this.generation,
        failure: (failure) => this.events.failure(this, failure),
        buffered: () => this.skipGap(),
        ready: () => this.play(),
      },
      ingested,
    );
    this.hlsFeed = feed;
    feed.start(url);
    this.watchFirstFrame(generation);
  }

  /** Stops network activity and keeps the picture (a failed stream's last frame stays up). */
  stopLoading(): void {
    this.hlsFeed?.stopLoad();
  }

  /**
   * Fallback first-frame check for when no video frame callback arrives (a browser without
   * requestVideoFrameCallback, or an occluded window that composites nothing). Called on every tick.
   */
  checkFrame(): void {
    if (this.frameSeen || !this.active) return;
    const video = this.video;
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.currentTime > 0) this.sawFrame();
  }

  /** Over HLS, moves a playhead stuck before a keyframe gap to the media after it (gop-gap.ts). */
  skipGap(): void {
    if (this.hlsFeed && !this.destroyed) skipGopGap(this.video);
  }

  /** Keeps the element playing (see the 'pause' listener). */
  play(): void {
    if (this.destroyed || !this.active || !this.video.paused) return;
    this.video.play().catch(() => {
      // Nothing to do: muted autoplay is allowed; a failed play() is retried on the next tick,
      // and a stream that cannot play at all fails through hls.js or the stall detector.
    });
  }

  /** Drops the stream and the element's media (MSE buffers freed); the element stays. */
  unload(): void {
    this.generation += 1;
    this.frameSeen = false;
    this.ingestedStream = false;
    this.dropRtc();
    if (this.held) {
      this.gateway?.release(this.held);
      this.held = null;
    }
    const feed = this.hlsFeed;
    this.hlsFeed = null;
    // Also empties the element: detachMedia() removes the MediaSource and revokes its URL.
    feed?.destroy();
    // Also when hls.js skipped its cleanup: an element that keeps a src keeps its decoder and
    // counts against Chromium's limit of media players.
    if (this.video.hasAttribute('src') || this.video.src) {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }

  /** Frees everything and takes the element out of the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.unload();
    this.destroyed = true;
    this.video.removeEventListener('error', this.onVideoError);
    this.video.removeEventListener('pause', this.onPause);
    this.video.remove();
  }

  private watchFirstFrame(generation: number): void {
    if (typeof this.video.requestVideoFrameCallback !== 'function') return;
    // Fires when a frame has been handed to the compositor — also for an element that is not in
    // the document, which is where the hidden next slot waits.
    this.video.requestVideoFrameCallback(() => {
      if (generation === this.generation) this.sawFrame();
    });
  }

  private sawFrame(): void {
    if (this.frameSeen || this.destroyed) return;
    this.frameSeen = true;
    this.events.firstFrame(this);
  }

  private readonly onVideoError = (): void => {
    const code = this.video.error?.code;
    if (this.destroyed || !this.active || code === undefined) return;
    this.events.failure(this, classifyMediaError(code));
  };

  private readonly onPause = (): void => {
    queueMicrotask(() => this.play());
  };
}
