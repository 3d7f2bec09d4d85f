import crypto from 'node:crypto';
import type { CameraStream } from '../../../common/contract/cameras';
import type { StreamKind } from '../demo-manifest';
import type { DemoMedia } from '../demo-media';
import type { MediaEngine } from '../engine/types';
import { systemScheduler, type Scheduler } from '../ingest/scheduler';
import { clipSource, type ClipSource } from './clip-source';
import { DemoFeed } from './feed';
import { H264Packetizer } from './packetizer';

/** One picture's time at the demo clips' 25 fps. */
const PICTURE_MS = 40;

/**
 * The demo cameras over WebRTC: each demo stream a console opens is fed into the
 * WebRTC engine as RTP, packetized in the hub from the built-in clips — no ffmpeg. Like the camera
 * gateway's ingests, on demand: a stream's feed runs while at least one connection holds it open
 * (media.open … media.release) and its demo stream is on the air; its engine producer is closed
 * `idleStopMs` after the last viewer left. One timer paces every running feed; with nobody
 * watching there is no timer at all.
 *
 * Producers are keyed like the gateway's (`<cameraId>/<stream>`, gateway/camera-gateway.ts), so
 * media.rtc.consume finds a demo camera's stream the same way as an RTSP camera's.
 */

export interface DemoRtcOptions {
  media: DemoMedia;
  /** The WebRTC engine; without one (or one that cannot take pushed packets) demo streams are HLS only. */
  engine: MediaEngine | null;
  /** Timers (tests: a manual scheduler); the time on the clip timeline is the demo media's clock. */
  scheduler?: Pick<Scheduler, 'after'>;
  /** How long a stream's producer outlives its last viewer (default 30 s, as the gateway's ingests). */
  idleStopMs?: number;
  /** The pacing interval (default 10 ms: a picture is late by at most that). */
  tickMs?: number;
  log?: (line: string) => void;
}

/** The demo stream a registry camera's stream plays. */
export interface DemoStreamRef {
  key: string;
  stream: StreamKind;
}

interface Entry {
  producerKey: string;
  cameraId: string;
  stream: CameraStream;
  demo: DemoStreamRef;
  /** Opens per connection id. */
  viewers: Map<string, number>;
  /** Made once the engine's producer exists; null when WebRTC is not available for it. */
  ready: Promise<DemoFeed | null>;
  feed: DemoFeed | null;
  cancelIdle: (() => void) | null;
}

const producerKeyOf = (cameraId: string, stream: CameraStream): string => `${cameraId}/${stream}`;

export class DemoRtc {
  private readonly entries = new Map<string, Entry>();
  private readonly sources = new Map<string, ClipSource>();
  private readonly scheduler: Pick<Scheduler, 'after'>;
  private readonly offMedia: () => void;
  private cancelTick: (() => void) | null = null;
  private closed = false;

  constructor(private readonly options: DemoRtcOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.offMedia = options.media.onChange((key, running) => this.onAir(key, running));
  }

  /** Whether demo streams can be offered over WebRTC at all. */
  get available(): boolean {
    return typeof this.options.engine?.packetProducer === 'function';
  }

  /**
   * This connection watches a camera stream that plays `demo`: its feed starts (primed from the
   * last IDR) if it was not running. Resolves whether the stream can be consumed over WebRTC.
   * Unknown demo streams (the broken camera's) are not held and answer false.
   */
  async open(connId: string, cameraId: string, stream: CameraStream, demo: DemoStreamRef): Promise<boolean> {
    if (this.closed || !this.options.media.has(demo.key)) return false;
    const key = producerKeyOf(cameraId, stream);
    let entry = this.entries.get(key);
    if (entry && (entry.demo.key !== demo.key || entry.demo.stream !== demo.stream)) {
      // The camera now plays another demo stream (edited): a new feed, the viewers kept.
      this.drop(entry);
      entry = this.makeEntry(cameraId, stream, demo, entry.viewers);
      this.entries.set(key, entry);
    }
    if (!entry) {
      entry = this.makeEntry(cameraId, stream, demo);
      this.entries.set(key, entry);
    }
    entry.viewers.set(connId, (entry.viewers.get(connId) ?? 0) + 1);
    entry.cancelIdle?.();
    entry.cancelIdle = null;
    const feed = await entry.ready;
    if (feed && this.entries.get(key) === entry) this.startFeeds();
    return feed !== null;
  }

  /** One open of this connection ends; unknown streams are ignored. */
  release(connId: string, cameraId: string, stream: CameraStream): void {
    const entry = this.entries.get(producerKeyOf(cameraId, stream));
    const count = entry?.viewers.get(connId) ?? 0;
    if (!entry || count === 0) return;
    if (count === 1) entry.viewers.delete(connId);
    else entry.viewers.set(connId, count - 1);
    this.idleIfUnwatched(entry);
  }

  /** Everything this connection watched (its socket closed). */
  releaseAll(connId: string): void {
    for (const entry of this.entries.values()) {
      if (entry.viewers.delete(connId)) this.idleIfUnwatched(entry);
    }
  }

  /** The camera was edited, disabled or deleted: its demo feeds stop and its producers close. */
  forget(cameraId: string): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.cameraId === cameraId) this.drop(entry);
    }
  }

  /** Connection ids watching a camera stream through the demo media. */
  viewers(cameraId: string, stream: CameraStream): string[] {
    return [...(this.entries.get(producerKeyOf(cameraId, stream))?.viewers.keys() ?? [])];
  }

  /** What runs now, for the tests and the console's diagnostics. */
  stats(): { streams: number; feeding: number; ticking: boolean } {
    const feeding = [...this.entries.values()].filter((e) => e.feed?.running).length;
    return { streams: this.entries.size, feeding, ticking: this.cancelTick !== null };
  }

  close(): void {
    this.closed = true;
    this.offMedia();
    this.cancelTick?.();
    this.cancelTick = null;
    for (const entry of [...this.entries.values()]) this.drop(entry);
  }

  private makeEntry(
    cameraId: string,
    stream: CameraStream,
    demo: DemoStreamRef,
    viewers = new Map<string, number>(),
  ): Entry {
    const producerKey = producerKeyOf(cameraId, stream);
    const entry: Entry = {
      producerKey,
      cameraId,
      stream,
      demo,
      viewers,
      ready: Promise.resolve(null),
      feed: null,
      cancelIdle: null,
    };
    entry.ready = this.makeFeed(entry).then((feed) => {
      if (feed && this.entries.get(producerKey) !== entry) {
        // Dropped while the producer was being made (and not replaced by a newer feed of the key).
        if (!this.entries.has(producerKey)) this.options.engine?.closeProducer(producerKey);
        return null;
      }
      entry.feed = feed;
      return feed;
    });
    return entry;
  }

  private async makeFeed(entry: Entry): Promise<DemoFeed | null> {
    const engine = this.options.engine;
    if (!engine?.packetProducer) return null;
    try {
      const source = this.source(entry.demo);
      const loaded = this.options.media.stream(entry.demo.key, entry.demo.stream);
      if (!source || !loaded) return null;
      const producer = await engine.packetProducer(entry.producerKey);
      // The engine rewrites SSRC and payload type per consumer; these only have to be consistent.
      const packetizer = new H264Packetizer({ ssrc: crypto.randomBytes(4).readUInt32BE(0), payloadType: 96 });
      // Each stream leaves at its own phase within a picture's time: cameras are not in step, and
      // 36 streams sent in the same millisecond make every console decode them in one burst.
      const phaseMs = crypto.createHash('sha1').update(entry.producerKey).digest().readUInt16BE(0) % PICTURE_MS;
      return new DemoFeed(source, loaded.epochMs + phaseMs, packetizer, (rtp) => producer.push(rtp));
    } catch (error) {
      // WebRTC is then unavailable for this stream; its HLS still plays.
      this.options.log?.(`demo ${entry.producerKey}: no WebRTC producer: ${String(error)}`);
      return null;
    }
  }

  /** The clip as pictures, made once per demo stream (a few hundred small views into the clip). */
  private source(demo: DemoStreamRef): ClipSource | null {
    const id = `${demo.key}/${demo.stream}`;
    const known = this.sources.get(id);
    if (known) return known;
    const loaded = this.options.media.stream(demo.key, demo.stream);
    if (!loaded) return null;
    const made = clipSource(loaded.clip, loaded.timeline);
    this.sources.set(id, made);
    return made;
  }

  private watched(entry: Entry): boolean {
    return entry.viewers.size > 0 && this.options.media.isRunning(entry.demo.key);
  }

  /** Primes the feeds that should run and are not running yet, and makes sure the pacer runs. */
  private startFeeds(): void {
    const now = this.options.media.now();
    for (const entry of this.entries.values()) {
      if (entry.feed && !entry.feed.running && this.watched(entry)) entry.feed.tick(now);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.cancelTick || this.closed) return;
    if (![...this.entries.values()].some((e) => e.feed?.running)) return;
    this.cancelTick = this.scheduler.after(this.options.tickMs ?? 10, () => {
      this.cancelTick = null;
      this.tick();
    });
  }

  private tick(): void {
    const now = this.options.media.now();
    for (const entry of this.entries.values()) {
      const feed = entry.feed;
      if (!feed?.running) continue;
      try {
        if (this.watched(entry)) feed.tick(now);
        else feed.stop();
      } catch (error) {
        // One stream's fault must not stop the others (nor the timer).
        feed.stop();
        this.options.log?.(`demo ${entry.producerKey}: feed failed: ${String(error)}`);
      }
    }
    this.schedule();
  }

  /** A demo stream went off the air or came back (demo.setRunning): its feeds follow. */
  private onAir(key: string, running: boolean): void {
    for (const entry of this.entries.values()) {
      if (entry.demo.key === key && !running) entry.feed?.stop();
    }
    if (running) this.startFeeds();
  }

  private idleIfUnwatched(entry: Entry): void {
    if (entry.viewers.size > 0 || entry.cancelIdle) return;
    // The pictures stop now; the producer (and its cached keyframe) goes after the idle time.
    entry.feed?.stop();
    entry.cancelIdle = this.scheduler.after(this.options.idleStopMs ?? 30_000, () => {
      entry.cancelIdle = null;
      if (entry.viewers.size === 0 && this.entries.get(entry.producerKey) === entry) this.drop(entry);
    });
  }

  private drop(entry: Entry): void {
    entry.cancelIdle?.();
    entry.cancelIdle = null;
    entry.feed?.stop();
    entry.feed = null;
    if (this.entries.get(entry.producerKey) === entry) this.entries.delete(entry.producerKey);
    // A producer still being made is closed when it arrives (makeEntry).
    this.options.engine?.closeProducer(entry.producerKey);
  }
}
