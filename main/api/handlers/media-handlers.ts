import type { mediaMethods } from '../../../common/contract/media';
import type { CameraGateway } from '../../media/gateway';
import type { Handler } from '../handler-types';
import { OpeningCalls, type MediaDeps } from './media-handler-kit';
import { mediaRtcHandlers } from './media-rtc-handlers';
import { mediaStreamHandlers } from './media-stream-handlers';

export type { DemoStreams, MediaDeps } from './media-handler-kit';

type MediaHandlers = { [M in keyof typeof mediaMethods]: Handler<M> };

/**
 * The gateway's signalling (common/contract/media.ts). Every camera is visible to
 * every camera-viewing role (camera-visibility.ts; the router checks the role), so the checks here
 * are that the camera exists and is enabled. Answers never carry a URL with credentials: RTSP
 * cameras are played through the gateway's signed HLS path, a demo camera through its own signed
 * path, and an HLS camera's URL is handed out only when it holds no credentials.
 */
export function mediaHandlers(deps: MediaDeps): MediaHandlers {
  // Shared by both families: a consume waits for the media.open of its stream still running.
  const opening = new OpeningCalls();
  return { ...mediaStreamHandlers(deps, opening), ...mediaRtcHandlers(deps, opening) };
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
