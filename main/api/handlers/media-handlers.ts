import { ApiError, apiError } from '../../../common/contract';
import type { CameraStream } from '../../../common/contract/cameras';
import type { mediaMethods, StreamState } from '../../../common/contract/media';
import { DEMO_MEDIA_BASE } from '../../media/demo-media';
import { demoStreamOf } from '../../media/demo-online';
import type { MediaEngine } from '../../media/engine/types';
import {
  demoScope,
  extScope,
  liveScope,
  playbackAnswer,
  producerKey,
  signMediaToken,
  signedMediaPath,
  type CameraGateway,
} from '../../media/gateway';
import { hashToken } from '../../services/auth/sessions-repo';
import type { OnlineState } from '../../services/cameras/camera-dto';
import type { CamerasService } from '../../services/cameras/cameras-service';
import type { Handler, HandlerContext } from '../handler-types';

export interface MediaDeps {
  cameras: CamerasService;
  gateway: CameraGateway;
  /** HMAC key of signed media paths (hub.keys.mediaKey). */
  mediaKey: Buffer;
  clock: () => number;
  /** The camera tree's online state (demo streams' running state among others). */
  online: OnlineState;
  /** Demo cameras over WebRTC (main/media/demo-rtc): their feeds, held open like the gateway's ingests. */
  demo?: DemoStreams | undefined;
  /** How long a signed path is good for at most (each request also needs the session live). */
  urlLifetimeMs?: number;
  log?: (line: string) => void;
}

type MediaHandlers = { [M in keyof typeof mediaMethods]: Handler<M> };

/** What media.open/release need of the demo feeds (DemoRtc). */
export interface DemoStreams {
  /** Holds the stream for the connection; whether it can be consumed over WebRTC. */
  open(
    connId: string,
    cameraId: string,
    stream: CameraStream,
    demo: { key: string; stream: CameraStream },
  ): Promise<boolean>;
  release(connId: string, cameraId: string, stream: CameraStream): void;
}

const DEFAULT_URL_LIFETIME_MS = 12 * 3600_000;
const DEMO_PATH = new RegExp(`^${DEMO_MEDIA_BASE}/([a-z0-9][a-z0-9-]{0,31})/(main|sub)/index\\.m3u8$`);

const noEngine = () => apiError('E_CONFLICT', 'WebRTC 引擎不可用', 'WebRTC engine unavailable');

/**
 * The gateway's signalling (common/contract/media.ts). Every camera is visible to
 * every camera-viewing role (camera-visibility.ts; the router checks the role), so the checks here
 * are that the camera exists and is enabled. Answers never carry a URL with credentials: RTSP
 * cameras are played through the gateway's signed HLS path, a demo camera through its own signed
 * path, and an HLS camera's URL is handed out only when it holds no credentials.
 */
export function mediaHandlers(deps: MediaDeps): MediaHandlers {
  const { cameras, gateway } = deps;
  const lifetime = deps.urlLifetimeMs ?? DEFAULT_URL_LIFETIME_MS;

  const sign = (ctx: HandlerContext, scope: string): string => {
    const token = signMediaToken(deps.mediaKey, {
      session: hashToken(ctx.requireSession().token),
      scope,
      expiresAt: deps.clock() + lifetime,
    });
    return signedMediaPath(token, scope);
  };

  /** The camera, enabled, and the stream's stored (masked) URL. */
  const playable = (cameraId: string, stream: CameraStream) => {
    const camera = cameras.get(cameraId);
    if (!camera.enabled) {
      throw apiError('E_CONFLICT', `摄像机 ${camera.id} 已停用`, `Camera ${camera.id} is disabled`);
    }
    const sub = stream === 'sub' && camera.subUrl !== null;
    return { camera, url: sub ? (camera.subUrl ?? camera.mainUrl) : camera.mainUrl };
  };

  const engineOf = (): MediaEngine => {
    const engine = gateway.engine;
    if (!engine) throw noEngine();
    return engine;
  };

  /** Engine failures that are not the contract's own errors read as a conflict, never internal. */
  const engineCall = async <T>(what: string, run: () => Promise<T> | T): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      deps.log?.(`media: ${what} failed: ${String(error)}`);
      throw apiError('E_CONFLICT', 'WebRTC 操作失败，请重试', 'The WebRTC operation failed; try again');
    }
  };

  const open = async (
    ctx: HandlerContext,
    { cameraId, stream, hevc }: { cameraId: string; stream: CameraStream; hevc: boolean },
  ) => {
    const { camera, url } = playable(cameraId, stream);
    const idle: StreamState = {
      cameraId: camera.id,
      stream,
      state: 'idle',
      reason: null,
      codec: null,
      transcoded: false,
    };
    const answer = (hlsUrl: string, state: StreamState, ingested: boolean, producer: boolean) => ({
      hlsUrl,
      state,
      playback: camera.playback,
      ...playbackAnswer({ playback: camera.playback, ingested, producer, state, hevcDecoder: hevc }),
    });

    const demo = DEMO_PATH.exec(url);
    if (demo?.[1] && demo[2]) {
      const online = deps.online(camera);
      const state: StreamState = {
        ...idle,
        state: online === 'online' ? 'live' : online === 'offline' ? 'offline' : 'idle',
        reason: online === 'offline' ? 'ended' : null,
        codec: 'h264',
      };
      // The hub feeds a demo stream itself (main/media/demo-rtc): WebRTC where its engine takes packets.
      const held = demoStreamOf(url);
      const fed = held ? ((await deps.demo?.open(ctx.conn.id, camera.id, stream, held)) ?? false) : false;
      return answer(sign(ctx, demoScope(demo[1], demo[2])), state, held !== null, fed);
    }
    if (/^rtsps?:\/\//i.test(url)) {
      const opened = await gateway.open(ctx.conn.id, camera.id, stream);
      return answer(sign(ctx, liveScope(camera.id, stream)), opened.state, true, opened.webrtc);
    }
    // HLS on another server: through the hub's proxy (main/media/hls-proxy/), credentials and all.
    if (/^https?:\/\//i.test(url)) return answer(sign(ctx, extScope(camera.id, stream)), idle, false, false);
    throw apiError(
      'E_CONFLICT',
      `摄像机 ${camera.id} 的码流不能经网关播放（仅 RTSP、HLS 和演示流）`,
      `Camera ${camera.id} cannot be played through the gateway (RTSP, HLS and demo streams only)`,
    );
  };

  /**
   * The media.open calls still running, per connection and stream: a console asks for its consumer
   * right behind media.open (rtc-choice.ts consumeEarly), and that consume waits for the open to
   * have made the stream's producer.
   */
  const opening = new Map<string, Promise<unknown>>();
  const openingKey = (connId: string, cameraId: string, stream: CameraStream) => `${connId}\n${cameraId}\n${stream}`;
  const tracked = <T>(key: string, run: Promise<T>): Promise<T> => {
    opening.set(key, run);
    const forget = () => {
      if (opening.get(key) === run) opening.delete(key);
    };
    run.then(forget, forget);
    return run;
  };

  return {
    'media.open': (ctx, input) => tracked(openingKey(ctx.conn.id, input.cameraId, input.stream), open(ctx, input)),

    'media.release': (ctx, { cameraId, stream }) => {
      gateway.release(ctx.conn.id, cameraId, stream);
      deps.demo?.release(ctx.conn.id, cameraId, stream);
      // The same answer as every other id check for a camera that does not exist.
      cameras.get(cameraId);
      return null;
    },

    'media.rtc.capabilities': () => {
      const engine = engineOf();
      return { engine: engine.kind, routerRtpCapabilities: engine.routerRtpCapabilities() };
    },
    'media.rtc.createTransport': (ctx) => {
      const engine = engineOf();
      return engineCall('createTransport', () => engine.createTransport(ctx.conn.id));
    },
    'media.rtc.connect': async (ctx, { transportId, dtlsParameters }) => {
      const engine = engineOf();
      await engineCall('connect', () => engine.connectTransport(ctx.conn.id, transportId, dtlsParameters));
      return null;
    },
    'media.rtc.consume': async (ctx, { transportId, cameraId, stream, rtpCapabilities, paused }) => {
      // Asked right behind media.open: its producer exists once that open is done (its failure is its own).
      await opening.get(openingKey(ctx.conn.id, cameraId, stream))?.catch(() => undefined);
      const { camera } = playable(cameraId, stream);
      if (camera.playback === 'hls') {
        throw apiError(
          'E_CONFLICT',
          `摄像机 ${camera.id} 设为仅 HLS 播放`,
          `Camera ${camera.id} is set to play over HLS only`,
        );
      }
      const engine = engineOf();
      return engineCall('consume', () =>
        engine.consume(ctx.conn.id, transportId, producerKey(camera.id, stream), rtpCapabilities, {
          paused: paused ?? false,
        }),
      );
    },
    'media.rtc.pause': async (ctx, { consumerId }) => {
      const engine = engineOf();
      await engineCall('pause', () => engine.pauseConsumer(ctx.conn.id, consumerId));
      return null;
    },
    'media.rtc.resume': async (ctx, { consumerId }) => {
      const engine = engineOf();
      await engineCall('resume', () => engine.resumeConsumer(ctx.conn.id, consumerId));
      return null;
    },
    'media.rtc.closeConsumer': async (ctx, { consumerId }) => {
      const engine = engineOf();
      await engineCall('closeConsumer', () => engine.closeConsumer(ctx.conn.id, consumerId));
      return null;
    },
  };
}

type CameraWrite = 'cameras.update' | 'cameras.setEnabled' | 'cameras.delete';

/**
 * A camera write followed by the gateway catching up: an edited URL restarts the ingest with the new
 * one, a disabled or deleted camera's ingest stops (CameraGateway.refresh).
 */
export function refreshGatewayAfter<M extends CameraWrite>(handler: Handler<M>, gateway: CameraGateway): Handler<M> {
  return async (ctx, input) => {
    const result = await handler(ctx, input);
    const { id } = input;
    ctx.afterSuccess(() => void gateway.refresh(id).catch(() => undefined));
    return result;
  };
}
