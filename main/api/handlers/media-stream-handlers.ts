import { apiError } from '../../../common/contract';
import type { CameraStream } from '../../../common/contract/cameras';
import type { StreamState } from '../../../common/contract/media';
import { DEMO_MEDIA_BASE } from '../../media/demo-media';
import { demoStreamOf } from '../../media/demo-online';
import { demoScope, extScope, liveScope, playbackAnswer, signMediaToken, signedMediaPath } from '../../media/gateway';
import { hashToken } from '../../services/auth/sessions-repo';
import type { Handler, HandlerContext } from '../handler-types';
import { playable, type MediaDeps, type OpeningCalls } from './media-handler-kit';

const DEFAULT_URL_LIFETIME_MS = 12 * 3600_000;
const DEMO_PATH = new RegExp(`^${DEMO_MEDIA_BASE}/([a-z0-9][a-z0-9-]{0,31})/(main|sub)/index\\.m3u8$`);

/**
 * media.open and media.release: a camera's stream held for the connection, answered with its signed
 * path and how to play it (HLS, or WebRTC where the engine has the stream's producer).
 */
export function mediaStreamHandlers(
  deps: MediaDeps,
  opening: OpeningCalls,
): { 'media.open': Handler<'media.open'>; 'media.release': Handler<'media.release'> } {
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

  const open = async (
    ctx: HandlerContext,
    { cameraId, stream, hevc }: { cameraId: string; stream: CameraStream; hevc: boolean },
  ) => {
    const { camera, url } = playable(cameras, cameraId, stream);
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

  return {
    'media.open': (ctx, input) => opening.tracked(ctx.conn.id, input.cameraId, input.stream, open(ctx, input)),

    'media.release': (ctx, { cameraId, stream }) => {
      gateway.release(ctx.conn.id, cameraId, stream);
      deps.demo?.release(ctx.conn.id, cameraId, stream);
      // The same answer as every other id check for a camera that does not exist.
      cameras.get(cameraId);
      return null;
    },
  };
}
