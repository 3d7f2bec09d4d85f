import Hls, {
  Events,
  PlaylistLevelType,
  type BufferAppendingData,
  type BufferCodecsData,
  type ErrorData,
  type FragBufferedData,
  type FragChangedData,
  type FragLoadedData,
  type LevelUpdatedData,
} from 'hls.js';
import { hlsConfigFor } from './hls-config';
import { GatewayFailure, type Gateway, type Opened } from './gateway';
import { GopBackBuffer } from './back-buffer';
import { skipGopGap } from './gop-gap';
import { forgiveGappedNoMedia } from './gop-join';
import { holdsKeyframe } from './keyframes';
import { classifyHlsError, classifyMediaError, REASONS, type Failure } from './hls-errors';
import {
  afterRtcFailure,
  chooseProtocol,
  consumeEarly,
  FALLBACK_AFTER_MS,
  RTC_ONLY_NO_FRAME,
  RTC_ONLY_UNAVAILABLE,
  shouldFallBack,
  type Protocol,
} from './rtc-choice';
import type { MediaPosition } from './replay-mark';
import type { RtcConsumer, RtcSession } from './rtc-session';
import { rtcFigures, type RtcFigures } from './rtc-stats';
import type { PlayerSource } from './types';

/**
 * One hls.js instance feeding one <video>: the unit a player swaps. A player shows one slot and,
 * while it switches stream or reconnects, prepares the next in a second, hidden slot, so the old
 * picture stays on screen until the new stream has a frame.
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
const RTC_STATS_MS = 1000;

/** The window's WebRTC side for the slots: the session and when each stream last fell back to HLS. */
export interface SlotRtc {
  session: RtcSession;
  fellBack: Map<string, number>;
  /** Per stream, whether the window's last media.open offered it over WebRTC (rtc-choice consumeEarly). */
  offered: Map<string, boolean>;
}

/** Fragments remembered for the bit rate: ~5 s of 1-s segments. */
const RATE_WINDOW = 5;

/** A <video> for the wall: muted (so autoplay is allowed), inline, never showing controls. */
export function createWallVideo(key: string): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.defaultMuted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.controls = false;
  video.disablePictureInPicture = true;
  video.disableRemotePlayback = true;
  video.preload = 'auto';
  video.className = 'wall-video';
  video.dataset.playerKey = key;
  return video;
}

export class StreamSlot {
  private hls: Hls | null = null;
  /** Bumped by every load()/unload(): callbacks of an earlier load are stale and ignored. */
  private generation = 0;
  private frags: { bytes: number; seconds: number }[] = [];
  private codecName: string | null = null;
  private frameSeen = false;
  private destroyed = false;
  /** The gateway stream this slot holds (a gateway source's load() until unload()). */
  private held: PlayerSource | null = null;
  private protocolName: Protocol = 'hls';
  private consumer: RtcConsumer | null = null;
  private fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private figures: RtcFigures | null = null;
  /** Kept across unload(): the probe runs while the slot has nothing loaded. */
  private probePlaylist: { key: string; url: string } | null = null;
  /** Media sequence number of the HLS fragment at the playhead (null before one plays, or over WebRTC). */
  private playingSn: number | null = null;
  /** The last media sequence number of the stream's newest playlist. */
  private edgeSn: number | null = null;
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
    return this.protocolName === 'webrtc' ? (this.figures?.codec ?? null) : this.codecName;
  }

  /** The protocol the slot plays (or tries): WebRTC, or HLS directly or as the fallback. */
  get protocol(): Protocol {
    return this.protocolName;
  }

  /** The WebRTC figures of the last getStats() (null over HLS). */
  get rtcFigures(): RtcFigures | null {
    return this.protocolName === 'webrtc' ? this.figures : null;
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
      edgeSn: this.edgeSn,
      playingSn: this.playingSn,
    };
  }

  /** Something is loaded: hls.js or a WebRTC consumer. */
  private get active(): boolean {
    return this.hls !== null || this.consumer !== null;
  }

  /** Kilobits per second of the stream (fragment bytes over their media duration). */
  get kbps(): number | null {
    if (this.protocolName === 'webrtc') return this.figures?.kbps ?? null;
    const seconds = this.frags.reduce((s, f) => s + f.seconds, 0);
    if (seconds <= 0) return null;
    return (this.frags.reduce((s, f) => s + f.bytes, 0) * 8) / seconds / 1000;
  }

  /** Seconds behind the live edge; null before the first playlist. */
  get latencySec(): number | null {
    if (this.protocolName === 'webrtc') return this.figures?.latencySec ?? null;
    const latency = this.hls?.latency ?? 0;
    return Number.isFinite(latency) && latency > 0 ? latency : null;
  }

  /** The tile is hidden (or shown again): its WebRTC consumer pauses (resumes); HLS plays on. */
  setHidden(hidden: boolean): void {
    if (this.hidden && !hidden) this.shownAt = Date.now();
    this.hidden = hidden;
    this.consumer?.setHidden(hidden);
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
      if (generation !== this.generation || this.destroyed || this.frameSeen) return;
      if (afterRtcFailure(playback) === 'fail') return this.events.failure(this, RTC_ONLY_NO_FRAME);
      rtc.fellBack.set(streamKey(source), Date.now());
      this.dropRtc();
      this.loadUrl(hlsUrl, generation, ingested);
    };
    // A paused consumer sends nothing: time the tile spent hidden does not count towards the fallback.
    const armFallback = (delay: number): void => {
      this.fallbackTimer = setTimeout(() => {
        if (this.frameSeen) return;
        if (this.hidden) return armFallback(FALLBACK_AFTER_MS);
        const since = Math.max(startedAt, this.shownAt);
        if (shouldFallBack(since, this.frameSeen, Date.now())) fallBack();
        else armFallback(since + FALLBACK_AFTER_MS - Date.now());
      }, delay);
    };
    armFallback(FALLBACK_AFTER_MS);
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
        this.consumer = consumer;
        // Hidden or shown while the hub answered.
        consumer.setHidden(this.hidden);
        const lost = (): void => {
          if (generation === this.generation && this.consumer === consumer) this.events.failure(this, RTC_LOST);
        };
        consumer.onFailed(lost);
        consumer.track.addEventListener('ended', lost);
        this.video.srcObject = new MediaStream([consumer.track]);
        this.play();
        this.watchFirstFrame(generation);
        this.statsTimer = setInterval(() => {
          consumer
            .getStats()
            .then((report) => {
              if (this.consumer !== consumer) return;
              const entries = [...report.values()] as Record<string, unknown>[];
              this.figures = rtcFigures(entries, this.figures?.sample ?? null, Date.now());
            })
            .catch(() => undefined);
        }, RTC_STATS_MS);
      },
      () => fallBack(),
    );
  }

  /** Ends the WebRTC side of this slot (consumer closed here and on the hub). */
  private dropRtc(): void {
    if (this.fallbackTimer !== null) clearTimeout(this.fallbackTimer);
    this.fallbackTimer = null;
    if (this.statsTimer !== null) clearInterval(this.statsTimer);
    this.statsTimer = null;
    this.figures = null;
    const consumer = this.consumer;
    this.consumer = null;
    consumer?.close();
    if (this.video.srcObject) this.video.srcObject = null;
    this.protocolName = 'hls';
  }

  /** `ingested`: the playlist is the hub's own ingest, played closer to its live edge (hls-config.ts). */
  private loadUrl(url: string, generation: number, ingested = false): void {
    const hls = new Hls(hlsConfigFor(ingested));
    this.hls = hls;
    hls.on(Events.ERROR, (_event, data: ErrorData) => {
      if (generation !== this.generation) return;
      // A mid-GOP segment that parsed to nothing is skipped once, not reloaded (gop-join.ts).
      forgiveGappedNoMedia(data, hls.levels);
      const failure = classifyHlsError(data);
      if (failure) this.events.failure(this, failure);
    });
    // The back buffer is evicted at keyframes, here rather than by hls.js (back-buffer.ts).
    const backBuffer = new GopBackBuffer();
    hls.on(Events.BUFFER_APPENDING, (_event, data: BufferAppendingData) => {
      if (data.type === 'video' && typeof data.frag.sn === 'number' && data.parent === PlaylistLevelType.MAIN) {
        backBuffer.noteAppend(data.frag.sn, holdsKeyframe(data.data));
      }
    });
    hls.on(Events.FRAG_BUFFERED, (_event, data: FragBufferedData) => {
      if (typeof data.frag.sn === 'number' && data.id === PlaylistLevelType.MAIN && !data.part) {
        backBuffer.noteBuffered(data.frag.sn, data.frag.start, data.frag.end);
      }
    });
    hls.on(Events.BUFFER_CODECS, (_event, data: BufferCodecsData) => {
      this.codecName = data.video?.codec ?? data.audiovideo?.codec ?? this.codecName;
    });
    // Media that begins past the playhead (a long GOP's next keyframe): jump to it (gop-gap.ts).
    hls.on(Events.FRAG_BUFFERED, () => this.skipGap());
    hls.on(Events.FRAG_CHANGED, (_event, data: FragChangedData) => {
      if (typeof data.frag.sn === 'number') this.playingSn = data.frag.sn;
      const end = backBuffer.evictionEnd(this.video.currentTime);
      const buffered = this.video.buffered;
      // Not for less than a second's worth: each removal is a SourceBuffer operation.
      if (end !== null && buffered.length > 0 && end > buffered.start(0) + 1) {
        hls.trigger(Events.BUFFER_FLUSHING, { startOffset: 0, endOffset: end, type: null });
      }
    });
    hls.on(Events.LEVEL_UPDATED, (_event, data: LevelUpdatedData) => {
      this.edgeSn = data.details.endSN;
    });
    hls.on(Events.FRAG_LOADED, (_event, data: FragLoadedData) => {
      const bytes = data.frag.stats.loaded || data.payload.byteLength;
      this.frags.push({ bytes, seconds: data.frag.duration });
      if (this.frags.length > RATE_WINDOW) this.frags.shift();
    });
    // Not play() right away: before hls.js has set the element's source, play() would run the
    // element's load algorithm against an empty source. The autoplay attribute covers the rest.
    hls.on(Events.MANIFEST_PARSED, () => this.play());
    hls.loadSource(url);
    hls.attachMedia(this.video);
    this.watchFirstFrame(generation);
  }

  /** Stops network activity and keeps the picture (a failed stream's last frame stays up). */
  stopLoading(): void {
    this.hls?.stopLoad();
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
    if (this.hls && !this.destroyed) skipGopGap(this.video);
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
    this.frags = [];
    this.codecName = null;
    this.playingSn = null;
    this.edgeSn = null;
    this.ingestedStream = false;
    this.dropRtc();
    if (this.held) {
      this.gateway?.release(this.held);
      this.held = null;
    }
    const hls = this.hls;
    this.hls = null;
    if (hls) {
      // detachMedia() removes the MediaSource, revokes its URL and empties the element.
      hls.detachMedia();
      hls.destroy();
    }
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
