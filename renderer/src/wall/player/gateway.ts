import type { CameraPlayback } from '../../../../common/contract/cameras';
import { isPlainHevc, type StreamState, type Unplayable } from '../../../../common/contract/media';
import type { Reason } from './health-machine';
import type { Failure } from './hls-errors';
import type { PlayerSource, StreamKind } from './types';

/**
 * The hub's camera gateway as the player layer sees it: a tile of a demo or RTSP
 * camera asks `media.open` for its stream and plays the signed HLS path it gets back; the camera's
 * own URL (with its credentials) never reaches this window. Streams are counted per window, so
 * `media.release` goes out when the last slot of this window lets go of a stream.
 */

/** What media.open answers that the player uses. */
export interface OpenAnswer {
  hlsUrl: string;
  webrtc: boolean;
  playback: CameraPlayback;
  unplayable: Unplayable | null;
  state: StreamState;
}

/** What the gateway client needs from the hub (the window's Api, narrowed; tests pass a fake). */
export interface GatewayLink {
  /** `hevc`: this window decodes H.265 (canDecodeHevc). */
  open(cameraId: string, stream: StreamKind, hevc: boolean): Promise<OpenAnswer>;
  release(cameraId: string, stream: StreamKind): Promise<unknown>;
  onState(listener: (state: StreamState) => void): () => void;
}

/** The gateway's reasons, as a tile names them. */
export const GATEWAY_REASONS: Record<NonNullable<StreamState['reason']>, Reason> = {
  unauthorized: { zh: '用户名或密码错误', en: 'wrong user name or password' },
  'not-found': { zh: '流地址不存在', en: 'stream path not found' },
  refused: { zh: '连接被拒绝', en: 'connection refused' },
  timeout: { zh: '连接超时', en: 'connection timed out' },
  unreachable: { zh: '网络不可达', en: 'network unreachable' },
  'unsupported-codec': { zh: '不支持的编码', en: 'unsupported codec' },
  ended: { zh: '码流已中断', en: 'stream ended' },
  'no-ffmpeg': { zh: '中枢未安装 ffmpeg', en: 'ffmpeg is not installed on the hub' },
  error: { zh: '网关错误', en: 'gateway error' },
};

/** Why a console cannot play a stream at all (media.open's `unplayable`), as the tile says it. */
export const UNPLAYABLE_REASONS: Record<Unplayable, Reason> = {
  'codec-h265': {
    zh: 'H.265 — 本机无法解码，请改用子码流或开启转码',
    en: 'H.265 — this console cannot decode it; use the sub stream or have transcoding enabled',
  },
};

/** The MSE codec string of H.265 Main profile as the gateway's fMP4 HLS tags it (hvc1). */
export const HEVC_MSE_TYPE = 'video/mp4; codecs="hvc1.1.6.L93.B0"';

/** This window decodes H.265 in MSE (e.g. Electron with hardware decoding; not Chromium on Linux). */
export function canDecodeHevc(): boolean {
  return typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(HEVC_MSE_TYPE);
}

const GATEWAY_OFFLINE: Reason = { zh: '网关离线', en: 'gateway offline' };
/** How long an attempt waits for a connecting ingest (the health machine times out at 10 s). */
export const GATEWAY_WAIT_MS = 12_000;

export function gatewayFailure(state: StreamState): Failure {
  return { kind: 'offline', reason: state.reason ? GATEWAY_REASONS[state.reason] : GATEWAY_OFFLINE };
}

export class GatewayFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason.en);
    this.name = 'GatewayFailure';
  }
}

export interface Opened {
  hlsUrl: string;
  webrtc: boolean;
  playback: CameraPlayback;
  /** The gateway ingests the stream (and says when it is back through media.state). */
  ingested: boolean;
}

export interface Gateway {
  /**
   * Opens the source's stream on the hub and resolves once it is live (waiting for a connecting
   * ingest), rejecting with GatewayFailure when it is offline. Each call takes one hold on the
   * stream: give it back with release().
   */
  open(source: PlayerSource): Promise<Opened>;
  release(source: PlayerSource): void;
  /** The gateway's state changes of every stream (the player filters its own). */
  onState(listener: (state: StreamState) => void): () => void;
}

/** The gateway's own HLS of an ingested stream: /media/s/<token>/live/… (demo: …/demo/…). */
const INGESTED_PATH = /^\/media\/s\/[^/]+\/live\//;

const keyOf = (cameraId: string, stream: StreamKind): string => `${cameraId}\n${stream}`;

/** One listener on the hub's media.state for the window, fanned out to the gateway's own listeners. */
function stateFanOut(link: GatewayLink): Gateway['onState'] {
  const listeners = new Set<(state: StreamState) => void>();
  let unlisten: (() => void) | null = null;
  return (listener) => {
    listeners.add(listener);
    unlisten ??= link.onState((state) => {
      for (const l of [...listeners]) {
        try {
          l(state);
        } catch (error) {
          console.error('[wall] gateway state listener', error);
        }
      }
    });
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && unlisten) {
        unlisten();
        unlisten = null;
      }
    };
  };
}

/**
 * Settles when the stream reads live (null) or offline (its failure) — or unplayable here — or
 * after waitMs; `last` is the last state seen (a cold ingest learns the codec while connecting).
 */
function watchStream(
  onState: Gateway['onState'],
  unplayable: (state: StreamState) => Failure | null,
  { cameraId, stream }: PlayerSource,
  waitMs: number,
) {
  let finish: (outcome: Failure | null) => void = () => undefined;
  let last: StreamState | null = null;
  const outcome = new Promise<Failure | null>((resolve) => {
    const timeout: Failure = { kind: 'offline', reason: GATEWAY_REASONS.timeout };
    const timer = setTimeout(() => finish(timeout), waitMs);
    const off = onState((state) => {
      if (state.cameraId !== cameraId || state.stream !== stream) return;
      last = state;
      const blocked = unplayable(state);
      if (blocked) finish(blocked);
      else if (state.state === 'live') finish(null);
      else if (state.state === 'offline') finish(gatewayFailure(state));
    });
    finish = (result) => {
      clearTimeout(timer);
      off();
      resolve(result);
    };
  });
  return { outcome, last: () => last, cancel: () => finish(null) };
}

export function createGateway(link: GatewayLink, waitMs = GATEWAY_WAIT_MS, hevc = canDecodeHevc()): Gateway {
  const holds = new Map<string, number>();
  const onState = stateFanOut(link);

  const unplayable = (state: StreamState): Failure | null =>
    isPlainHevc(state) && !hevc ? { kind: 'error', reason: UNPLAYABLE_REASONS['codec-h265'] } : null;

  return {
    async open(source) {
      const key = keyOf(source.cameraId, source.stream);
      holds.set(key, (holds.get(key) ?? 0) + 1);
      // Listen before asking, so a 'live' published between the answer and the wait is not missed.
      const watching = watchStream(onState, unplayable, source, waitMs);
      try {
        const answer = await link.open(source.cameraId, source.stream, hevc);
        const { state } = answer;
        if (answer.unplayable)
          throw new GatewayFailure({ kind: 'error', reason: UNPLAYABLE_REASONS[answer.unplayable] });
        if (state.state === 'offline') throw new GatewayFailure(gatewayFailure(state));
        let webrtc = answer.webrtc;
        // 'idle' is a stream the gateway does not ingest (demo clips, plain HLS): playable as is.
        if (state.state === 'connecting') {
          const failure = await watching.outcome;
          if (failure) throw new GatewayFailure(failure);
          // Offered before the codec was known: H.265 found meanwhile goes out over HLS only.
          const last = watching.last();
          if (last && isPlainHevc(last)) webrtc = false;
        }
        return {
          hlsUrl: answer.hlsUrl,
          webrtc,
          playback: answer.playback,
          ingested: INGESTED_PATH.test(answer.hlsUrl),
        };
      } finally {
        watching.cancel();
      }
    },
    release(source) {
      const key = keyOf(source.cameraId, source.stream);
      const count = (holds.get(key) ?? 0) - 1;
      if (count > 0) {
        holds.set(key, count);
        return;
      }
      holds.delete(key);
      link.release(source.cameraId, source.stream).catch(() => undefined);
    },
    onState,
  };
}
