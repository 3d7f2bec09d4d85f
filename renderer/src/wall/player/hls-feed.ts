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
import { GopBackBuffer } from './back-buffer';
import { forgiveGappedNoMedia } from './gop-join';
import { holdsKeyframe } from './keyframes';
import { classifyHlsError, type Failure } from './hls-errors';

/**
 * One hls.js instance feeding a slot's <video> (stream-slot.ts), and what the slot reads of it:
 * the codec, the bit rate of the last fragments, and where the playhead and the live edge are in
 * media sequence numbers (replay-mark.ts). A slot makes one per HLS load and drops it on unload.
 */

/** Fragments remembered for the bit rate: ~5 s of 1-s segments. */
const RATE_WINDOW = 5;

/** What the feed tells its slot. */
export interface HlsFeedEvents {
  /** Still the slot's current load (a feed of an earlier load is ignored). */
  current(): boolean;
  failure(failure: Failure): void;
  /** Media was buffered: the slot checks for a keyframe gap before the playhead (gop-gap.ts). */
  buffered(): void;
  /** The manifest is parsed: the slot starts playing. */
  ready(): void;
}

export class HlsFeed {
  readonly hls: Hls;
  private frags: { bytes: number; seconds: number }[] = [];
  private codecName: string | null = null;
  /** Media sequence number of the fragment at the playhead (null before one plays). */
  private playing: number | null = null;
  /** The last media sequence number of the stream's newest playlist. */
  private edge: number | null = null;

  /** `ingested`: the playlist is the hub's own ingest, played closer to its live edge (hls-config.ts). */
  constructor(
    private readonly video: HTMLVideoElement,
    events: HlsFeedEvents,
    ingested: boolean,
  ) {
    const hls = new Hls(hlsConfigFor(ingested));
    this.hls = hls;
    hls.on(Events.ERROR, (_event, data: ErrorData) => {
      if (!events.current()) return;
      // A mid-GOP segment that parsed to nothing is skipped once, not reloaded (gop-join.ts).
      forgiveGappedNoMedia(data, hls.levels);
      const failure = classifyHlsError(data);
      if (failure) events.failure(failure);
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
    hls.on(Events.FRAG_BUFFERED, () => events.buffered());
    hls.on(Events.FRAG_CHANGED, (_event, data: FragChangedData) => {
      if (typeof data.frag.sn === 'number') this.playing = data.frag.sn;
      const end = backBuffer.evictionEnd(this.video.currentTime);
      const buffered = this.video.buffered;
      // Not for less than a second's worth: each removal is a SourceBuffer operation.
      if (end !== null && buffered.length > 0 && end > buffered.start(0) + 1) {
        hls.trigger(Events.BUFFER_FLUSHING, { startOffset: 0, endOffset: end, type: null });
      }
    });
    hls.on(Events.LEVEL_UPDATED, (_event, data: LevelUpdatedData) => {
      this.edge = data.details.endSN;
    });
    hls.on(Events.FRAG_LOADED, (_event, data: FragLoadedData) => {
      const bytes = data.frag.stats.loaded || data.payload.byteLength;
      this.frags.push({ bytes, seconds: data.frag.duration });
      if (this.frags.length > RATE_WINDOW) this.frags.shift();
    });
    // Not play() right away: before hls.js has set the element's source, play() would run the
    // element's load algorithm against an empty source. The autoplay attribute covers the rest.
    hls.on(Events.MANIFEST_PARSED, () => events.ready());
  }

  /** Starts loading `url` into the video (after the slot has taken the feed as its own). */
  start(url: string): void {
    this.hls.loadSource(url);
    this.hls.attachMedia(this.video);
  }

  /** Stops network activity; the element keeps its picture. */
  stopLoad(): void {
    this.hls.stopLoad();
  }

  get codec(): string | null {
    return this.codecName;
  }

  get playingSn(): number | null {
    return this.playing;
  }

  get edgeSn(): number | null {
    return this.edge;
  }

  /** Kilobits per second of the stream (fragment bytes over their media duration). */
  get kbps(): number | null {
    const seconds = this.frags.reduce((s, f) => s + f.seconds, 0);
    if (seconds <= 0) return null;
    return (this.frags.reduce((s, f) => s + f.bytes, 0) * 8) / seconds / 1000;
  }

  /** Seconds behind the live edge; null before the first playlist. */
  get latencySec(): number | null {
    const latency = this.hls.latency;
    return Number.isFinite(latency) && latency > 0 ? latency : null;
  }

  /** Frees hls.js: detachMedia() removes the MediaSource, revokes its URL and empties the element. */
  destroy(): void {
    this.hls.detachMedia();
    this.hls.destroy();
  }
}
