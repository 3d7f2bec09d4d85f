import { ApiError, apiError } from '../../../common/contract';
import type { mediaMethods } from '../../../common/contract/media';
import type { MediaEngine } from '../../media/engine/types';
import { producerKey } from '../../media/gateway';
import type { Handler } from '../handler-types';
import { playable, type MediaDeps, type OpeningCalls } from './media-handler-kit';

type RtcMethod = Extract<keyof typeof mediaMethods, `media.rtc.${string}`>;

const noEngine = () => apiError('E_CONFLICT', 'WebRTC 引擎不可用', 'WebRTC engine unavailable');

/** The WebRTC signalling: the engine's capabilities, the connection's transports and its consumers. */
export function mediaRtcHandlers(deps: MediaDeps, opening: OpeningCalls): { [M in RtcMethod]: Handler<M> } {
  const { cameras, gateway } = deps;

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

  return {
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
      await opening.running(ctx.conn.id, cameraId, stream)?.catch(() => undefined);
      const { camera } = playable(cameras, cameraId, stream);
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
