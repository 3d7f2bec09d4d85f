import fs from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../clock';
import { readDemoManifest, type ManifestStream, type StreamKind } from './demo-manifest';
import { splitFragmentedMp4, type FragmentedClip } from './fmp4';
import { liveWindow, loopTimeline, isServable, segmentAt, type LoopTimeline } from './live-timeline';
import { restampFragment } from './loop-rewrite';
import { renderMediaPlaylist } from './playlist';

/**
 * The demo cameras: the pre-encoded clips of resources/demo-clips, loaded once
 * into memory (about 7 MB) and served as endless live HLS streams. No ffmpeg, no network.
 */

/**
 * How the registry names a demo stream: `/media/demo/<key>/<main|sub>/index.m3u8` (seeded cameras'
 * URLs). An address for the hub to recognise, not a route: the clips are served only through signed
 * paths from `media.open` (gateway/signed-routes.ts).
 */
export const DEMO_MEDIA_BASE = '/media/demo';
/** A camera key whose playlist is deliberately not a playlist, for the error state of a tile. */
export const BROKEN_CAMERA_KEY = 'broken';
/** Media time 0 of every demo stream (minus its camera's phase): 2026-01-01T00:00:00Z. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1);
/** Segments per playlist: 6 × 1 s leaves hls.js room for its 3-segment live sync distance. */
export const DEFAULT_WINDOW_SIZE = 6;

export interface DemoMediaOptions {
  clock?: Clock;
  epochMs?: number;
  windowSize?: number;
  /**
   * Demo streams may be stopped and started (the contract's demo.setRunning, for tests and training),
   * and the deliberately broken demo camera is registered. Off by default.
   */
  control?: boolean;
}

export interface DemoStreamInfo {
  /** The registry's name of the stream (DEMO_MEDIA_BASE); played through media.open's signed path. */
  url: string;
  width: number;
  height: number;
  fps: number;
  codecs: string;
  /** Average bits per second over the clip (for a multivariant playlist or the stats overlay). */
  bandwidth: number;
}

export interface DemoCamera {
  key: string;
  name: string;
  workstationId: string;
  main: DemoStreamInfo;
  sub: DemoStreamInfo;
}

/** Internal to loadDemoMedia; exported only because DemoMedia's constructor names it. */
export interface LoadedStream {
  clip: FragmentedClip;
  timeline: LoopTimeline;
}

export interface LoadedCamera {
  info: DemoCamera;
  /** Media time 0 of this camera: the common epoch moved back by a per-camera phase. */
  epochMs: number;
  streams: Record<StreamKind, LoadedStream>;
}

/** What a route answers with; media-routes.ts turns it into HTTP. */
export type MediaResult =
  | { kind: 'playlist'; text: string }
  | { kind: 'init' | 'segment'; bytes: Buffer }
  | { kind: 'not-found' }
  | { kind: 'stopped' }
  | { kind: 'malformed'; text: string };

export function streamUrl(key: string, stream: StreamKind): string {
  return `${DEMO_MEDIA_BASE}/${key}/${stream}/index.m3u8`;
}

export class DemoMedia {
  readonly cameras: readonly DemoCamera[];
  /** Registered like a camera, but its playlist is garbage: the player must show an error state. */
  readonly broken: DemoCamera;
  readonly control: boolean;
  private readonly byKey: ReadonlyMap<string, LoadedCamera>;
  private readonly stopped = new Set<string>();
  private readonly listeners = new Set<(key: string, running: boolean) => void>();
  private readonly clock: Clock;
  private readonly windowSize: number;

  constructor(cameras: readonly LoadedCamera[], options: DemoMediaOptions = {}) {
    this.byKey = new Map(cameras.map((c) => [c.info.key, c]));
    this.cameras = cameras.map((c) => c.info);
    this.clock = options.clock ?? systemClock;
    this.windowSize = options.windowSize ?? DEFAULT_WINDOW_SIZE;
    if (!Number.isInteger(this.windowSize) || this.windowSize < 1) throw new Error('windowSize must be ≥ 1');
    this.control = options.control === true;
    const template = this.cameras[0];
    const brokenStream = (stream: StreamKind): DemoStreamInfo => ({
      ...(template?.[stream] ?? { width: 0, height: 0, fps: 0, codecs: '', bandwidth: 0 }),
      url: streamUrl(BROKEN_CAMERA_KEY, stream),
    });
    this.broken = {
      key: BROKEN_CAMERA_KEY,
      name: '演示故障摄像机（损坏的播放列表）',
      // Placed beside the first demo camera; it only exists to show a tile's error state.
      workstationId: template?.workstationId ?? '',
      main: brokenStream('main'),
      sub: brokenStream('sub'),
    };
  }

  /** The demo media's clock: media time on every stream's timeline (HLS and WebRTC alike). */
  now(): number {
    return this.clock();
  }

  /** A demo stream of that key exists (the broken camera's is not one). */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  isRunning(key: string): boolean {
    return this.byKey.has(key) && !this.stopped.has(key);
  }

  /**
   * A demo stream's clip, loop timeline and media time 0 (the demo cameras' WebRTC feed plays the
   * same clip on the same timeline as its HLS, main/media/demo-rtc); null for an unknown key.
   */
  stream(key: string, stream: StreamKind): (LoadedStream & { epochMs: number }) | null {
    const camera = this.byKey.get(key);
    return camera ? { ...camera.streams[stream], epochMs: camera.epochMs } : null;
  }

  /** The camera goes dark: its playlist, init and segments answer 503 until start(). */
  stop(key: string): boolean {
    if (!this.byKey.has(key)) return false;
    if (!this.stopped.has(key)) {
      this.stopped.add(key);
      this.emit(key, false);
    }
    return true;
  }

  /** Back on air at the live edge of now, as a camera that comes back would be. */
  start(key: string): boolean {
    if (!this.byKey.has(key)) return false;
    if (this.stopped.delete(key)) this.emit(key, true);
    return true;
  }

  /** Told of every stop/start (e.g. for the camera tree's online state). Returns unsubscribe. */
  onChange(listener: (key: string, running: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  playlist(key: string, stream: StreamKind): MediaResult {
    if (key === BROKEN_CAMERA_KEY) {
      // Well-formed HTTP, 200, plausible text — but no #EXTM3U: a parser must reject it.
      return { kind: 'malformed', text: 'camera offline: stream not configured\n<html>not a playlist</html>\n' };
    }
    const found = this.live(key, stream);
    if ('kind' in found) return found;
    const { camera, loaded } = found;
    const segments = liveWindow(loaded.timeline, this.clock() - camera.epochMs, this.windowSize);
    const text = renderMediaPlaylist({
      timeline: loaded.timeline,
      segments,
      epochMs: camera.epochMs,
      initUri: 'init.mp4',
      segmentUri: (seq) => `${seq}.m4s`,
    });
    return { kind: 'playlist', text };
  }

  init(key: string, stream: StreamKind): MediaResult {
    const found = this.live(key, stream);
    if ('kind' in found) return found;
    return { kind: 'init', bytes: found.loaded.clip.init };
  }

  segment(key: string, stream: StreamKind, seq: number): MediaResult {
    const found = this.live(key, stream);
    if ('kind' in found) return found;
    const { camera, loaded } = found;
    if (!isServable(loaded.timeline, this.clock() - camera.epochMs, this.windowSize, seq)) return { kind: 'not-found' };
    const live = segmentAt(loaded.timeline, seq);
    const fragment = loaded.clip.fragments[live.index];
    if (!fragment) return { kind: 'not-found' }; // unreachable: the timeline has one entry per fragment
    // mfhd numbers start at 1 (ISO/IEC 14496-12 §8.8.5).
    return { kind: 'segment', bytes: restampFragment(fragment, live.decodeTime, seq + 1) };
  }

  private live(
    key: string,
    stream: StreamKind,
  ): { camera: LoadedCamera; loaded: LoadedStream } | { kind: 'not-found' | 'stopped' } {
    const camera = this.byKey.get(key);
    if (!camera) return { kind: 'not-found' };
    if (this.stopped.has(key)) return { kind: 'stopped' };
    return { camera, loaded: camera.streams[stream] };
  }

  private emit(key: string, running: boolean): void {
    for (const listener of this.listeners) listener(key, running);
  }
}

/** Per-camera phase: cameras loop out of step, so tiles never all jump back at once. */
function phaseMs(index: number, clipSeconds: number): number {
  return (index * 1000) % Math.max(1000, Math.round(clipSeconds * 1000));
}

function loadStream(dir: string, entry: ManifestStream, where: string): { loaded: LoadedStream; info: DemoStreamInfo } {
  const clip = splitFragmentedMp4(fs.readFileSync(path.join(dir, entry.file)));
  const { fragments, track } = clip;
  if (fragments.length !== entry.segmentDurations.length) {
    throw new Error(`${where}: ${fragments.length} fragments, manifest says ${entry.segmentDurations.length}`);
  }
  const unplayable = fragments.findIndex((f) => !f.startsWithKeyframe);
  if (unplayable >= 0) throw new Error(`${where}: fragment ${unplayable} does not start with a keyframe`);
  const timeline = loopTimeline(
    track.timescale,
    fragments.map((f) => f.duration),
  );
  const seconds = Number(timeline.loopTicks) / track.timescale;
  const mediaBytes = fragments.reduce((sum, f) => sum + f.bytes.length, 0);
  return {
    loaded: { clip, timeline },
    info: {
      url: '',
      width: track.width,
      height: track.height,
      fps: entry.fps,
      codecs: track.codecs,
      bandwidth: Math.round((mediaBytes * 8) / seconds),
    },
  };
}

/** Reads the manifest and every clip in `dir` (see clips-dir.ts). Throws with the file at fault. */
export function loadDemoMedia(dir: string, options: DemoMediaOptions = {}): DemoMedia {
  const manifest = readDemoManifest(dir);
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const cameras = manifest.cameras.map((entry, index): LoadedCamera => {
    const main = loadStream(dir, entry.streams.main, `${entry.key}/main`);
    const sub = loadStream(dir, entry.streams.sub, `${entry.key}/sub`);
    const info: DemoCamera = {
      key: entry.key,
      name: entry.name,
      workstationId: entry.workstationId,
      main: { ...main.info, url: streamUrl(entry.key, 'main') },
      sub: { ...sub.info, url: streamUrl(entry.key, 'sub') },
    };
    return {
      info,
      epochMs: epochMs - phaseMs(index, manifest.clipSeconds),
      streams: { main: main.loaded, sub: sub.loaded },
    };
  });
  return new DemoMedia(cameras, options);
}
