import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CameraStream } from '../../../common/contract/cameras';
import type { StreamState } from '../../../common/contract/media';
import type { CameraOnline } from '../../../common/domain/cameras';
import type { MediaEngine, RtpIngestPoint } from '../engine/types';
import {
  IngestSupervisor,
  type IngestOptions,
  type IngestOutput,
  type IngestState,
  type Scheduler,
  type Spawner,
  type VideoCodec,
} from '../ingest';

/**
 * The camera gateway (docs/wall-player.md#the-camera-gateway-hub-side): one ingest per camera stream (main and
 * sub apart), shared by every console watching it. The playable URL, credentials included, is read
 * from the registry inside the hub (CamerasService.streamUrl) and goes to ffmpeg only. Viewers are
 * counted per connection, so a console window that goes away releases what it watched; the ingest
 * stops idleStopMs after the last viewer leaves. HLS goes into `<dataDir>/media-live/<hash of the
 * camera id>/<stream>/` (owner-only), RTP to the WebRTC engine's producer when there is an engine.
 */

export const LIVE_DIR = 'media-live';

export interface GatewayCameras {
  /** The playable URL with its credentials; null for an unknown or disabled camera. */
  streamUrl(cameraId: string, stream: CameraStream): string | null;
  /** An administrator set the camera's H.265 streams to be transcoded to H.264. */
  transcodes(cameraId: string): boolean;
}

export interface GatewayOptions {
  dataDir: string;
  cameras: GatewayCameras;
  engine?: MediaEngine | null;
  ffmpegPath?: string;
  idleStopMs?: number;
  scheduler?: Scheduler;
  spawner?: Spawner;
  /** Further ingest settings (timeouts, back-off), for tests and tuning. */
  ingest?: Partial<Omit<IngestOptions, 'url' | 'outputs'>>;
  /** Redacted lines from the ingests (never a URL with credentials). */
  log?: (line: string) => void;
}

export interface OpenedStream {
  state: StreamState;
  /**
   * The stream goes to the WebRTC engine as H.264 RTP: an engine producer exists, and the camera
   * is H.264 (or not known yet) or H.265 transcoded.
   */
  webrtc: boolean;
}

/** Called on every change of a stream's state, with the connections watching it. */
export type GatewayListener = (state: StreamState, viewers: readonly string[]) => void;

interface Entry {
  key: string;
  cameraId: string;
  stream: CameraStream;
  url: string;
  /** The camera's transcode setting this ingest was made with. */
  transcode: boolean;
  dir: string;
  rtp: RtpIngestPoint | null;
  supervisor: IngestSupervisor;
  /** Opens per connection id. */
  viewers: Map<string, number>;
  last: StreamState;
  /** What the tree shows: the last live or offline seen (an idle-stopped stream keeps it). */
  known: CameraOnline;
}

/** Online if any of the streams was last seen live, else offline if one was seen at all. */
function lastSeen(entries: readonly Entry[]): CameraOnline {
  const known = entries.map((e) => e.known).filter((k) => k !== 'unknown');
  if (known.includes('online')) return 'online';
  return known[0] ?? 'unknown';
}

/** The engine's producer key (and the gateway's) for a camera stream. */
export function producerKey(cameraId: string, stream: CameraStream): string {
  return `${cameraId}/${stream}`;
}

/** A directory name for a camera id whatever its text (ids are free text up to 32 characters). */
export function cameraDirName(cameraId: string): string {
  return createHash('sha256').update(cameraId).digest('hex').slice(0, 24);
}

function toStreamState(cameraId: string, stream: CameraStream, s: IngestState, transcode: boolean): StreamState {
  return {
    cameraId,
    stream,
    state: s.status,
    reason: s.status === 'offline' ? s.reason : null,
    codec: s.codec,
    transcoded: transcode && s.codec === 'hevc',
  };
}

function sameState(a: StreamState, b: StreamState): boolean {
  return a.state === b.state && a.reason === b.reason && a.codec === b.codec && a.transcoded === b.transcoded;
}

/** A codec an ingest's command line can be made for, from what an earlier ingest saw. */
function knownCodec(codec: string | null | undefined): VideoCodec | undefined {
  return codec === 'h264' || codec === 'hevc' ? codec : undefined;
}

export class CameraGateway {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly listeners = new Set<GatewayListener>();
  private readonly root: string;
  private closed = false;

  constructor(private readonly options: GatewayOptions) {
    this.root = path.join(options.dataDir, LIVE_DIR);
  }

  get engine(): MediaEngine | null {
    return this.options.engine ?? null;
  }

  onState(listener: GatewayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * This connection watches the stream: the first viewer anywhere starts the ingest. Throws when
   * the camera is unknown or disabled (callers check that first, with the contract's errors).
   */
  async open(connId: string, cameraId: string, stream: CameraStream): Promise<OpenedStream> {
    if (this.closed) throw new Error('The camera gateway is closed');
    const entry = await this.entry(cameraId, stream);
    entry.viewers.set(connId, (entry.viewers.get(connId) ?? 0) + 1);
    entry.supervisor.acquire();
    const state = toStreamState(cameraId, stream, entry.supervisor.state(), entry.transcode);
    const h264 = state.codec === null || state.codec === 'h264' || state.transcoded;
    return { state, webrtc: entry.rtp !== null && h264 };
  }

  /** One open of this connection ends (a tile went away); unknown streams are ignored. */
  release(connId: string, cameraId: string, stream: CameraStream): void {
    const entry = this.entries.get(producerKey(cameraId, stream));
    const count = entry?.viewers.get(connId) ?? 0;
    if (!entry || count === 0) return;
    if (count === 1) entry.viewers.delete(connId);
    else entry.viewers.set(connId, count - 1);
    entry.supervisor.release();
  }

  /** Everything this connection watched (its window closed or its socket dropped). */
  releaseAll(connId: string): void {
    for (const entry of this.entries.values()) {
      const count = entry.viewers.get(connId) ?? 0;
      entry.viewers.delete(connId);
      for (let i = 0; i < count; i++) entry.supervisor.release();
    }
  }

  /** How many ingests there are and in which state (the hub's health; main/hub-health.ts). */
  summary(): Record<StreamState['state'], number> {
    const counts: Record<StreamState['state'], number> = { idle: 0, connecting: 0, live: 0, offline: 0 };
    for (const entry of this.entries.values()) counts[entry.last.state] += 1;
    return counts;
  }

  /** The stream's state; idle for a stream never opened. */
  state(cameraId: string, stream: CameraStream): StreamState {
    const entry = this.entries.get(producerKey(cameraId, stream));
    return entry ? entry.last : { cameraId, stream, state: 'idle', reason: null, codec: null, transcoded: false };
  }

  /** Connection ids watching the stream. */
  viewers(cameraId: string, stream: CameraStream): string[] {
    return [...(this.entries.get(producerKey(cameraId, stream))?.viewers.keys() ?? [])];
  }

  /** Where the stream's HLS is written, once the gateway has ingested it. */
  hlsDir(cameraId: string, stream: CameraStream): string | null {
    return this.entries.get(producerKey(cameraId, stream))?.dir ?? null;
  }

  /**
   * The camera tree's online state. A stream being watched tells it now: live on any → online; else
   * what the watched ones last saw (a retrying ingest stays offline). With none watched, the last
   * seen of any stream (an idle-stopped stream keeps it); unknown if never opened. An idle stream's
   * old "live" must not hide a watched stream's failure.
   */
  online(cameraId: string): CameraOnline {
    const entries = (['main', 'sub'] as const)
      .map((s) => this.entries.get(producerKey(cameraId, s)))
      .filter((e): e is Entry => e !== undefined);
    const watched = entries.filter((e) => e.last.state !== 'idle');
    if (watched.some((e) => e.last.state === 'live')) return 'online';
    const now = lastSeen(watched);
    return now === 'unknown' ? lastSeen(entries) : now;
  }

  /**
   * The camera was edited, disabled or deleted: an ingest with an outdated URL restarts with the new
   * one (its viewers kept), one whose camera is gone or disabled stops and reads idle to its viewers.
   */
  async refresh(cameraId: string): Promise<void> {
    for (const stream of ['main', 'sub'] as const) {
      const key = producerKey(cameraId, stream);
      const entry = this.entries.get(key);
      if (!entry || this.closed) continue;
      const url = this.options.cameras.streamUrl(cameraId, stream);
      if (url === entry.url && this.options.cameras.transcodes(cameraId) === entry.transcode) continue;
      if (url !== null) {
        if (!this.pending.has(key)) await this.entry(cameraId, stream);
        continue;
      }
      this.entries.delete(key);
      const viewers = [...entry.viewers.keys()];
      await this.closeEntry(entry);
      this.emit(key, { ...entry.last, state: 'idle', reason: null }, viewers);
    }
  }

  /** Stops every ingest (hub shutdown); resolves once every ffmpeg has exited. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.pending.values()]);
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((e) => this.closeEntry(e)));
  }

  private async closeEntry(entry: Entry): Promise<void> {
    await entry.supervisor.close();
    if (entry.rtp) this.options.engine?.closeProducer(entry.key);
  }

  private async entry(cameraId: string, stream: CameraStream): Promise<Entry> {
    const key = producerKey(cameraId, stream);
    const url = this.options.cameras.streamUrl(cameraId, stream);
    if (url === null) throw new Error('No such camera stream');
    const transcode = this.options.cameras.transcodes(cameraId);
    const existing = this.entries.get(key);
    if (existing && existing.url === url && existing.transcode === transcode) return existing;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const made = this.makeEntry(key, { cameraId, stream, url, transcode }, existing).finally(() =>
      this.pending.delete(key),
    );
    this.pending.set(key, made);
    return made;
  }

  /**
   * A new ingest; an entry for the same stream with an older URL or transcode setting (edited
   * camera) is replaced, its viewers kept and its codec reused when the camera is the same.
   */
  private async makeEntry(
    key: string,
    made: Pick<Entry, 'cameraId' | 'stream' | 'url' | 'transcode'>,
    replaced: Entry | undefined,
  ): Promise<Entry> {
    const { cameraId, stream, url, transcode } = made;
    const engine = this.options.engine ?? null;
    let rtp: RtpIngestPoint | null = null;
    if (replaced) {
      this.entries.delete(key);
      await this.closeEntry(replaced);
    }
    if (engine) {
      try {
        rtp = await engine.rtpProducer(key);
      } catch (error) {
        // WebRTC is then unavailable for this stream; HLS still plays.
        this.options.log?.(`gateway ${key}: no WebRTC producer: ${String(error)}`);
      }
    }
    if (this.closed) {
      if (rtp) engine?.closeProducer(key);
      throw new Error('The camera gateway is closed');
    }
    fs.mkdirSync(this.root, { recursive: true, mode: 0o700 });
    const dir = path.join(this.root, cameraDirName(cameraId), stream);
    const outputs: IngestOutput[] = [{ kind: 'hls', dir }];
    if (rtp) {
      outputs.push({
        kind: 'rtp',
        port: rtp.port,
        payloadType: rtp.payloadType,
        ssrc: rtp.ssrc,
        rtcpPort: rtp.port,
      });
    }
    const o = this.options;
    const codec = replaced?.url === url ? knownCodec(replaced.last.codec) : undefined;
    const supervisor = new IngestSupervisor({
      ...o.ingest,
      url,
      outputs,
      transcode,
      ...(codec === undefined ? {} : { codec }),
      label: key,
      ...(o.ffmpegPath === undefined ? {} : { ffmpegPath: o.ffmpegPath }),
      ...(o.idleStopMs === undefined ? {} : { idleStopMs: o.idleStopMs }),
      ...(o.scheduler === undefined ? {} : { scheduler: o.scheduler }),
      ...(o.spawner === undefined ? {} : { spawner: o.spawner }),
      ...(o.log === undefined ? {} : { log: o.log }),
    });
    const entry: Entry = {
      key,
      cameraId,
      stream,
      url,
      transcode,
      dir,
      rtp,
      supervisor,
      viewers: replaced?.viewers ?? new Map<string, number>(),
      last: toStreamState(cameraId, stream, supervisor.state(), transcode),
      known: 'unknown',
    };
    supervisor.onState((s) => this.changed(entry, s));
    this.entries.set(key, entry);
    // Viewers of the replaced ingest keep watching the new one.
    for (const count of entry.viewers.values()) for (let i = 0; i < count; i++) supervisor.acquire();
    return entry;
  }

  private changed(entry: Entry, s: IngestState): void {
    const next = toStreamState(entry.cameraId, entry.stream, s, entry.transcode);
    if (s.status === 'live') entry.known = 'online';
    else if (s.status === 'offline') entry.known = 'offline';
    if (sameState(next, entry.last)) return;
    entry.last = next;
    this.emit(entry.key, next, [...entry.viewers.keys()]);
  }

  private emit(key: string, state: StreamState, viewers: readonly string[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(state, viewers);
      } catch (error) {
        this.options.log?.(`gateway ${key}: state listener failed: ${String(error)}`);
      }
    }
  }
}
